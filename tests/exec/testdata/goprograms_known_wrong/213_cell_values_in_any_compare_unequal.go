package main

import "fmt"

// Two interface values holding equal values of a cell type with methods
// compare unequal, and a map keyed by `any` keeps equal keys apart when
// they come from a composite literal: yaegi compares the interpreter's
// wrappers, not the values. Go compares the values.

type K struct{ A, B int }

func (k K) Sum() int { return k.A + k.B }

func main() {
	k := K{1, 2}
	var a, b any = k, k
	fmt.Println(a == b, a == any(k))
	m := map[any]int{k: 1, K{1, 2}: 2}
	fmt.Println(len(m))
}
