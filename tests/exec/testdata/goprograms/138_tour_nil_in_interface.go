package main

import (
	"fmt"
	"math"
)

type I interface {
	M()
}

type T struct {
	S string
}

func (t *T) M() {
	if t == nil {
		fmt.Println("<nil>")
		return
	}
	fmt.Println(t.S)
}

type F float64

func (f F) M() {
	fmt.Println(f)
}

type MyFloat float64

func (f MyFloat) Abs() float64 {
	if f < 0 {
		return float64(-f)
	}
	return float64(f)
}

type Vertex struct {
	X, Y float64
}

func (v Vertex) Abs() float64 {
	return math.Sqrt(v.X*v.X + v.Y*v.Y)
}

type Abser interface {
	Abs() float64
}

func describe(i interface{}) {
	fmt.Printf("(%v, %T)\n", i, i)
}

func describeI(i I) {
	fmt.Printf("(%v, %T)\n", i, i)
}

func fibonacci(n int, c chan int) {
	x, y := 0, 1
	for i := 0; i < n; i++ {
		c <- x
		x, y = y, x+y
	}
	close(c)
}

func main() {
	var i I
	var t *T
	i = t
	describeI(i)
	i.M()
	i = &T{"hello"}
	describeI(i)
	i.M()
	i = F(math.Pi)
	describeI(i)
	i.M()

	var a Abser
	f := MyFloat(-math.Sqrt2)
	v := Vertex{3, 4}
	a = f
	fmt.Println(a.Abs())
	a = &v
	fmt.Println(a.Abs())
	a = v
	fmt.Println(a.Abs())

	var e interface{}
	describe(e)
	e = 42
	describe(e)
	e = "hello"
	describe(e)

	c := make(chan int, 10)
	go fibonacci(cap(c), c)
	for x := range c {
		fmt.Print(x, " ")
	}
	fmt.Println()
}
