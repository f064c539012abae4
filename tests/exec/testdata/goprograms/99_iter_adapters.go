package main

import (
	"fmt"
	"iter"
	"slices"
	"strings"
)

func Map[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Enumerate[T any](seq iter.Seq[T]) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for v := range seq {
			if !yield(i, v) {
				return
			}
			i++
		}
	}
}

func main() {
	evens := Filter(Naturals(), func(n int) bool { return n%2 == 0 })
	squares := Map(evens, func(n int) int { return n * n })
	fmt.Println(slices.Collect(Take(squares, 5)))
	words := slices.Values(strings.Fields("alpha beta gamma delta epsilon"))
	upper := Map(Filter(words, func(w string) bool { return len(w) > 4 }), strings.ToUpper)
	for i, w := range Enumerate(upper) {
		fmt.Print(i, "=", w, " ")
	}
	fmt.Println()
	lens := slices.Collect(Map(words, func(w string) int { return len(w) }))
	fmt.Println(lens, slices.Max(lens))
	for v := range Take(Naturals(), 3) {
		fmt.Print(v, ";")
	}
	fmt.Println()
}
