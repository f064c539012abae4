package main

import (
	"fmt"
	"sort"
	"strings"
)

type Animal interface {
	Sound() string
	Name() string
}

type base struct{ name string }

func (b base) Name() string { return b.name }

type Dog struct {
	base
	breed string
}

func (Dog) Sound() string { return "woof" }

type Cat struct{ base }

func (Cat) Sound() string { return "meow" }

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(s string) { l.lines = append(l.lines, l.prefix+s) }

type Service struct {
	*Logger
	Name string
}

type ReadWriter interface {
	Reader
	Writer
}

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }

type buffer struct{ data []string }

func (b *buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}
func (b *buffer) Write(s string) { b.data = append(b.data, s) }

type byName []Animal

func (a byName) Len() int           { return len(a) }
func (a byName) Less(i, j int) bool { return a[i].Name() < a[j].Name() }
func (a byName) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func main() {
	zoo := []Animal{Dog{base{"rex"}, "lab"}, Cat{base{"tom"}}, Dog{base{"ace"}, "pug"}}
	sort.Sort(byName(zoo))
	for _, a := range zoo {
		fmt.Println(a.Name(), a.Sound())
		if d, ok := a.(Dog); ok {
			fmt.Println("  breed:", d.breed)
		}
	}
	svc := Service{&Logger{prefix: "[svc] "}, "api"}
	svc.Log("start")
	svc.Log("stop")
	fmt.Println(strings.Join(svc.lines, "; "))

	var rw ReadWriter = &buffer{}
	rw.Write("a")
	rw.Write("b")
	var r Reader = rw
	fmt.Println(r.Read(), rw.Read(), rw.Read() == "")
	var w Writer = rw
	_, isReader := w.(Reader)
	fmt.Println(isReader)
	d := Dog{base{"fido"}, "mutt"}
	fmt.Println(d.name, d.base.Name(), d.Name())
}
