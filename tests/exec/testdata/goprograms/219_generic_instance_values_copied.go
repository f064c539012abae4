package main

import "fmt"

// A value of an instance of a generic cell type written with the
// function's type parameter (Pair[T]), put into an any in a loop, is a
// copy: the pointer-receiver call after it does not show through, and
// the values print as Go prints them.

type Pair[T any] struct{ A, B T }

func (p *Pair[T]) Swap() { p.A, p.B = p.B, p.A }

type Box[T any] struct{ V T }

func (b Box[T]) Get() T { return b.V }

func collect[T any](xs []T) []any {
	var out []any
	for i, x := range xs {
		p := Pair[T]{x, xs[len(xs)-1-i]}
		out = append(out, p)
		p.Swap()
	}
	return out
}

func boxes[T any](xs []T) []any {
	var out []any
	b := Box[T]{}
	for _, x := range xs {
		b.V = x
		out = append(out, b)
	}
	return out
}

func main() {
	fmt.Println(collect([]int{1, 2, 3}))
	fmt.Println(collect([]string{"a", "b"}))
	fmt.Println(boxes([]int{4, 5}))
	for _, b := range boxes([]string{"x", "y"}) {
		fmt.Println(b.(Box[string]).Get())
	}
}
