package main

import "fmt"

func makeCounter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 0 }
}

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var gs []func() string
	for _, s := range []string{"x", "y", "z"} {
		gs = append(gs, func() string { return s + s })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()

	inc, reset := makeCounter()
	inc()
	inc()
	fmt.Println(inc())
	reset()
	fmt.Println(inc())

	adders := map[string]func(int) int{}
	for _, k := range []int{1, 5, 10} {
		adders[fmt.Sprint("add", k)] = func(x int) int { return x + k }
	}
	fmt.Println(adders["add1"](1), adders["add5"](1), adders["add10"](1))

	fib := func() func() int {
		a, b := 0, 1
		return func() int {
			r := a
			a, b = b, a+b
			return r
		}
	}()
	for range 8 {
		fmt.Print(fib(), " ")
	}
	fmt.Println()
}
