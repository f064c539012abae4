package fastmath

import "math"

// Exp is the float32 exponential, float32(math.Exp(float64(x))), bit for
// bit, at a fraction of math.Exp's cost: binary:logistic's sigmoid takes
// one per row per round (ExpTo, over a slice, is cheaper still).
//
// x = (64k + j)·ln2/64 + r with |r| <= ln2/128, so e^x = 2^k · 2^(j/64) ·
// e^r: a table of the 64 powers 2^(j/64) and a polynomial for e^r give it
// in float64 to within 2^-40 (relative). Results outside float32's normal
// range (x below -87 or above 88.5), and the about one input in a
// thousand whose result lies that close to a float32 rounding boundary,
// are left to math.Exp.
func Exp(x float32) float32 {
	if y, ok := expNear(x); ok {
		return y
	}
	return float32(math.Exp(float64(x)))
}

// ExpTo sets dst[i] to Exp(src[i]) for every i of src (dst at least as
// long; dst and src may be the same slice). Its loop body is expNear
// written out: Go inlines neither, and a call per element spills every
// register and keeps the CPU from overlapping consecutive elements' work,
// so this is about half Exp's cost per element.
func ExpTo(dst, src []float32) {
	dst = dst[:len(src)]
	for i, x := range src {
		const shifter = 0x1.8p52
		xd := float64(x)
		t := xd*(64/math.Ln2) + shifter
		n := math.Float64bits(t) - math.Float64bits(shifter)
		r := xd - (t-shifter)*(math.Ln2/64)
		r2 := r * r
		p := (1 + r) + r2*((1.0/2+r*(1.0/6))+r2*(1.0/24+r*(1.0/120)))
		y := math.Float64bits(expTable[n&63]*p) + (n>>6)<<52
		const half, slack = 1 << 28, 1 << 18
		if low := y & (1<<29 - 1); !(x > -87 && x < 88.5) || low-(half-slack) < 2*slack {
			dst[i] = float32(math.Exp(xd))
			continue
		}
		dst[i] = float32(math.Float64frombits(y))
	}
}

// expNear is Exp where it needs no math.Exp (ok); small enough to inline.
func expNear(x float32) (_ float32, ok bool) {
	// n = round(x·64/ln2): adding 1.5·2^52 rounds to an integer (ties to
	// even) held in the low bits, without math.Round's branches or a
	// float-to-int conversion on the way to r.
	const shifter = 0x1.8p52
	xd := float64(x)
	t := xd*(64/math.Ln2) + shifter
	n := math.Float64bits(t) - math.Float64bits(shifter)
	r := xd - (t-shifter)*(math.Ln2/64) // |r| <= ln2/128 (+ 2^-40 of it)
	// e^r to r^5/120 (2^-44 relative for |r| <= ln2/128), in Estrin's
	// order: two independent halves, half Horner's dependent steps.
	r2 := r * r
	p := (1 + r) + r2*((1.0/2+r*(1.0/6))+r2*(1.0/24+r*(1.0/120)))
	// n = 64k + j, 0 <= j < 64: y = 2^(j/64)·e^r·2^k, normal for x in range.
	y := math.Float64bits(expTable[n&63]*p) + (n>>6)<<52
	const half, slack = 1 << 28, 1 << 18
	low := y & (1<<29 - 1)
	return float32(math.Float64frombits(y)), x > -87 && x < 88.5 && low-(half-slack) >= 2*slack
}

// expTable holds 2^(j/64), j = 0…63, made by math.Exp2 when the package
// loads.
var expTable = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 64)
	}
	return t
}()
