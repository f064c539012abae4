package main

import "fmt"

// A function that reads the variable its result is assigned to sees
// that variable's value, not its own result early: a package-level
// variable (yaegi gave it to the function as its named result's
// storage), a field, an element, a captured local.

var count int

func next() (n int) {
	n = count + 1
	fmt.Println("next sees count =", count)
	return n
}

type counter struct{ hits int }

func (c *counter) bump() (total int) {
	total = c.hits + 10
	fmt.Println("bump sees hits =", c.hits)
	return
}

func main() {
	count = next()
	count = next()
	fmt.Println("count", count)
	c := &counter{hits: 1}
	c.hits = c.bump()
	fmt.Println("hits", c.hits)
	vals := []int{5}
	read := func() (v int, ok bool) {
		v = 100
		fmt.Println("read sees", vals[0])
		return v, true
	}
	var ok bool
	vals[0], ok = read()
	fmt.Println(vals, ok)
	x := 3
	g := func() (n int) {
		n = 7
		fmt.Println("g sees", x)
		return
	}
	x = g()
	fmt.Println(x)
	t = T{1}
	t = mk()
	fmt.Println(t)
}

type T struct{ v int }

var t T

func mk() (r T) {
	r.v = 9
	fmt.Println("mk sees", t.v)
	return
}
