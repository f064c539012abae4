package main

import (
	"fmt"
	"sort"
)

// Values of cell types put into interface values, in every place Go
// converts them implicitly: a var, an assignment, a return, an argument,
// slice, map and struct literals, append, a send. Each keeps its type:
// type assertions to interfaces hold and fmt uses its String method.

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.Side }

func (s Square) String() string { return fmt.Sprintf("Square(%g)", s.Side) }

type Plain struct{ A, B int }

type Box struct {
	Label string
	Item  any
}

func anything() any { return Square{3} }

func named(side float64) any {
	sq := Square{side}
	return sq
}

func pair(side float64) (any, error) { return Square{side}, nil }

func pointer() any { return &Square{6} }

func plain() any { return Plain{1, 2} }

func isShape(v any) bool {
	_, ok := v.(Shape)
	return ok
}

func main() {
	var v any = Square{2}
	fmt.Println(isShape(v), v)
	w := anything()
	fmt.Println(isShape(w), w)
	a, b := named(4), named(5)
	fmt.Println(isShape(a), a, isShape(b), b)
	p, err := pair(7)
	fmt.Println(isShape(p), p, err)
	ptr := pointer()
	fmt.Println(isShape(ptr), ptr)
	pl := plain()
	fmt.Printf("%v %+v\n", pl, pl)
	fmt.Println(isShape(Square{8}))
	xs := []any{Square{1}, "x", 2}
	xs = append(xs, Square{9})
	for _, x := range xs {
		fmt.Print(isShape(x), " ", x, "; ")
	}
	fmt.Println()
	m := map[string]any{"a": Square{1}, "b": Plain{3, 4}}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, isShape(m[k]), m[k])
	}
	shapes := []Shape{Square{1}}
	shapes = append(shapes, Square{2})
	fmt.Println(shapes, len(shapes))
	box := Box{"lid", Square{10}}
	fmt.Println(box.Label, isShape(box.Item), box.Item)
	ch := make(chan any, 1)
	ch <- Square{11}
	got := <-ch
	fmt.Println(isShape(got), got)
	sq := Square{12}
	var named2 any = sq
	fmt.Println(isShape(named2), named2)
}
