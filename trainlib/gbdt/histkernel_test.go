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

// TestBuildHistSparseMatchesGo checks the sparse kernels (compressed and
// packed rows) against buildHistSparseGo on the compressed form, rows
// dense and thinly spread, with rows of no entries.
func TestBuildHistSparseMatchesGo(t *testing.T) {
	base, gh, nbins := newSparseBench(5000, false)
	// Rows 100-199 keep no entries.
	var ents []uint16
	ptr := []int64{0}
	for r := 0; r < 5000; r++ {
		if r < 100 || r >= 200 {
			ents = append(ents, base.ents[base.ptr[r]:base.ptr[r+1]]...)
		}
		ptr = append(ptr, int64(len(ents)))
	}
	ref := newSparseBins(ptr, ents, false)
	packed := newSparseBins(ptr, ents, true)
	if packed.packed == nil || packed.stride != 21 {
		t.Fatalf("rows of at most 20 entries are not packed in 21 slots (stride %d)", packed.stride)
	}
	hb := &histBench{n: 5000}
	for _, sp := range []*sparseBins{ref, packed} {
		for _, k := range []int{1, 3, 40} {
			rows := hb.rowsOneIn(k)
			want, got, gotGo := make([]int64, 2*nbins), make([]int64, 2*nbins), make([]int64, 2*nbins)
			wg, wh := buildHistSparseGo(want, ref, gh, rows)
			g, h := buildHistSparse(got, sp, gh, rows)
			g2, h2 := buildHistSparseGo(gotGo, sp, gh, rows)
			if g != wg || h != wh || g2 != wg || h2 != wh || !slices.Equal(got, want) || !slices.Equal(gotGo, want) {
				t.Errorf("packed %v, one row in %d: sums %d, %d and in Go %d, %d (want %d, %d); histograms equal: %v, in Go %v", sp.packed != nil, k, g, h, g2, h2, wg, wh, slices.Equal(got, want), slices.Equal(gotGo, want))
			}
		}
	}
	overfull := newSparseBins(ptr, ents, true)
	overfull.packed[3*overfull.stride] = uint16(overfull.stride)
	for name, fn := range map[string]func(){
		"row past the end":        func() { buildHistSparse(make([]int64, 2*nbins), ref, gh, []int32{5000}) },
		"packed row past the end": func() { buildHistSparse(make([]int64, 2*nbins), packed, gh, []int32{5000}) },
		"entry past the end": func() {
			buildHistSparse(make([]int64, 2*7*256), ref, gh, rowsUpTo(50))
		},
		"packed entry past the end": func() {
			buildHistSparse(make([]int64, 2*7*256), packed, gh, rowsUpTo(50))
		},
		"packed count past the slots": func() {
			buildHistSparse(make([]int64, 2*nbins), overfull, gh, rowsUpTo(50))
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

// newSparseBins packs rows only when every one fits a cache line, and
// keeps the compressed form when some row has more entries.
func TestSparseBinsPackOnlyShortRows(t *testing.T) {
	ptr, ents := []int64{0, 2, 2, 5}, []uint16{1, 4, 0, 3, 9}
	sp := newSparseBins(ptr, ents, true)
	if sp.stride != 4 || !slices.Equal(sp.packed, []uint16{2, 1, 4, 0, 0, 0, 0, 0, 3, 0, 3, 9}) || sp.ptr != nil || sp.top != 10 {
		t.Errorf("packed %v (stride %d, top %d), compressed kept: %v", sp.packed, sp.stride, sp.top, sp.ptr != nil)
	}
	long := make([]uint16, packedMaxStride)
	sp = newSparseBins([]int64{0, int64(len(long))}, long, true)
	if sp.packed != nil || len(sp.ents) != packedMaxStride {
		t.Errorf("a row of %d entries was packed (stride %d)", packedMaxStride, sp.stride)
	}
}
