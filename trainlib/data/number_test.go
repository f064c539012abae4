package data

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestFastFloatMatchesStrconv checks the fast path against strconv on
// seeded random decimal spellings: it must give the same float32 bits.
func TestFastFloatMatchesStrconv(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	formats := []byte{'f', 'e', 'E', 'g'}
	for range 200000 {
		v := rng.NormFloat64() * float64(rng.IntN(1_000_000))
		if rng.IntN(4) == 0 {
			v = float64(rng.Int64N(1 << 40))
		}
		s := strconv.FormatFloat(v, formats[rng.IntN(4)], rng.IntN(17)-1, 64)
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		got, kind := parseNumber([]byte(s), nil)
		if kind != numOK || got != float32(want) {
			t.Fatalf("%q: got %v (kind %d), want %v", s, got, kind, float32(want))
		}
	}
	for s, want := range map[string]float32{"5.00E+05": 5e5, "+1": 1, ".5": 0.5, "1e-3": 0.001, "-0": 0, "1.": 1, "0x1p-2": 0.25, " 3 ": 3, "1e-400": 0} {
		got, kind := parseNumber([]byte(s), nil)
		if kind != numOK || got != want {
			t.Errorf("%q: got %v kind %d, want %v", s, got, kind, want)
		}
	}
	for _, s := range []string{"e5", ".", "+", "1e", "1,5", "--1", "1e+", "abc"} {
		if _, kind := parseNumber([]byte(s), nil); kind != numBad {
			t.Errorf("%q accepted as a number", s)
		}
	}
}
