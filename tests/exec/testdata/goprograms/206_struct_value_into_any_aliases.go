package main

import "fmt"

// A struct value of a cell type with methods put into an `any` (or a
// []any) is a copy: a later write to the variable it came from does not
// show through the interface (yaegi v0.16.1 kept the variable's storage;
// the kernel converts through a function literal, ifacecopy.go).

type Point struct{ X, Y int }

func (p *Point) Scale(k int) { p.X *= k; p.Y *= k }

func main() {
	q := Point{2, 2}
	var held any = q
	q = Point{7, 7}
	fmt.Println(held, q)
	var all []any
	for i := 1; i <= 2; i++ {
		p := Point{i, i}
		all = append(all, p)
		p.Scale(100)
	}
	fmt.Println(all)
}
