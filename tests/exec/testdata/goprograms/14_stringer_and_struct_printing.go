package main

import (
	"fmt"
	"strings"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string { return [...]string{"Red", "Green", "Blue"}[c] }

type Pixel struct {
	X, Y int
	C    Color
}

func main() {
	p := Pixel{1, 2, Blue}
	fmt.Println(p, Green)
	fmt.Printf("%v %+v %d\n", p, p, p.C)
	var b strings.Builder
	for i := range 3 {
		fmt.Fprintf(&b, "[%d]", i)
	}
	fmt.Println(b.String(), strings.Repeat("=", 5))
}
