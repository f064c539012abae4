package gbdt

import (
	"slices"
	"testing"
)

// TestBuildHistMatchesGo checks the histogram kernel against buildHistGo
// for feature counts around its four-codes-a-step unrolling, rows dense
// and thinly spread (prefetching), and bins of every code.
func TestBuildHistMatchesGo(t *testing.T) {
	for _, nf := range []int{1, 2, 3, 4, 5, 7, 8, 9, 28} {
		for _, k := range []int{1, 3, 40} {
			hb := newHistBench(5000, nf, 256)
			rows := hb.rowsOneIn(k)
			want, got := make([]int64, hb.width), make([]int64, hb.width)
			wg, wh := buildHistGo(want, hb.bins, hb.gh, rows, hb.off, nf)
			g, h := buildHist(got, hb.bins, hb.gh, rows, hb.off, nf)
			if g != wg || h != wh || !slices.Equal(got, want) {
				t.Errorf("%d features, one row in %d: sums %d, %d (want %d, %d); histograms equal: %v", nf, k, g, h, wg, wh, slices.Equal(got, want))
			}
		}
	}
}

// TestBuildHistOutOfRange checks that a row outside the shard or a bin
// outside the histogram panics (the kernel's message or Go's index
// check), never writes out of bounds.
func TestBuildHistOutOfRange(t *testing.T) {
	hb := newHistBench(100, 5, 4)
	cases := map[string]func(){
		"row past the end": func() { buildHist(make([]int64, hb.width), hb.bins, hb.gh, []int32{3, 100}, hb.off, hb.nf) },
		"negative row":     func() { buildHist(make([]int64, hb.width), hb.bins, hb.gh, []int32{-1}, hb.off, hb.nf) },
		"bin past the end": func() { buildHist(make([]int64, hb.width-2), hb.bins, hb.gh, rowsUpTo(100), hb.off, hb.nf) },
	}
	for name, fn := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("no panic")
				}
			}()
			fn()
		})
	}
}

func rowsUpTo(n int) []int32 {
	rows := make([]int32, n)
	for i := range rows {
		rows[i] = int32(i)
	}
	return rows
}

// TestBuildHistSparseMatchesGo checks the sparse kernel against
// buildHistSparseGo, rows dense and thinly spread, with rows of no entries.
func TestBuildHistSparseMatchesGo(t *testing.T) {
	sp, gh, nbins := newSparseBench(5000)
	// Rows 100-199 keep no entries.
	var ents []uint16
	ptr := []int64{0}
	for r := 0; r < 5000; r++ {
		if r < 100 || r >= 200 {
			ents = append(ents, sp.ents[sp.ptr[r]:sp.ptr[r+1]]...)
		}
		ptr = append(ptr, int64(len(ents)))
	}
	sp = &sparseBins{ptr: ptr, ents: ents}
	hb := &histBench{n: 5000}
	for _, k := range []int{1, 3, 40} {
		rows := hb.rowsOneIn(k)
		want, got := make([]int64, 2*nbins), make([]int64, 2*nbins)
		wg, wh := buildHistSparseGo(want, sp, gh, rows)
		g, h := buildHistSparse(got, sp, gh, rows)
		if g != wg || h != wh || !slices.Equal(got, want) {
			t.Errorf("one row in %d: sums %d, %d (want %d, %d); histograms equal: %v", k, g, h, wg, wh, slices.Equal(got, want))
		}
	}
	for name, fn := range map[string]func(){
		"row past the end": func() { buildHistSparse(make([]int64, 2*nbins), sp, gh, []int32{5000}) },
		"entry past the end": func() {
			buildHistSparse(make([]int64, 2*7*256), sp, gh, rowsUpTo(50))
		},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("no panic")
				}
			}()
			fn()
		})
	}
}
