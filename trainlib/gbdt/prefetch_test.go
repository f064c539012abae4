package gbdt

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestHistPrefetchingRows checks the histogram loops on rows spread thinly
// enough that they prefetch ahead, up to the shard's last row (whose
// sparse entries may be none): the sums are the row-by-row sums.
func TestHistPrefetchingRows(t *testing.T) {
	const n, nf, nb = 5000, 3, 4
	rng := rand.New(rand.NewPCG(7, 7))
	bins := make([]uint8, n*nf)
	for i := range bins {
		bins[i] = uint8(rng.IntN(nb))
	}
	gh := make([]int64, 2*n)
	for i := range gh {
		gh[i] = rng.Int64N(1000) - 500
	}
	off := []int{0, nb, 2 * nb}
	// Sparse: bin 0 of each feature left out; the last rows have none.
	ptr, ents := make([]int64, n+1), []uint16(nil)
	for r := 0; r < n; r++ {
		for f := 0; f < nf && r < n-20; f++ {
			if b := bins[r*nf+f]; b != 0 {
				ents = append(ents, uint16(off[f]+int(b)))
			}
		}
		ptr[r+1] = int64(len(ents))
	}
	sp := newSparseBins(ptr, ents, false)
	var rows []int32
	for r := 3; r < n; r += 10 {
		rows = append(rows, int32(r))
	}
	rows = append(rows, n-1)
	if prefetchAhead > 0 && prefetchDistance(rows) == 0 {
		t.Fatalf("rows one in 10 do not prefetch")
	}
	want := make([]int64, 2*nf*nb)
	wantSparse := make([]int64, 2*nf*nb)
	var wg, wh int64
	for _, r := range rows {
		wg += gh[2*r]
		wh += gh[2*r+1]
		for f := 0; f < nf; f++ {
			k := off[f] + int(bins[int(r)*nf+f])
			want[2*k] += gh[2*r]
			want[2*k+1] += gh[2*r+1]
		}
		for _, e := range ents[ptr[r]:ptr[r+1]] {
			wantSparse[2*e] += gh[2*r]
			wantSparse[2*e+1] += gh[2*r+1]
		}
	}
	hist := make([]int64, len(want))
	if g, h := buildHist(hist, bins, gh, rows, off, nf); g != wg || h != wh || !slices.Equal(hist, want) {
		t.Errorf("dense: sums %d, %d (want %d, %d), histogram %v, want %v", g, h, wg, wh, hist, want)
	}
	for _, sp := range []*sparseBins{sp, newSparseBins(ptr, ents, true)} {
		hist = make([]int64, len(want))
		if g, h := buildHistSparse(hist, sp, gh, rows); g != wg || h != wh || !slices.Equal(hist, wantSparse) {
			t.Errorf("sparse (packed %v): sums %d, %d (want %d, %d), histogram %v, want %v", sp.packed != nil, g, h, wg, wh, hist, wantSparse)
		}
	}
}
