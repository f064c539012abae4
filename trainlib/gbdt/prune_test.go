package gbdt

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPruneSortedIsPruneOfExact checks summaries pruned straight from the
// sorted column against the exact summary (every distinct value with its
// count) pruned by Summary.Prune: the same entries, counts and missing.
func TestPruneSortedIsPruneOfExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{300, 1000, 5000} {
		for _, spread := range []int{20, 400, 1 << 20} {
			for _, size := range []int{1, 2, 3, 17, 64, 4096} {
				vs := make([]float32, n)
				for i := range vs {
					vs[i] = float32(rng.IntN(spread)) / 7
					if rng.IntN(50) == 0 {
						vs[i] = float32(math.NaN())
					}
				}
				var exact Summary
				sorted := slices.Clone(vs)
				slices.Sort(sorted)
				for _, v := range sorted {
					switch {
					case v != v:
						exact.Missing++
					case len(exact.Values) > 0 && exact.Values[len(exact.Values)-1] == v:
						exact.Counts[len(exact.Counts)-1]++
					default:
						exact.Values = append(exact.Values, v)
						exact.Counts = append(exact.Counts, 1)
					}
				}
				want := exact.Prune(size)
				var sc sortScratch
				got := summarizeInPlace(vs, size, &sc)
				if !slices.Equal(got.Values, want.Values) || !slices.Equal(got.Counts, want.Counts) || got.Missing != want.Missing {
					t.Fatalf("n %d spread %d size %d: got %v %v missing %d, want %v %v missing %d",
						n, spread, size, got.Values, got.Counts, got.Missing, want.Values, want.Counts, want.Missing)
				}
			}
		}
	}
}
