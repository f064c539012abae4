package gbdt

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestRadixSortMatchesSlicesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5, 255, 256, 10000} {
		v := make([]float32, n)
		for i := range v {
			switch i % 5 {
			case 0:
				v[i] = float32(rng.NormFloat64() * 1e6)
			case 1:
				v[i] = float32(rng.IntN(7) - 3)
			case 2:
				v[i] = float32(math.Copysign(0, -1))
			case 3:
				v[i] = float32(math.Inf(1 - 2*rng.IntN(2)))
			default:
				v[i] = float32(rng.Float64() * 1e-30)
			}
		}
		want := slices.Clone(v)
		slices.Sort(want)
		sortFloat32s(v)
		for i := range v {
			if v[i] != want[i] {
				t.Fatalf("n=%d: at %d got %v want %v", n, i, v[i], want[i])
			}
		}
	}
}

func TestBinOfIsFirstCutAbove(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 1; n < 40; n++ {
		cs := make([]float32, n)
		for i := range cs {
			cs[i] = float32(i*2 - n) // negative cuts, 0 and positive ones
		}
		for k := 0; k < 200; k++ {
			v := float32(rng.IntN(2*n+4) - 2)
			switch k {
			case 0:
				v = float32(math.Copysign(0, -1))
			case 1:
				v = float32(math.Inf(1))
			case 2:
				v = float32(math.Inf(-1))
			case 3:
				v = -float32(rng.Float64()) * 1e-40 // subnormal
			}
			want := n - 1
			for b, c := range cs {
				if v < c {
					want = b
					break
				}
			}
			if got := binOf(keysOf(cs), int64(floatKey(v))); got != want {
				t.Fatalf("cuts %v value %v: bin %d, want %d", cs, v, got, want)
			}
		}
	}
}

// keysOf is cutKeys of one feature's cuts.
func keysOf(cs []float32) []uint32 {
	return cutKeys(&Cuts{Values: [][]float32{cs}})[0]
}
