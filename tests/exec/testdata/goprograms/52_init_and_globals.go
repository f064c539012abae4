package main

import (
	"fmt"
	"strings"
)

var (
	registry = map[string]func(int) int{}
	order    []string
	total    = compute()
	base     = 10
)

func compute() int {
	order = append(order, "compute")
	return base * 2
}

func register(name string, f func(int) int) {
	registry[name] = f
	order = append(order, "register:"+name)
}

func init() {
	register("double", func(x int) int { return 2 * x })
	order = append(order, "init1")
}

func init() {
	register("square", func(x int) int { return x * x })
	order = append(order, "init2")
}

var lookup = func() map[rune]int {
	m := map[rune]int{}
	for i, r := range "abc" {
		m[r] = i + 1
	}
	return m
}()

func main() {
	fmt.Println(strings.Join(order, " "))
	fmt.Println(total, base)
	fmt.Println(registry["double"](7), registry["square"](7))
	fmt.Println(lookup['b'], len(lookup))
}
