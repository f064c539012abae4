package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](items ...T) Set[T] {
	s := make(Set[T], len(items))
	for _, it := range items {
		s.Add(it)
	}
	return s
}

func (s Set[T]) Add(v T)      { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }
func (s Set[T]) Len() int     { return len(s) }
func (s Set[T]) Union(o Set[T]) Set[T] {
	out := NewSet[T]()
	for v := range s {
		out.Add(v)
	}
	for v := range o {
		out.Add(v)
	}
	return out
}

func (s Set[T]) Intersect(o Set[T]) Set[T] {
	out := NewSet[T]()
	for v := range s {
		if o.Has(v) {
			out.Add(v)
		}
	}
	return out
}

func Sorted[T cmp.Ordered](s Set[T]) []T {
	out := slices.Collect(maps.Keys(s))
	slices.Sort(out)
	return out
}

func main() {
	a := NewSet(1, 2, 3, 4)
	b := NewSet(3, 4, 5)
	fmt.Println(Sorted(a.Union(b)), Sorted(a.Intersect(b)), a.Has(5), b.Has(5))
	words := NewSet("go", "rust", "go", "zig")
	fmt.Println(words.Len(), Sorted(words))
	var empty Set[string]
	fmt.Println(empty.Len(), empty.Has("x"), len(Sorted(empty.Union(words))))
}
