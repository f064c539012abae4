// Package rand adds to the standard library's math/rand/v2, for cells,
// its generic function N. See package gostd.
package rand

import (
	"math/bits"
	"math/rand/v2"
)

// intType are the integer types N takes, as math/rand/v2 lists them.
type intType interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// N returns a pseudo-random number in the half-open interval [0, n) from
// the default source, which math/rand/v2's own N draws from too. It
// panics if n <= 0.
func N[Int intType](n Int) Int {
	if n <= 0 {
		panic("invalid argument to N")
	}
	// Int(u) would be the plain spelling, but the interpreter takes a
	// conversion to a type parameter standing for a compiled package's
	// type (time.Duration) for a call; u is built bit by bit instead
	// (it is below n, so no step overflows).
	u := rand.Uint64N(uint64(n))
	var r Int
	for i := bits.Len64(u) - 1; i >= 0; i-- {
		r += r
		if u>>uint(i)&1 == 1 {
			r++
		}
	}
	return r
}
