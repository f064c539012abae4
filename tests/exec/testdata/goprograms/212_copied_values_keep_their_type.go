package main

// Copied into interfaces, values of cell types still answer type
// assertions, type switches and %T as Go does.

import "fmt"

type Point struct{ X, Y int }

func (p *Point) Scale(k int) { p.X *= k; p.Y *= k }

type Namer interface{ Name() string }

type V struct{ N string }

func (v V) Name() string { return v.N }

func show(tag string, x any) {
	_, isP := x.(Point)
	_, isV := x.(V)
	_, isN := x.(Namer)
	s := ""
	switch y := x.(type) {
	case Namer:
		s = "namer " + y.Name()
	case Point:
		s = fmt.Sprint("point ", y.X)
	}
	fmt.Printf("%s: %v %T %+v %v %v %v %s\n", tag, x, x, x, isP, isV, isN, s)
}

func asAny(v V) any { return v }

func main() {
	q := Point{1, 1}
	v := V{"a"}
	a := any(q)
	var c any = v
	d := any(v)
	var f Namer = v
	g := Namer(v)
	h := asAny(v)
	var all []any
	for i := 0; i < 2; i++ {
		p := Point{i, i}
		all = append(all, p)
		p.Scale(10)
		w := V{fmt.Sprint(i)}
		all = append(all, w)
		w.N = "z"
	}
	q.X = 9
	q.Scale(3)
	v.N = "b"
	show("a", a)
	show("c", c)
	show("d", d)
	show("f", f)
	show("g", g)
	show("h", h)
	for _, x := range all {
		show("all", x)
	}
	fmt.Println(all...)
	fmt.Println(all)
}
