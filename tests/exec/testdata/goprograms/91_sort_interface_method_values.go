package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Shape
	Name() string
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Square struct{ Rect }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) Name() string       { return "circle" }
func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (r Rect) Name() string         { return "rect" }
func (s Square) Name() string       { return "square" }
func (c Circle) String() string     { return fmt.Sprintf("Circle(%.1f)", c.R) }

type ByArea []Named

func (a ByArea) Len() int           { return len(a) }
func (a ByArea) Less(i, j int) bool { return a[i].Area() < a[j].Area() }
func (a ByArea) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

type Counter struct {
	hits map[string]int
}

func (c *Counter) Add(s string) *Counter {
	if c.hits == nil {
		c.hits = map[string]int{}
	}
	c.hits[s]++
	return c
}

func main() {
	shapes := []Named{Circle{1}, Rect{3, 4}, Square{Rect{2, 2}}, Circle{0.5}}
	sort.Sort(ByArea(shapes))
	for _, s := range shapes {
		fmt.Printf("%-7s %6.2f %6.2f\n", s.Name(), s.Area(), s.Perimeter())
	}
	fmt.Println(shapes[0])
	var total float64
	for _, s := range shapes {
		if c, ok := s.(Circle); ok {
			total += c.R
		}
	}
	fmt.Println(total)
	var c Counter
	c.Add("a").Add("b").Add("a")
	fmt.Println(c.hits)
	f := c.Add
	f("z")
	fmt.Println(len(c.hits))
	g := (*Counter).Add
	g(&c, "a")
	fmt.Println(c.hits["a"])
	up := strings.ToUpper
	fmt.Println(up(Circle{2}.String()))
}
