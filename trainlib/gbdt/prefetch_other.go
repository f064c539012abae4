//go:build !amd64

package gbdt

import "unsafe"

// prefetch3 does nothing here: the histogram loops do not prefetch on
// this architecture (prefetchAhead is 0).
func prefetch3(a, b, c unsafe.Pointer) {}

const prefetchAhead = 0
