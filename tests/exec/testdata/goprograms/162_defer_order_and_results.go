package main

import (
	"fmt"
	"strings"
)

// Deferred calls run last to first across loop iterations and nested
// loops, `defer trace(name)()` enters at the defer statement, deferred
// closures change named results after the return statement set them,
// and arguments are evaluated when the defer statement runs.

var depth int

func trace(name string) func() {
	fmt.Printf("%senter %s\n", strings.Repeat("  ", depth), name)
	depth++
	return func() {
		depth--
		fmt.Printf("%sleave %s\n", strings.Repeat("  ", depth), name)
	}
}

func fib(n int) int {
	defer trace(fmt.Sprint("fib(", n, ")"))()
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func grid() (cells []string) {
	for _, row := range []string{"a", "b"} {
		for col := 1; col <= 2; col++ {
			defer func() { cells = append(cells, fmt.Sprint(row, col)) }()
		}
	}
	return []string{"start"}
}

func double(x int) (result int) {
	defer func() { result *= 2 }()
	return x + 1
}

type Step struct {
	Name string
	N    int
}

func steps() {
	s := Step{"init", 0}
	for i := 1; i <= 3; i++ {
		s.N = i
		defer fmt.Printf("%d:%+v ", i, s)
		s.Name = fmt.Sprint("step", i)
	}
}

func main() {
	fmt.Println(fib(3))
	fmt.Println(grid())
	fmt.Println(double(4))
	steps()
	fmt.Println()
	x := 10
	defer fmt.Println("main deferred x =", x)
	x = 20
	fmt.Println("main x =", x)
}
