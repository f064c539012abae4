package fastmath

import "math"

// Log is the float32 natural logarithm, float32(math.Log(float64(x))),
// bit for bit, at a fraction of math.Log's cost: logloss takes one per row
// per round of every evaluation set, which made math.Log the largest
// single cost of a tuning run after the histograms.
//
// A table and a short polynomial give the logarithm in float64 to within
// a known bound, far tighter than float32's precision; when that interval
// of uncertainty rounds to one float32 the answer is that float32, which
// is then also what rounding math.Log's result gives. Only when a
// float32 rounding boundary lies inside the interval (about one input in
// a thousand) or for zero, subnormal, negative, infinite and NaN inputs
// does it call math.Log itself.
func Log(x float32) float32 {
	b := math.Float32bits(x)
	if b-0x00800000 >= 0x7f800000-0x00800000 { // not a positive normal finite number
		return float32(math.Log(float64(x)))
	}
	var y float64
	if d := float64(x) - 1; d > -1.0/64 && d < 1.0/64 {
		// Near 1 the table's constant terms would swamp a small result:
		// log1p's series in d alone, whose terms shrink by 1/64 each.
		y = log1pSeries(d)
	} else {
		k := int(b>>23) - 127
		i := b >> (23 - logTableBits) & (1<<logTableBits - 1)
		z := math.Float64frombits(uint64(b&0x007fffff)<<29 | 0x3ff0000000000000) // x/2^k in [1, 2)
		r := z*logTable[i].invc - 1                                              // |r| <= 2^-8
		y = float64(k)*math.Ln2 + logTable[i].logc + poly5(r)
	}
	// y is within 2^-36 of the logarithm (relative), about 2^17 units of
	// y's last place: unless the 29 bits rounding to float32 drops lie that
	// close to half a float32 unit, y and the true logarithm (and math.Log's
	// result) round to the same float32.
	const half, slack = 1 << 28, 1 << 18
	if low := math.Float64bits(y) & (1<<29 - 1); low-(half-slack) < 2*slack {
		return float32(math.Log(float64(x)))
	}
	return float32(y)
}

// LogTo sets dst[i] to Log(src[i]) for every i of src (dst at least as
// long; dst and src may be the same slice): Log's body written out in the
// loop, which spares a call per element (Go inlines neither) — logloss
// over an evaluation set's rows each round.
func LogTo(dst, src []float32) {
	dst = dst[:len(src)]
	for i, x := range src {
		b := math.Float32bits(x)
		var y float64
		if b-0x00800000 >= 0x7f800000-0x00800000 {
			dst[i] = float32(math.Log(float64(x)))
			continue
		}
		if d := float64(x) - 1; d > -1.0/64 && d < 1.0/64 {
			y = d * (1 - d*(1.0/2-d*(1.0/3-d*(1.0/4-d*(1.0/5-d*(1.0/6-d*(1.0/7-d*(1.0/8-d*(1.0/9)))))))))
		} else {
			e := b>>23 - 127
			t := &logTable[b>>(23-logTableBits)&(1<<logTableBits-1)]
			z := math.Float64frombits(uint64(b&0x007fffff)<<29 | 0x3ff0000000000000)
			r := z*t.invc - 1
			y = float64(int32(e))*math.Ln2 + t.logc + (r - r*r*(1.0/2-r*(1.0/3-r*(1.0/4-r*(1.0/5)))))
		}
		const half, slack = 1 << 28, 1 << 18
		if low := math.Float64bits(y) & (1<<29 - 1); low-(half-slack) < 2*slack {
			dst[i] = float32(math.Log(float64(x)))
			continue
		}
		dst[i] = float32(y)
	}
}

const logTableBits = 7

// logTable holds, for each 1/128 of [1, 2), the reciprocal of the
// interval's middle c and log(c), made by math.Log when the package loads.
var logTable = func() (t [1 << logTableBits]struct{ invc, logc float64 }) {
	for i := range t {
		c := 1 + (float64(i)+0.5)/(1<<logTableBits)
		t[i].invc = 1 / c
		t[i].logc = math.Log(c)
	}
	return t
}()

// poly5 is log(1+r) to within r^6/6, below 2^-50 for |r| <= 2^-8; off
// the series' path |log x| > 1/65, so that is 2^-44 of the result.
func poly5(r float64) float64 {
	return r - r*r*(1.0/2-r*(1.0/3-r*(1.0/4-r*(1.0/5))))
}

// log1pSeries is log(1+d) for |d| < 1/64 to a relative error below 2^-47:
// the Taylor series to d^9.
func log1pSeries(d float64) float64 {
	return d * (1 - d*(1.0/2-d*(1.0/3-d*(1.0/4-d*(1.0/5-d*(1.0/6-d*(1.0/7-d*(1.0/8-d*(1.0/9)))))))))
}
