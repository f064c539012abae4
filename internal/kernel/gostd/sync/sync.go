// Package sync adds to the standard library's sync package, for cells,
// its generic functions OnceValue and OnceValues. See package gostd.
package sync

import "sync"

// OnceValue returns a function that calls f once and then returns its
// value; if f panicked, every call panics with the same value.
func OnceValue[T any](f func() T) func() T {
	var once sync.Once
	var v T
	var p any
	failed := false
	return func() T {
		once.Do(func() {
			failed = true
			defer func() {
				if failed {
					p = recover()
				}
			}()
			v = f()
			failed = false
		})
		if failed {
			panic(p)
		}
		return v
	}
}

// OnceValues is OnceValue for a function of two results.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var once sync.Once
	var a T1
	var b T2
	var p any
	failed := false
	return func() (T1, T2) {
		once.Do(func() {
			failed = true
			defer func() {
				if failed {
					p = recover()
				}
			}()
			a, b = f()
			failed = false
		})
		if failed {
			panic(p)
		}
		return a, b
	}
}
