package gbdt

import (
	"context"
	"unsafe"
)

// sparseBins holds a training shard's bin codes without each feature's
// most frequent bin, row by row: row r's entries are
// ents[ptr[r]:ptr[r+1]], global bin indices (feature offset + bin) in
// ascending order. One-hot data is mostly zeros, so a row keeps about one
// entry per original column instead of one per feature, and histograms
// need a third of the additions. The left-out bin's sums are recovered
// exactly as the node total minus the feature's other bins (int64), so the
// histograms, and the model, are the same as with dense bins.
type sparseBins struct {
	ptr  []int64
	ents []uint16
}

// sparseWorthIt is the largest fraction of kept entries for which the
// holder switches to sparse bins.
const sparseWorthIt = 0.5

// maybeSparsify counts each feature's bins over the training shards and,
// when leaving out each feature's most frequent bin drops enough entries,
// replaces the shards' dense bins by sparse ones. It returns the default
// (left-out) bin of each feature, or nil when the bins stay dense.
func (h *LocalHolder) maybeSparsify(ctx context.Context, cuts *Cuts) ([]uint8, error) {
	off, total := cuts.Offsets()
	if total > 1<<16 || h.denseOnly {
		return nil, nil
	}
	nf := len(cuts.Values)
	counts := make([]int64, total)
	var cells int64
	for _, s := range h.shards {
		if s.info.Set != TrainSet {
			continue
		}
		for r := 0; r < s.info.Rows; r++ {
			row := s.bins[r*nf : (r+1)*nf]
			for f, b := range row {
				counts[off[f]+int(b)]++
			}
		}
		cells += int64(s.info.Rows) * int64(nf)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	def := make([]uint8, nf)
	var kept int64 = cells
	for f := 0; f < nf; f++ {
		best := 0
		for b := 1; b < cuts.NumBins(f); b++ {
			if counts[off[f]+b] > counts[off[f]+best] {
				best = b
			}
		}
		def[f] = uint8(best)
		kept -= counts[off[f]+best]
	}
	if cells == 0 || float64(kept) > sparseWorthIt*float64(cells) {
		return nil, nil
	}
	for _, s := range h.shards {
		if s.info.Set != TrainSet {
			continue
		}
		sp := &sparseBins{ptr: make([]int64, s.info.Rows+1)}
		var n int64
		for r := 0; r < s.info.Rows; r++ {
			for f, b := range s.bins[r*nf : (r+1)*nf] {
				if b != def[f] {
					n++
				}
			}
			sp.ptr[r+1] = n
		}
		sp.ents = make([]uint16, n)
		k := 0
		for r := 0; r < s.info.Rows; r++ {
			for f, b := range s.bins[r*nf : (r+1)*nf] {
				if b != def[f] {
					sp.ents[k] = uint16(off[f] + int(b))
					k++
				}
			}
		}
		s.sparse, s.bins = sp, nil
	}
	return def, nil
}

// binAt returns the bin code of feature f in row r of a binned shard.
func (s *localShard) binAt(r, f int) uint8 {
	return s.cols[f*s.info.Rows+r]
}

// buildHistSparseGo adds the gradient pairs of rows to hist over their
// kept entries only, and returns their sums: buildHistSparse in Go, for
// architectures without an assembly kernel and as its reference in tests.
// Thinly spread rows are prefetched as in buildHist: a row's gradient and
// entries prefetchAhead rows ahead, its entry bounds twice as far (the
// entries' place is read from them).
func buildHistSparseGo(hist []int64, sp *sparseBins, gh []int64, rows []int32) (g, h int64) {
	hp, gp := asPairs(hist), asPairs(gh)
	ahead := prefetchDistance(rows)
	last := int64(len(sp.ents) - 1)
	if last < 0 {
		ahead = 0
	}
	for i, r := range rows {
		if ahead > 0 && i+ahead < len(rows) {
			q, q2 := rows[i+ahead], rows[min(i+2*ahead, len(rows)-1)]
			prefetch3(unsafe.Pointer(&gp[q]), unsafe.Pointer(&sp.ptr[q2]), unsafe.Pointer(&sp.ents[min(sp.ptr[q], last)]))
		}
		x := gp[r]
		g += x.g
		h += x.h
		for _, e := range sp.ents[sp.ptr[r]:sp.ptr[r+1]] {
			p := &hp[e]
			p.g += x.g
			p.h += x.h
		}
	}
	return g, h
}

// fillDefaults sets each feature's left-out bin of a node histogram to the
// node's total minus the feature's other bins.
func fillDefaults(hist []int64, total [2]int64, off []int, nb []int, def []uint8) {
	hp := asPairs(hist)
	for f := range off {
		d := off[f] + int(def[f])
		g, h := total[0], total[1]
		for b := off[f]; b < off[f]+nb[f]; b++ {
			if b != d {
				g -= hp[b].g
				h -= hp[b].h
			}
		}
		hp[d] = pair{g, h}
	}
}
