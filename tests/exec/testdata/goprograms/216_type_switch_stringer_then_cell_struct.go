package main

import (
	"errors"
	"fmt"
)

// A type switch with a case of a package interface (fmt.Stringer,
// error) before a case of a cell struct type whose methods all have
// pointer receivers matches that case for a value put into an `any`
// directly (a composite literal, a variable), as Go does; the
// interpreter's switch missed it unless the value had been returned as
// an `any` by a function.

type Point struct{ X, Y int }

func (p *Point) Scale(k int) { p.X *= k; p.Y *= k }

type Temp float64

func (t *Temp) Set(v float64) { *t = Temp(v) }

func kind(x any) string {
	switch y := x.(type) {
	case fmt.Stringer:
		return "stringer " + y.String()
	case Point:
		return fmt.Sprint("point ", y.X)
	case *Point:
		return fmt.Sprint("*point ", y.X)
	case Temp:
		return fmt.Sprint("temp ", float64(y))
	case error:
		return "error " + y.Error()
	}
	return "other"
}

func plain(x any) string {
	switch x.(type) {
	case Point:
		return "point"
	case Temp:
		return "temp"
	}
	return "other"
}

func main() {
	var a any = Point{1, 1}
	p := Point{2, 2}
	var b any = p
	c := any(p)
	t := Temp(3.5)
	fmt.Println(kind(a), kind(b), kind(c), kind(Point{3, 3}), kind(p), kind(&p))
	fmt.Println(kind(t), kind(errors.New("e")), kind(7))
	fmt.Println(plain(a), plain(p), plain(t), plain(&p))
}
