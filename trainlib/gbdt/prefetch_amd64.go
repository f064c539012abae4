package gbdt

import "unsafe"

// prefetch3 asks the CPU to bring the cache lines of a, b and c into L1
// without waiting for them (PREFETCHT0): unlike a load, a prefetch never
// holds up the instructions after it.
//
//go:noescape
func prefetch3(a, b, c unsafe.Pointer)

// prefetchAhead is how many rows ahead the histogram loops prefetch on
// this architecture.
const prefetchAhead = 8
