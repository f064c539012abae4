package main

import "fmt"

// A composite literal of a cell type put straight into a variable of
// interface type loses its type in the interpreter (README, known limits).

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.Side }

func (s Square) String() string { return fmt.Sprintf("Square(%g)", s.Side) }

func anything() any { return Square{3} }

func main() {
	var v any = Square{2}
	_, isShape := v.(Shape)
	fmt.Println(isShape, v)
	w := anything()
	_, isShape = w.(Shape)
	fmt.Println(isShape, w)
	sq := Square{4}
	var named any = sq
	_, isShape = named.(Shape)
	fmt.Println(isShape, named)
}
