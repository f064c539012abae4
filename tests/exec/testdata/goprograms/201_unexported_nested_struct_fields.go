package main

import "fmt"

// fmt spells the fields of a struct held in an unexported field (embedded
// or named) and calls no String method below an unexported field.

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type inner struct {
	num  int
	temp celsius
}

type Outer struct {
	inner
	label string
	pos   struct{ x, y int }
	list  []inner
	Temp  celsius
}

type Wrapper struct {
	Shown  Outer
	hidden Outer
}

func main() {
	o := Outer{inner: inner{1, 20.5}, label: "a", list: []inner{{2, 3}}, Temp: 36.6}
	o.pos.x = 7
	fmt.Printf("%v\n", o)
	fmt.Printf("%+v\n", o)
	fmt.Println(o)
	fmt.Printf("%+v\n", &o)
	w := Wrapper{Shown: o, hidden: o}
	fmt.Printf("%+v\n", w)
	s := fmt.Sprint(w)
	fmt.Println(len(s) > 0, s)
}
