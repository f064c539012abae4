package slices

import (
	"sort"

	"github.com/gotrain/gotrain/internal/kernel/gostd/cmp"
)

// The sorts hand the work to the compiled sort package: sort.Slice runs
// the same pattern-defeating quicksort as Go's slices.Sort and SortFunc
// (both are generated from one template), so elements that compare equal
// end in the order `go run` leaves them in, and it runs at compiled speed.

// Sort sorts x in ascending order; NaNs sort first.
func Sort[S ~[]E, E cmp.Ordered](x S) {
	sort.Slice(x, func(i, j int) bool { return cmp.Less[E](x[i], x[j]) })
}

// SortFunc sorts x by c (negative when a sorts before b); equal elements
// may be reordered, as in Go.
func SortFunc[S ~[]E, E any](x S, c func(a, b E) int) {
	sort.Slice(x, func(i, j int) bool { return c(x[i], x[j]) < 0 })
}

// SortStableFunc sorts x by c, keeping equal elements in their order.
func SortStableFunc[S ~[]E, E any](x S, c func(a, b E) int) {
	sort.SliceStable(x, func(i, j int) bool { return c(x[i], x[j]) < 0 })
}

// IsSorted reports whether x is in ascending order.
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less[E](x[i], x[i-1]) {
			return false
		}
	}
	return true
}

// IsSortedFunc reports whether x is in order by c.
func IsSortedFunc[S ~[]E, E any](x S, c func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if c(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

// BinarySearch finds target in sorted x: the first position where it is
// or would be inserted, and whether it is there.
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cmp.Less[E](x[m], target) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(x) && cmp.Compare[E](x[lo], target) == 0
}

// BinarySearchFunc is BinarySearch with c comparing an element with the
// target.
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, c func(E, T) int) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c(x[m], target) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(x) && c(x[lo], target) == 0
}
