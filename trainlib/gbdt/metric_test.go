package gbdt

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The one-logarithm logloss of a 0/1 label has the bits of the two-term
// formula, clamps included.
func TestLoglossOneTermSameBits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ps := []float64{0, 1, 1e-20, 1 - 1e-17, 0.5, float64(float32(0.3))}
	for range 10000 {
		ps = append(ps, float64(float32(r.Float64())))
	}
	const eps = 1e-16
	for _, p := range ps {
		for _, y := range []float64{0, 1, 0.25} {
			want := y*math.Log(math.Max(p, eps)) + (1-y)*math.Log(math.Max(1-p, eps))
			if got := logloss(p, y); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("logloss(%v, %v) = %v, the two-term formula %v", p, y, got, want)
			}
		}
	}
}
