package main

import (
	"fmt"
	"math"
	"sort"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ Rect }

func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

func NewSquare(s float64) Square { return Square{Rect{s, s}} }

func kind(s Shape) string {
	switch s.(type) {
	case Rect:
		return "rect"
	case Circle:
		return "circle"
	case Square:
		return "square"
	}
	return "?"
}

func largest(shapes ...Shape) Shape {
	var best Shape
	for _, s := range shapes {
		if best == nil || s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, NewSquare(2), Circle{2.5}}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	total := 0.0
	for _, s := range shapes {
		fmt.Printf("%-6s area=%6.2f perim=%6.2f\n", kind(s), s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("total %.3f\n", total)
	fmt.Println(kind(largest(shapes...)))
	var s Shape
	fmt.Println(s == nil)
	s = Rect{1, 1}
	_, isCircle := s.(Circle)
	r, isRect := s.(Rect)
	fmt.Println(isCircle, isRect, r.W)
}
