package main

import (
	"fmt"
	"iter"
	"slices"
)

func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func Take[V any](seq iter.Seq[V], n int) iter.Seq[V] {
	return func(yield func(V) bool) {
		if n <= 0 {
			return
		}
		i := 0
		seq(func(v V) bool {
			i++
			return yield(v) && i < n
		})
	}
}

func Enumerate[V any](xs []V) iter.Seq2[int, V] {
	return func(yield func(int, V) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func main() {
	fmt.Println(slices.Collect(Take(Fib(), 10)))
	next, stop := iter.Pull(Fib())
	for i := 0; i < 5; i++ {
		v, ok := next()
		fmt.Print(v, ok, " ")
	}
	fmt.Println()
	stop()
	v, ok := next()
	fmt.Println("after stop:", v, ok)
	Enumerate([]string{"a", "b", "c"})(func(i int, s string) bool {
		fmt.Println(i, s)
		return i < 1
	})
}
