package main

import (
	"fmt"
	"io"
	"strings"
)

// Deferred method calls take their receiver and arguments at the defer
// statement: closing resources opened in a loop, value receivers that
// change later, a pointer variable pointed elsewhere, and a method
// value deferred through a field of function type.

type Resource struct {
	name   string
	closed *[]string
}

func (r *Resource) Close() error {
	*r.closed = append(*r.closed, r.name)
	return nil
}

type Snapshot struct{ count int }

func (s Snapshot) Report(tag string) { fmt.Printf("%s: count=%d\n", tag, s.count) }

type Hooks struct{ onDone func(string) }

func openAll(names []string) (log []string) {
	for _, n := range names {
		r := &Resource{name: n, closed: &log}
		defer r.Close()
	}
	return nil
}

func closers() {
	var log []string
	cs := []io.Closer{&Resource{"db", &log}, &Resource{"cache", &log}, &Resource{"queue", &log}}
	func() {
		for i := range cs {
			defer cs[i].Close()
		}
	}()
	fmt.Println("closed:", strings.Join(log, ", "))
}

func snapshots() {
	s := Snapshot{1}
	defer s.Report("value receiver at defer")
	p := &Snapshot{10}
	defer p.Report("pointer at defer")
	s.count = 2
	p = &Snapshot{20}
	h := Hooks{onDone: func(m string) { fmt.Println("first hook:", m) }}
	defer h.onDone("done")
	h.onDone = func(m string) { fmt.Println("second hook:", m) }
}

func main() {
	fmt.Println(openAll([]string{"a", "b", "c"}))
	closers()
	snapshots()
}
