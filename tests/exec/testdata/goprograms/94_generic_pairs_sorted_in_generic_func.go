package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

func SortedPairs[K cmp.Ordered, V any](m map[K]V) []Pair[K, V] {
	out := make([]Pair[K, V], 0, len(m))
	for k, v := range m {
		out = append(out, Pair[K, V]{k, v})
	}
	slices.SortFunc(out, func(a, b Pair[K, V]) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func main() {
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	fmt.Println(v, ok)
	words := strings.Fields("the quick brown fox jumps over the lazy dog the end")
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	for _, p := range SortedPairs(counts) {
		fmt.Printf("%s=%d ", p.Key, p.Val)
	}
	fmt.Println()
	lens := Map(words, func(w string) int { return len(w) })
	fmt.Println(lens, Reduce(lens, 0, func(a, b int) int { return a + b }))
	keys := slices.Sorted(maps.Keys(counts))
	fmt.Println(keys[:3], slices.Max(lens), slices.Index(keys, "fox"))
	byCount := slices.Clone(keys)
	sort.SliceStable(byCount, func(i, j int) bool { return counts[byCount[i]] > counts[byCount[j]] })
	fmt.Println(byCount[0])
	fmt.Println(slices.Compact([]int{1, 1, 2, 2, 2, 3}), min(3, 1, 2), max(2.5, 1))
}
