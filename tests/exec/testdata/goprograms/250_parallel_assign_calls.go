package main

// A parallel assignment whose right-hand side holds a call, a receive or
// a composite literal assigns every pair: yaegi let such an operand
// store its value straight into its destination and dropped the
// statement's other pairs, so a merge sort's `out, l = append(out,
// l[0]), l[1:]` never advanced l (the loop ran until memory ran out) and
// `a, b = two(), 9` left b as it was.

import "fmt"

type P struct{ x int }

func two() int { return 2 }

func merge(l, r []int) []int {
	out := make([]int, 0, len(l)+len(r))
	for len(l) > 0 && len(r) > 0 {
		if l[0] <= r[0] {
			out, l = append(out, l[0]), l[1:]
		} else {
			out, r = append(out, r[0]), r[1:]
		}
	}
	return append(append(out, l...), r...)
}

func mergeSort(a []int) []int {
	if len(a) <= 1 {
		return a
	}
	mid := len(a) / 2
	return merge(mergeSort(a[:mid]), mergeSort(a[mid:]))
}

func main() {
	fmt.Println(mergeSort([]int{31, 41, 59, 26, 53, 58, 97, 93, 23, 84}))

	a, b := 1, 1
	a, b = two(), 9
	fmt.Println("call first:", a, b)
	a, b = 5, two()
	fmt.Println("call second:", a, b)
	a, b = len("abc"), 8
	fmt.Println("builtin:", a, b)

	ch := make(chan int, 1)
	ch <- 3
	a, b = <-ch, 10
	fmt.Println("receive:", a, b)

	var p P
	p, a = P{4}, 11
	fmt.Println("literal:", p, a)

	var arr [3]int
	arr[0], arr[1] = two(), 4
	fmt.Println("elements:", arr)

	s := "abc"
	var out []string
	for len(s) > 0 {
		out, s = append(out, s[:1]), s[1:]
	}
	fmt.Println(out, len(s))

	calls := 0
	next := func() int { calls++; return calls }
	x, y, z := 0, 0, 0
	x, y, z = next(), next(), next()
	fmt.Println("in order:", x, y, z)
	x, y = y, x
	fmt.Println("swap:", x, y)
}
