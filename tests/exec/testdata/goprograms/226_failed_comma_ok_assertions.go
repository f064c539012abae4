package main

import (
	"fmt"
	"strconv"
)

// A Tour of Go's type assertions, in a loop: a failed comma-ok assertion
// gives the zero value of the asserted type, whatever the variable held.

type Shape interface{ Area() float64 }

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Named interface{ Name() string }

func (s Square) Name() string { return "square " + strconv.FormatFloat(s.S, 'g', -1, 64) }

func main() {
	var i interface{} = "hello"
	s, ok := i.(string)
	fmt.Println(s, ok)
	f, ok := i.(float64)
	fmt.Println(f, ok)

	for _, v := range []any{"a", 2, "b", 3.5, nil} {
		str, ok := v.(string)
		n, isInt := v.(int)
		fmt.Printf("%q %v %d %v\n", str, ok, n, isInt)
	}
	count := 7
	var x any = "str"
	count, ok = x.(int)
	fmt.Println(count, ok)

	shapes := []Shape{Square{2}, Circle{1}, Square{3}}
	for _, sh := range shapes {
		sq, ok := sh.(Square)
		c, isCircle := sh.(Circle)
		nm, named := sh.(Named)
		label := "-"
		if named {
			label = nm.Name()
		}
		fmt.Println(sq, ok, c, isCircle, label)
	}
	var last Square
	for _, sh := range shapes {
		last, _ = sh.(Square)
		fmt.Print(last.S, " ")
	}
	fmt.Println()
}
