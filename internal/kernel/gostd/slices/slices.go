// Package slices is the kernel's own implementation of the standard
// library's slices package, interpreted in cells. See package gostd.
//
// Inside the package every call of a generic function names its type
// arguments: the interpreter does not infer them.
package slices

import (
	"github.com/gotrain/gotrain/internal/kernel/gostd/cmp"
)

// Equal reports whether two slices hold equal elements in the same order.
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc is Equal with eq as the element comparison.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if !eq(s1[i], s2[i]) {
			return false
		}
	}
	return true
}

// Compare compares the elements pairwise with cmp.Compare, then the
// lengths.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int {
	for i := 0; i < len(s1) && i < len(s2); i++ {
		if c := cmp.Compare[E](s1[i], s2[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare[int](len(s1), len(s2))
}

// CompareFunc is Compare with c as the element comparison.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, c func(E1, E2) int) int {
	for i := 0; i < len(s1) && i < len(s2); i++ {
		if r := c(s1[i], s2[i]); r != 0 {
			return r
		}
	}
	return cmp.Compare[int](len(s1), len(s2))
}

// Index returns the first index of v in s, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

// IndexFunc returns the first index i with f(s[i]), or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is in s.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index[S, E](s, v) >= 0
}

// ContainsFunc reports whether some element satisfies f.
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	return IndexFunc[S, E](s, f) >= 0
}

// Insert inserts vs at index i and returns the result; it panics when i
// is out of range.
func Insert[S ~[]E, E any](s S, i int, vs ...E) S {
	_ = s[i:] // bounds check
	n, m := len(s), len(vs)
	if m == 0 {
		return s
	}
	if n+m > cap(s) {
		// Grow as append grows, so the capacity is the one Go gives.
		out := append(s[:i], make(S, n+m-i)...)
		copy(out[i:], vs)
		copy(out[i+m:], s[i:])
		return out
	}
	s = s[:n+m]
	copy(s[i+m:], s[i:n])
	copy(s[i:], vs)
	return s
}

// Delete removes s[i:j] and returns the result, zeroing the elements
// past its new length; it panics when the range is not valid.
func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j:len(s)] // bounds check
	if i == j {
		return s
	}
	n := len(s)
	s = append(s[:i], s[j:]...)
	zero[S, E](s[len(s):n])
	return s
}

// DeleteFunc removes the elements for which del is true.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	out := s[:0]
	for _, v := range s {
		if !del(v) {
			out = append(out, v)
		}
	}
	zero[S, E](s[len(out):])
	return s[:len(out)]
}

// Replace replaces s[i:j] by vs and returns the result, zeroing the
// elements past its length when it is shorter; it panics when the range
// is not valid.
func Replace[S ~[]E, E any](s S, i, j int, vs ...E) S {
	_ = s[i:j] // bounds check
	if i == j {
		return Insert[S, E](s, i, vs...)
	}
	n := len(s)
	if j == n {
		out := append(s[:i], vs...)
		if len(out) < n {
			zero[S, E](s[len(out):n])
		}
		return out
	}
	total := n - (j - i) + len(vs)
	if total > cap(s) {
		out := append(s[:i], make(S, total-i)...)
		copy(out[i:], vs)
		copy(out[i+len(vs):], s[j:])
		return out
	}
	// In place; vs may share s's array, so both parts are copied first.
	tail := append(S(nil), s[j:]...)
	vals := append(S(nil), vs...)
	out := s[:total]
	copy(out[i:], vals)
	copy(out[i+len(vals):], tail)
	if total < n {
		zero[S, E](s[total:n])
	}
	return out
}

// Compact replaces runs of equal elements by one copy.
func Compact[S ~[]E, E comparable](s S) S {
	if len(s) < 2 {
		return s
	}
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	zero[S, E](s[len(out):])
	return out
}

// CompactFunc is Compact with eq as the equality; it keeps the first of
// each run.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	out := s[:1]
	for _, v := range s[1:] {
		if !eq(out[len(out)-1], v) {
			out = append(out, v)
		}
	}
	zero[S, E](s[len(out):])
	return out
}

// Clone returns a shallow copy of s (nil for nil).
func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return s
	}
	return append(s[:0:0], s...) // append's capacity, as Go's Clone has
}

// Grow makes room for n more elements without another allocation.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make(S, n)...)[:len(s)]
	}
	return s
}

// Clip removes the unused capacity.
func Clip[S ~[]E, E any](s S) S { return s[:len(s):len(s)] }

// Reverse reverses s in place.
func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Concat joins slices into a new one.
func Concat[S ~[]E, E any](ss ...S) S {
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	if n == 0 {
		var none S
		return none
	}
	out := make(S, 0, n)
	for _, s := range ss {
		out = append(out, s...)
	}
	return out
}

// Repeat returns count copies of s, joined.
func Repeat[S ~[]E, E any](s S, count int) S {
	if count < 0 {
		panic("cannot be negative")
	}
	out := make(S, 0, len(s)*count)
	for i := 0; i < count; i++ {
		out = append(out, s...)
	}
	return out
}

// Min returns the smallest element (a NaN if there is one); it panics on
// an empty slice.
func Min[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if v != v {
			return v
		}
		if v < m {
			m = v
		}
	}
	return m
}

// Max returns the largest element (a NaN if there is one); it panics on an
// empty slice.
func Max[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if v != v {
			return v
		}
		if v > m {
			m = v
		}
	}
	return m
}

// MinFunc returns the first minimal element by c; it panics on an empty
// slice.
func MinFunc[S ~[]E, E any](x S, c func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if c(v, m) < 0 {
			m = v
		}
	}
	return m
}

// MaxFunc returns the first maximal element by c; it panics on an empty
// slice.
func MaxFunc[S ~[]E, E any](x S, c func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if c(v, m) > 0 {
			m = v
		}
	}
	return m
}

// zero sets every element of s to its zero value.
func zero[S ~[]E, E any](s S) {
	var z E
	for i := range s {
		s[i] = z
	}
}
