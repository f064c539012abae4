package main

import (
	"errors"
	"fmt"
	"io"
)

// Type assertions to interfaces the program declares, or writes out, of
// values held in an error, in an any, or in another interface: the
// Unwrap chain walked by hand, optional interfaces (a Closer among
// Readers), and an interface value passed straight on from a call.

type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

type Shape interface{ Area() float64 }
type Named interface{ Name() string }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type File struct{ name string }

func (f *File) Read(p []byte) (int, error) { return 0, io.EOF }
func (f *File) Close() error               { fmt.Println("closing", f.name); return nil }

func open(name string) error {
	return &OpError{"open " + name, &OpError{"stat", errors.New("no such file")}}
}

func biggest(shapes ...Shape) Shape {
	var best Shape
	for _, s := range shapes {
		if best == nil || s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

func describe(v any) string {
	if n, ok := v.(Named); ok {
		return "named " + n.Name()
	}
	if s, ok := v.(Shape); ok {
		return fmt.Sprintf("shape of area %g", s.Area())
	}
	return "other"
}

func main() {
	err := open("data.csv")
	depth := 0
	for err != nil {
		fmt.Println(depth, err)
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			break
		}
		err = u.Unwrap()
		depth++
	}
	var r io.Reader = &File{"a.txt"}
	if c, ok := r.(io.Closer); ok {
		c.Close()
	}
	if c, ok := r.(interface{ Close() error }); ok {
		c.Close()
	}
	for _, v := range []any{Rect{2, 3}, Circle{1}, 7} {
		fmt.Println(describe(v))
	}
	fmt.Println(describe(biggest(Rect{1, 1}, Circle{2})))
	var s Shape = Rect{4, 5}
	n := s.(Named)
	fmt.Println(n.Name())
	_, isNamed := Shape(Circle{1}).(Named)
	fmt.Println(isNamed)
	held := any(biggest(Rect{1, 2}, Rect{3, 4}))
	fmt.Println(held.(Shape).Area())
}
