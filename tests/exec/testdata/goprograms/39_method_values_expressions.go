package main

import (
	"fmt"
	"strings"
)

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }
func (p Point) Str() string       { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Greeter struct{ greeting string }

func (g Greeter) Greet(name string) string { return g.greeting + ", " + name }

func apply(fs []func(string) string, s string) string {
	for _, f := range fs {
		s = f(s)
	}
	return s
}

func main() {
	p := Point{1, 2}
	add := p.Add
	p = Point{100, 100}
	fmt.Println(add(Point{10, 10}).Str())

	scale := p.Scale
	scale(2)
	fmt.Println(p.Str())

	addExpr := Point.Add
	fmt.Println(addExpr(Point{1, 1}, Point{2, 3}).Str())

	scaleExpr := (*Point).Scale
	q := Point{3, 4}
	scaleExpr(&q, 3)
	fmt.Println(q.Str())

	hello := Greeter{"Hello"}.Greet
	fmt.Println(hello("gopher"))

	fmt.Println(apply([]func(string) string{strings.ToUpper, strings.TrimSpace, hello}, "  go  "))
	strs := []Point{{1, 1}, {2, 2}}
	var out []string
	for _, s := range strs {
		out = append(out, s.Str())
	}
	fmt.Println(strings.Join(out, " "))
}
