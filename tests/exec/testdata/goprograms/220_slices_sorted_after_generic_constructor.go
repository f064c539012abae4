package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// slices.Sorted, SortedFunc and SortedStableFunc of iterators: in a
// generic function over a generic map type whose generic constructor ran
// first (this crashed the interpreter's process), in main, and with
// comparison functions.

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](items ...T) Set[T] {
	s := Set[T]{}
	for _, it := range items {
		s[it] = struct{}{}
	}
	return s
}

func (s Set[T]) Add(v T) { s[v] = struct{}{} }

func Sorted[T cmp.Ordered](s Set[T]) []T {
	return slices.Sorted(maps.Keys(s))
}

type Person struct {
	Name string
	Age  int
}

func main() {
	s := NewSet("b", "a", "c")
	s.Add("aa")
	fmt.Println(Sorted(s))
	n := NewSet(3, 1, 2)
	fmt.Println(Sorted(n))

	counts := map[string]int{"z": 1, "y": 2, "x": 3}
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		fmt.Println(k, counts[k])
	}
	fmt.Println(slices.Sorted(maps.Values(counts)))
	byLen := slices.SortedFunc(maps.Keys(map[string]bool{"ccc": true, "a": true, "bb": true}), func(a, b string) int {
		return cmp.Compare(len(a), len(b))
	})
	fmt.Println(byLen)
	people := map[string]Person{"p1": {"Ann", 30}, "p2": {"Bob", 25}, "p3": {"Cid", 30}}
	byAge := slices.SortedStableFunc(maps.Values(people), func(a, b Person) int {
		if c := cmp.Compare(a.Age, b.Age); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	fmt.Println(byAge)
	fmt.Println(slices.Sorted(slices.Values([]int{5, 2, 9})))
}
