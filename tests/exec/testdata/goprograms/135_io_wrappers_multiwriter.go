package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
)

type upperWriter struct{ w io.Writer }

func (u upperWriter) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

type countingReader struct {
	io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.Reader.Read(p)
	c.n += n
	return n, err
}

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string  { return b.name }
func (b Base) Sound() string { return "..." }
func (b Base) Describe() string {
	return b.Name() + " says " + b.Sound()
}

type Dog struct{ Base }

func (Dog) Sound() string { return "woof" }

type Loud struct {
	Animal
}

func (l Loud) Sound() string { return strings.ToUpper(l.Animal.Sound()) + "!" }

func main() {
	w := upperWriter{os.Stdout}
	fmt.Fprintf(w, "hello %s\n", "world")
	cr := &countingReader{Reader: strings.NewReader("some text here\nsecond line\n")}
	sc := bufio.NewScanner(cr)
	lines := 0
	for sc.Scan() {
		lines++
	}
	fmt.Println(lines, cr.n)
	d := Dog{Base{"rex"}}
	fmt.Println(d.Name(), d.Sound(), d.Describe())
	animals := []Animal{d, Base{"generic"}, Loud{d}}
	for _, a := range animals {
		fmt.Printf("%s: %s\n", a.Name(), a.Sound())
	}
	lr := io.LimitReader(strings.NewReader("0123456789"), 4)
	b, _ := io.ReadAll(lr)
	fmt.Println(string(b))
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprint(pw, "through the pipe")
		pw.Close()
	}()
	pb, _ := io.ReadAll(pr)
	fmt.Println(string(pb))
	var sb strings.Builder
	mw := io.MultiWriter(&sb, upperWriter{&sb})
	io.WriteString(mw, "x")
	fmt.Println(sb.String())
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, "a1b2c3"))
	tr := io.TeeReader(strings.NewReader("tee"), os.Stdout)
	io.ReadAll(tr)
	fmt.Println()
}
