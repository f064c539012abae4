package fastmath

import (
	"math"
	"os"
	"testing"
)

// The functions and the math functions they must match bit for bit.
var pairs = []struct {
	name string
	fast func(float32) float32
	ref  func(float64) float64
	// edges are inputs checked with their neighbours on top of the sweep:
	// the ends of the fast path and points around 0 and 1.
	edges []float32
}{
	{"Exp", Exp, math.Exp, []float32{-87, -86.99999, 88.49999, 88.5, 0, 1, -1, 1e-8, -1e-8}},
	{"ExpTo", expToOne, math.Exp, []float32{-87, -86.99999, 88.49999, 88.5, 0, 1, -1, 1e-8, -1e-8}},
	{"Log", Log, math.Log, []float32{1 - 1.0/64, 1 + 1.0/64, 1, 0x1p-126, math.MaxFloat32}},
	{"LogTo", logToOne, math.Log, []float32{1 - 1.0/64, 1 + 1.0/64, 1, 0x1p-126, math.MaxFloat32}},
}

// Each function answers float32(math.F(float64(x))) bit for bit. Every
// 61st float32 bit pattern is checked (70 million inputs, both signs,
// zeros, subnormals, infinities and NaNs among them); all 2^32 were
// checked once by hand with F32_ALL=1.
func TestSameBitsAsMath(t *testing.T) {
	step := uint64(61)
	if testing.Short() {
		step = 6151
	}
	if os.Getenv("F32_ALL") == "1" {
		step = 1
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			check := func(x float32) {
				got, want := p.fast(x), float32(p.ref(float64(x)))
				if math.Float32bits(got) != math.Float32bits(want) && !(got != got && want != want) {
					t.Fatalf("%s(%g) (bits %#08x) = %g, math gives %g", p.name, x, math.Float32bits(x), got, want)
				}
			}
			for u := uint64(0); u < 1<<32; u += step {
				check(math.Float32frombits(uint32(u)))
			}
			for _, x := range p.edges {
				check(x)
				check(math.Nextafter32(x, 100))
				check(math.Nextafter32(x, -100))
			}
		})
	}
}

// expToOne is ExpTo of one element.
func expToOne(x float32) float32 {
	v := []float32{x}
	ExpTo(v, v)
	return v[0]
}

// logToOne is LogTo of one element.
func logToOne(x float32) float32 {
	v := []float32{x}
	LogTo(v, v)
	return v[0]
}

// LogTo over a long slice, in place and into another slice, gives Log of
// every element: both of its paths (near 1 and the table's), math.Log's
// inputs (0, negative, subnormal, NaN, infinity) among the others.
func TestLogToSlice(t *testing.T) {
	src := make([]float32, 5000)
	for i := range src {
		src[i] = float32(i) / 2500 * float32(1+i%7)
	}
	src[17], src[18], src[19], src[20] = float32(math.NaN()), float32(math.Inf(1)), -1, 0x1p-140
	out := make([]float32, len(src)+3)
	LogTo(out, src)
	in := append([]float32(nil), src...)
	LogTo(in, in)
	for i, x := range src {
		want := math.Float32bits(Log(x))
		if x != x {
			if out[i] == out[i] || in[i] == in[i] {
				t.Fatalf("LogTo(NaN) at %d: %g, in place %g", i, out[i], in[i])
			}
			continue
		}
		if math.Float32bits(out[i]) != want || math.Float32bits(in[i]) != want {
			t.Fatalf("LogTo at %d (%g): %g, in place %g; Log gives %g", i, x, out[i], in[i], Log(x))
		}
	}
}

// ExpTo over a long slice, in place and into another slice, gives Exp of
// every element.
func TestExpToSlice(t *testing.T) {
	src := make([]float32, 5000)
	for i := range src {
		src[i] = float32(i-2500) / 27
	}
	src[17] = float32(math.NaN())
	src[18] = float32(math.Inf(-1))
	out := make([]float32, len(src)+3)
	ExpTo(out, src)
	in := append([]float32(nil), src...)
	ExpTo(in, in)
	for i, x := range src {
		want := math.Float32bits(Exp(x))
		if math.Float32bits(out[i]) != want || math.Float32bits(in[i]) != want {
			t.Fatalf("ExpTo at %d (%g): %g, in place %g; Exp gives %g", i, x, out[i], in[i], Exp(x))
		}
	}
}

// Each function against math's, over 4096 inputs of its working range.
func BenchmarkAgainstMath(b *testing.B) {
	xs := make([]float32, 4096)
	for _, p := range pairs {
		for i := range xs {
			if p.name == "Log" {
				xs[i] = float32(i+1) / float32(len(xs)+1)
			} else {
				xs[i] = float32(i-2048) / 256
			}
		}
		b.Run(p.name, func(b *testing.B) {
			var s float32
			for b.Loop() {
				for _, x := range xs {
					s += p.fast(x)
				}
			}
			sink = s
		})
		b.Run("math."+p.name, func(b *testing.B) {
			var s float32
			for b.Loop() {
				for _, x := range xs {
					s += float32(p.ref(float64(x)))
				}
			}
			sink = s
		})
	}
}

var sink float32
