package main

// A pointer or a slice of a cell type with methods held in an interface
// keeps the value it was given when the variable is assigned again.

import "fmt"

type Point struct{ X, Y int }

func (p *Point) Scale(k int) { p.X *= k; p.Y *= k }

type S []int

func (s S) Len() int { return len(s) }

type Namer interface{ Name() string }

type N struct{ n string }

func (v *N) Name() string { return v.n }

func main() {
	p := &Point{1, 1}
	var a any = p
	p = &Point{2, 2}
	fmt.Println(a, p)
	s := S{1}
	var b any = s
	s = S{2, 3}
	fmt.Println(b, s)
	n := &N{"a"}
	var nm Namer = n
	n = &N{"b"}
	fmt.Println(nm.Name())
	var ps []any
	for i := 0; i < 2; i++ {
		q := &Point{i, i}
		ps = append(ps, q)
		q = nil
	}
	fmt.Println(*ps[0].(*Point), *ps[1].(*Point))
}
