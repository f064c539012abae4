package main

// Every place a value of a cell type with methods becomes an interface
// value copies it, as Go does: assignment, var, conversion, append,
// composite literal elements and fields, map values, sends, call
// arguments, returns; from variables, fields, array elements and call
// results; struct, array, basic and pointer kinds; cell interfaces and
// empty ones.

import "fmt"

type Point struct{ X, Y int }

func (p *Point) Scale(k int) { p.X *= k; p.Y *= k }

type Plain struct{ A int }

type Shape interface{ Scale(int) }

type Namer interface{ Name() string }

type V struct{ N string }

func (v V) Name() string { return v.N }

type Box struct{ Held any }

func keep(x any) any { return x }

var kept []any

func store(x any) { kept = append(kept, x) }

func ret() (any, Namer) {
	v := V{"a"}
	p := Point{1, 1}
	defer func() { v.N = "changed"; p.X = 99 }()
	return p, v
}

func ret2() any {
	p := Point{3, 3}
	var r any = p
	p.X = 44
	return r
}

type Pair struct {
	P Point
	Q [2]Point
}

func main() {
	q := Point{1, 1}
	var a1 any = q
	var a2 any
	a2 = q
	a3 := any(q)
	s1 := append([]any{}, q)
	s2 := []any{q}
	m := map[string]any{"k": q}
	m2 := map[string]any{}
	m2["k"] = q
	ch := make(chan any, 1)
	ch <- q
	b := Box{Held: q}
	b2 := Box{q}
	k := keep(q)
	store(q)
	var sh Shape = &q
	_ = sh
	q.X = 5
	q.Scale(10)
	fmt.Println(a1, a2, a3, s1, s2, m, m2, <-ch, b, b2, k, kept)

	pl := Plain{1}
	var pa any = pl
	pl.A = 2
	fmt.Println(pa)

	v := V{"x"}
	var n Namer = v
	var na any = v
	v.N = "y"
	fmt.Println(n.Name(), na)

	r1, r2 := ret()
	fmt.Println(r1, r2.Name(), ret2())

	pr := Pair{}
	var f1 any = pr.P
	var f2 any = pr.Q[1]
	arr := [2]Point{}
	var f3 any = arr[0]
	sl := []Point{{1, 2}}
	var f4 any = sl[0]
	pp := &Point{8, 8}
	var f5 any = *pp
	pr.P.X = 1
	pr.Q[1].X = 1
	arr[0].X = 1
	sl[0].X = 1
	pp.X = 1
	fmt.Println(f1, f2, f3, f4, f5)

	var t any
	for i := 0; i < 2; i++ {
		c := Point{i, i}
		if i == 0 {
			t = c
		}
		c.X = 7
	}
	fmt.Println(t)

	xs := []any{}
	for _, p := range []Point{{1, 1}, {2, 2}} {
		xs = append(xs, p)
		p.X = 0
	}
	fmt.Println(xs)
}
