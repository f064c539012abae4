package slices

import (
	"github.com/gotrain/gotrain/internal/kernel/gostd/cmp"
	"github.com/gotrain/gotrain/internal/kernel/gostd/iter"
)

// All yields the indexes and elements of s in order.
func All[S ~[]E, E any](s S) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

// Backward yields the indexes and elements of s from the last.
func Backward[S ~[]E, E any](s S) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

// Values yields the elements of s in order.
func Values[S ~[]E, E any](s S) iter.Seq[E] {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

// AppendSeq appends the values of seq to s.
func AppendSeq[S ~[]E, E any](s S, seq iter.Seq[E]) S {
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	return s
}

// Collect returns the values of seq in a new slice.
func Collect[E any](seq iter.Seq[E]) []E {
	return AppendSeq[[]E, E]([]E(nil), seq)
}

// Sorted returns the values of seq, sorted.
func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E {
	s := Collect[E](seq)
	Sort[[]E, E](s)
	return s
}

// SortedFunc returns the values of seq sorted by c.
func SortedFunc[E any](seq iter.Seq[E], c func(E, E) int) []E {
	s := Collect[E](seq)
	SortFunc[[]E, E](s, c)
	return s
}

// SortedStableFunc returns the values of seq sorted stably by c.
func SortedStableFunc[E any](seq iter.Seq[E], c func(E, E) int) []E {
	s := Collect[E](seq)
	SortStableFunc[[]E, E](s, c)
	return s
}

// Chunk yields consecutive sub-slices of s of n elements (the last may be
// shorter), each with its capacity clipped; it panics when n < 1.
func Chunk[S ~[]E, E any](s S, n int) iter.Seq[S] {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func(S) bool) {
		for i := 0; i < len(s); i += n {
			end := i + n
			if end > len(s) {
				end = len(s)
			}
			if !yield(s[i:end:end]) {
				return
			}
		}
	}
}
