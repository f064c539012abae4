package fastmath

import "math"

// Exp is the float32 exponential, float32(math.Exp(float64(x))), bit for
// bit, at about a third of math.Exp's cost: binary:logistic's sigmoid
// takes one per row per round.
//
// x = (64k + j)·ln2/64 + r with |r| <= ln2/128, so e^x = 2^k · 2^(j/64) ·
// e^r: a table of the 64 powers 2^(j/64) and a polynomial for e^r give it
// in float64 to within 2^-40 (relative). Results outside float32's normal
// range (x below -87 or above 88.5), and the about one input in a
// thousand whose result lies that close to a float32 rounding boundary,
// are left to math.Exp.
func Exp(x float32) float32 {
	if !(x > -87 && x < 88.5) { // NaN too
		return float32(math.Exp(float64(x)))
	}
	xd := float64(x)
	n := int(math.Round(xd * (64 / math.Ln2)))
	r := xd - float64(n)*(math.Ln2/64) // |r| <= ln2/128 (+ 2^-40 of it)
	j, k := n&63, n>>6                 // n = 64k + j, 0 <= j < 64
	// e^r to r^5/120 (2^-44 relative for |r| <= ln2/128).
	p := 1 + r*(1+r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120)))))
	y := expTable[j] * p
	y = math.Float64frombits(math.Float64bits(y) + uint64(k)<<52) // y·2^k: stays normal
	const half, slack = 1 << 28, 1 << 18
	if low := math.Float64bits(y) & (1<<29 - 1); low-(half-slack) < 2*slack {
		return float32(math.Exp(xd))
	}
	return float32(y)
}

// expTable holds 2^(j/64), j = 0…63, made by math.Exp2 when the package
// loads.
var expTable = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 64)
	}
	return t
}()
