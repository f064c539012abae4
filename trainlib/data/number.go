package data

import (
	"bytes"
	"encoding/binary"
	"math"
	"strconv"
)

// numKind says what a field holds.
type numKind uint8

const (
	numOK      numKind = iota // a finite number
	numMissing                // a missing-value marker
	numBad                    // not a number
	numInf                    // an infinite number
)

// pow10 holds the powers of ten a float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseNumber reads a field as a float32 the way XGBoost's Python users get
// it: parsed as float64 (correctly rounded), then rounded to float32. Spaces
// around the number are ignored. Any float spelling strconv accepts is
// accepted: 5.00E+05, +1, .5, 1e-3.
func parseNumber(b []byte, missing map[string]bool) (float32, numKind) {
	if len(b) > 0 && (b[0] <= ' ' || b[len(b)-1] <= ' ') {
		b = bytes.TrimSpace(b)
	}
	if v, ok := fastFloat(b); ok {
		return float32(v), numOK
	}
	if missing[string(b)] {
		return 0, numMissing
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		var ne *strconv.NumError
		if ok := asNumError(err, &ne); ok && ne.Err == strconv.ErrRange {
			// Out of float64's range: ±Inf, or a value that underflows to 0
			// (strconv returns the rounded value with ErrRange).
			if math.IsInf(v, 0) {
				return 0, numInf
			}
			return float32(v), numOK
		}
		return 0, numBad
	}
	switch {
	case math.IsNaN(v):
		return 0, numMissing
	case math.IsInf(v, 0):
		return 0, numInf
	}
	f := float32(v)
	if math.IsInf(float64(f), 0) {
		return 0, numInf // finite in float64, too large for float32
	}
	return f, numOK
}

func asNumError(err error, target **strconv.NumError) bool {
	ne, ok := err.(*strconv.NumError)
	if ok {
		*target = ne
	}
	return ok
}

// fastFloat parses plain decimal numbers ([sign] digits [. digits]
// [e [sign] digits]) with at most 15 significant digits and a small exponent
// exactly (Clinger's fast path: both operands are exact float64 values, so
// one multiplication or division rounds correctly). It reports false for
// anything else, which the caller hands to strconv.
func fastFloat(b []byte) (float64, bool) {
	n := len(b)
	if n == 0 {
		return 0, false
	}
	i := 0
	neg := false
	if c := b[0]; c == '+' || c == '-' {
		neg = c == '-'
		i++
	}
	start := i
	var mant uint64
	for ; i < n; i++ {
		d := b[i] - '0'
		if d > 9 {
			break
		}
		mant = mant*10 + uint64(d)
	}
	digits, exp := i-start, 0
	if i < n && b[i] == '.' {
		i++
		from := i
		if k := n - i; k > 0 && k <= 8 && cap(b)-i >= 8 {
			// The fraction of most numbers in CSV files: at most 8 digits
			// that end the field, read in one word (the bytes after the
			// field, in b's spare capacity, are shifted out).
			w := binary.LittleEndian.Uint64(b[i:cap(b)])
			sh := uint(8 * (8 - k))
			w = w<<(sh&63) | zeros8>>((64-sh)&63) // k digits led by 8-k zeros; sh is 8..56
			if eightDigits(w) {
				mant = mant*uint64(pow10i[k]) + eightValue(w)
				i = n
			}
		}
		for ; i < n; i++ {
			d := b[i] - '0'
			if d > 9 {
				break
			}
			mant = mant*10 + uint64(d)
		}
		exp = from - i
		digits += i - from
	}
	if digits == 0 {
		return 0, false
	}
	if digits > 15 && significantDigits(b[start:i]) > 15 {
		// Leading zeros aside, more digits than a float64 holds exactly
		// (mant may have wrapped too).
		return 0, false
	}
	if i < n {
		if c := b[i]; c != 'e' && c != 'E' {
			return 0, false
		}
		i++
		eneg := false
		if i < n && (b[i] == '+' || b[i] == '-') {
			eneg = b[i] == '-'
			i++
		}
		if i == n {
			return 0, false
		}
		e := 0
		for ; i < n; i++ {
			d := b[i] - '0'
			if d > 9 {
				return 0, false
			}
			if e > 1000 {
				return 0, false
			}
			e = e*10 + int(d)
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	v := float64(mant)
	switch {
	case mant == 0:
	case exp == 0:
	case exp > 0 && exp <= 22:
		v *= pow10[exp]
	case exp < 0 && exp >= -22:
		v /= pow10[-exp]
	default:
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// Eight ASCII digits in a little-endian word, the first in the low byte.
const zeros8 = 0x3030303030303030

// pow10i holds 10^k for k ≤ 8.
var pow10i = [...]uint32{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8}

// eightDigits reports whether every byte of w is an ASCII digit: each
// high nibble is 3, and adding 6 keeps it 3 (no byte above '9').
func eightDigits(w uint64) bool {
	const nibbles = 0xF0F0F0F0F0F0F0F0
	return w&nibbles == zeros8 && (w+0x0606060606060606)&nibbles == zeros8
}

// eightValue is the number the eight digits of w spell: pairs of digits,
// then pairs of pairs, then the two halves, each by one multiplication.
func eightValue(w uint64) uint64 {
	w -= zeros8
	w = (w*10 + w>>8) & 0x00FF00FF00FF00FF   // d0d1, d2d3, d4d5, d6d7
	w = (w*100 + w>>16) & 0x0000FFFF0000FFFF // d0..d3, d4..d7
	return (w*10000 + w>>32) & 0xFFFFFFFF    // d0..d7
}

// significantDigits counts the digits of a run of digits and at most one
// '.', leading zeros left out.
func significantDigits(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '.' || (c == '0' && n == 0) {
			continue
		}
		n++
	}
	return n
}
