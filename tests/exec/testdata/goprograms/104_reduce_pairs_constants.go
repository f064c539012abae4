package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

func main() {
	words := strings.Fields("b a c a b a")
	counts := Reduce(words, map[string]int{}, func(m map[string]int, w string) map[string]int { m[w]++; return m })
	var ps []Pair[string, int]
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		ps = append(ps, Pair[string, int]{k, counts[k]})
	}
	slices.SortStableFunc(ps, func(x, y Pair[string, int]) int { return cmp.Compare(y.Val, x.Val) })
	fmt.Println(ps, Reduce(ps, "", func(s string, p Pair[string, int]) string { return s + p.Key }))
	fmt.Println(Reduce(ps, 0.5, func(f float64, p Pair[string, int]) float64 { return f + float64(p.Val) }))
	m := maps.Collect(func(yield func(string, int) bool) {
		for _, p := range ps {
			if !yield(p.Key, p.Val*10) {
				return
			}
		}
	})
	fmt.Println(len(m), m["a"])
}
