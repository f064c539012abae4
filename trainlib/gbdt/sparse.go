package gbdt

import (
	"context"
	"unsafe"
)

// sparseBins holds a training shard's bin codes without each feature's
// most frequent bin, row by row, as global bin indices (feature offset +
// bin) in ascending order. One-hot data is mostly zeros, so a row keeps
// about one entry per original column instead of one per feature, and
// histograms need a third of the additions. The left-out bin's sums are
// recovered exactly as the node total minus the feature's other bins
// (int64), so the histograms, and the model, are the same as with dense
// bins.
//
// The entries are packed in fixed slots when every row's fit in a cache
// line (packed, stride): row r's count at packed[r·stride], its entries
// after it. A histogram over a node's rows then reads each row in one
// place, where the compressed form (ptr, ents: row r's entries are
// ents[ptr[r]:ptr[r+1]]) needs ptr[r] first, a second miss per row on a
// deep node's thinly spread rows. Rows with more entries keep that form.
type sparseBins struct {
	ptr    []int64
	ents   []uint16
	packed []uint16
	stride int
	// top is one past the largest entry: a histogram of top bins or more
	// holds every entry, which the assembly loops check once, not per
	// entry.
	top int
}

// packedMaxStride is the most slots (2 bytes each) a packed row takes:
// one cache line.
const packedMaxStride = 32

// newSparseBins returns the sparse bins with entries ents[ptr[r]:ptr[r+1]]
// for row r, packed in fixed slots when pack is set, every row fits
// packedMaxStride slots and the packed form is at most twice the
// compressed one's size.
func newSparseBins(ptr []int64, ents []uint16, pack bool) *sparseBins {
	rows := len(ptr) - 1
	most := int64(0)
	for r := 0; r < rows; r++ {
		most = max(most, ptr[r+1]-ptr[r])
	}
	if stride, ok := packable(rows, int64(len(ents)), most); pack && ok {
		return packRows(rows, stride, func(r int, slot []uint16) int {
			return copy(slot, ents[ptr[r]:ptr[r+1]])
		})
	}
	sp := &sparseBins{ptr: ptr, ents: ents}
	for _, e := range ents {
		sp.top = max(sp.top, int(e)+1)
	}
	return sp
}

// packable returns the stride of rows packed in fixed slots, when that
// fits: every row's count and entries (most at most) in packedMaxStride
// slots, and all of them in at most twice the compressed form's bytes
// (n entries).
func packable(rows int, n, most int64) (stride int, ok bool) {
	stride = int(most) + 1
	return stride, rows > 0 && stride <= packedMaxStride && int64(stride)*int64(rows)*2 <= 2*(n*2+int64(rows+1)*8)
}

// packRows returns packed sparse bins of rows rows in slots of stride;
// fill writes row r's entries into slot (stride-1 long) and returns how
// many.
func packRows(rows, stride int, fill func(r int, slot []uint16) int) *sparseBins {
	sp := &sparseBins{packed: make([]uint16, stride*rows), stride: stride}
	for r := 0; r < rows; r++ {
		slot := sp.packed[r*stride : (r+1)*stride]
		n := fill(r, slot[1:])
		slot[0] = uint16(n)
		for _, e := range slot[1 : 1+n] {
			sp.top = max(sp.top, int(e)+1)
		}
	}
	return sp
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
		// Packed rows are filled straight from the dense bins, so the
		// compressed form is never made beside them (peak memory).
		var n, most int64
		for r := 0; r < s.info.Rows; r++ {
			var k int64
			for f, b := range s.bins[r*nf : (r+1)*nf] {
				if b != def[f] {
					k++
				}
			}
			n += k
			most = max(most, k)
		}
		bins := s.bins
		entries := func(r int, out []uint16) int {
			k := 0
			for f, b := range bins[r*nf : (r+1)*nf] {
				if b != def[f] {
					out[k] = uint16(off[f] + int(b))
					k++
				}
			}
			return k
		}
		if stride, ok := packable(s.info.Rows, n, most); ok {
			s.sparse, s.bins = packRows(s.info.Rows, stride, entries), nil
			continue
		}
		ptr := make([]int64, s.info.Rows+1)
		ents := make([]uint16, n)
		for r := 0; r < s.info.Rows; r++ {
			ptr[r+1] = ptr[r] + int64(entries(r, ents[ptr[r]:]))
		}
		s.sparse, s.bins = newSparseBins(ptr, ents, false), nil
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
// entries prefetchAhead rows ahead, and in the compressed form its entry
// bounds twice as far (the entries' place is read from them).
func buildHistSparseGo(hist []int64, sp *sparseBins, gh []int64, rows []int32) (g, h int64) {
	if sp.packed != nil {
		return buildHistPackedGo(hist, sp, gh, rows)
	}
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

// buildHistPackedGo is buildHistSparseGo over packed rows.
func buildHistPackedGo(hist []int64, sp *sparseBins, gh []int64, rows []int32) (g, h int64) {
	hp, gp := asPairs(hist), asPairs(gh)
	ahead := prefetchDistance(rows)
	st := sp.stride
	for i, r := range rows {
		if ahead > 0 && i+ahead < len(rows) {
			q := int(rows[i+ahead])
			prefetch3(unsafe.Pointer(&gp[q]), unsafe.Pointer(&sp.packed[q*st]), unsafe.Pointer(&sp.packed[q*st+st-1]))
		}
		x := gp[r]
		g += x.g
		h += x.h
		slot := sp.packed[int(r)*st : int(r)*st+st]
		for _, e := range slot[1 : 1+int(slot[0])] {
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
