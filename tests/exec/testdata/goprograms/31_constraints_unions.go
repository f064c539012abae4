package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

type Float interface {
	~float32 | ~float64
}

type Numeric interface {
	Integer | Float
}

type Meters int
type Score float32

func SumAll[S ~[]E, E Numeric](s S) E {
	var total E
	for _, v := range s {
		total += v
	}
	return total
}

func Clamp[T cmp.Ordered](v, lo, hi T) T {
	return max(lo, min(v, hi))
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

type Path []Meters

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func main() {
	p := Path{3, 4, 5}
	fmt.Println(SumAll(p))
	fmt.Printf("%.1f\n", SumAll([]Score{1.5, 2.25}))
	fmt.Println(SumAll([]int8{1, 2, 3}))
	fmt.Println(Clamp(15, 0, 10), Clamp(-3, 0, 10), Clamp("m", "a", "k"))
	ages := map[string]int{"bob": 31, "al": 40, "cy": 22}
	ks := Keys(ages)
	slices.Sort(ks)
	fmt.Println(strings.Join(ks, ","))
	fmt.Println(Index([]string{"x", "y", "z"}, "z"), Index(p, 9))
}
