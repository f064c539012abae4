package gbdt

import (
	"context"
	"fmt"
)

// ApplySplits implements Holder: it partitions each split node's rows,
// stably, into its children.
func (h *LocalHolder) ApplySplits(ctx context.Context, req SplitRequest) (*SplitResponse, error) {
	s, err := h.session(req.Session)
	if err != nil {
		return nil, err
	}
	maxNode := int32(0)
	for _, sp := range req.Splits {
		if len(s.train) > 0 && (sp.Node < 0 || int(sp.Node) >= len(s.train[0].seg)) {
			return nil, fmt.Errorf("gbdt: session %q: split of node %d, which does not exist on this holder", req.Session, sp.Node)
		}
		if int(sp.Feature) < 0 || int(sp.Feature) >= len(s.off) {
			return nil, fmt.Errorf("gbdt: session %q: split on feature %d, which does not exist", req.Session, sp.Feature)
		}
		if sp.Left < 0 || sp.Right < 0 {
			return nil, fmt.Errorf("gbdt: session %q: split of node %d has no children", req.Session, sp.Node)
		}
		maxNode = max(maxNode, sp.Left, sp.Right)
	}
	for _, ts := range s.train {
		for len(ts.seg) <= int(maxNode) {
			ts.seg = append(ts.seg, [2]int32{0, 0})
		}
	}
	// Phase 1 classifies chunks of each node's rows in parallel; phase 2
	// places each chunk's left rows, then its right rows, after those of
	// the chunks before it, so the partition is stable and the same for any
	// thread count, and one large node still keeps every thread busy.
	nt := len(s.train)
	type chunk struct {
		ts       *trainState
		sp       Split
		lo, hi   int32
		nl       int32
		posL     int32
		posR     int32
		splitIdx int
	}
	var chunks []chunk
	for i, sp := range req.Splits {
		for _, ts := range s.train {
			sg := ts.seg[sp.Node]
			for lo := sg[0]; lo < sg[1]; lo += partitionChunk {
				chunks = append(chunks, chunk{ts: ts, sp: sp, lo: lo, hi: min(lo+partitionChunk, sg[1]), splitIdx: i})
			}
		}
	}
	if err := parallelFor(ctx, s.threads, len(chunks), func(_, k int) {
		c := &chunks[k]
		c.nl = classify(c.ts, c.sp, s.cuts, c.lo, c.hi)
	}); err != nil {
		return nil, err
	}
	left := make([]int64, len(req.Splits)*nt)
	for k := 0; k < len(chunks); {
		// Chunks of one (split, shard) are consecutive.
		j := k
		var nl int32
		for j < len(chunks) && chunks[j].ts == chunks[k].ts && chunks[j].splitIdx == chunks[k].splitIdx {
			nl += chunks[j].nl
			j++
		}
		sg := chunks[k].ts.seg[chunks[k].sp.Node]
		posL, posR := sg[0], sg[0]+nl
		for i := k; i < j; i++ {
			chunks[i].posL, chunks[i].posR = posL, posR
			posL += chunks[i].nl
			posR += chunks[i].hi - chunks[i].lo - chunks[i].nl
		}
		ts, sp := chunks[k].ts, chunks[k].sp
		ts.seg[sp.Left] = [2]int32{sg[0], sg[0] + nl}
		ts.seg[sp.Right] = [2]int32{sg[0] + nl, sg[1]}
		for t, x := range s.train {
			if x == ts {
				left[chunks[k].splitIdx*nt+t] = int64(nl)
			}
		}
		k = j
	}
	if err := parallelFor(ctx, s.threads, len(chunks), func(_, k int) {
		c := &chunks[k]
		// scratch[lo:lo+nl] holds the left rows in order, scratch[lo+nl:hi]
		// the right rows in reverse order.
		copy(c.ts.rows[c.posL:c.posL+c.nl], c.ts.scratch[c.lo:c.lo+c.nl])
		dst := c.ts.rows[c.posR : c.posR+(c.hi-c.lo-c.nl)]
		src := c.ts.scratch[c.lo+c.nl : c.hi]
		for i := range dst {
			dst[i] = src[len(src)-1-i]
		}
	}); err != nil {
		return nil, err
	}
	resp := &SplitResponse{LeftRows: make([]int64, len(req.Splits)), RightRows: make([]int64, len(req.Splits))}
	for i, sp := range req.Splits {
		for j, ts := range s.train {
			sg := ts.seg[sp.Node]
			l := left[i*nt+j]
			resp.LeftRows[i] += l
			resp.RightRows[i] += int64(sg[1]-sg[0]) - l
		}
	}
	if len(req.Build) > 0 {
		hr, err := h.BuildHistograms(ctx, HistRequest{Session: req.Session, Round: req.Round, Scale: req.Scale, Nodes: req.Build})
		if err != nil {
			return nil, err
		}
		resp.Hists = hr.Hists
	}
	return resp, nil
}

// partitionChunk is how many rows of a node one routing task classifies.
const partitionChunk = 32768

// classify routes rows[lo:hi) of sp.Node: left rows go to scratch[lo:…]
// in order, right rows to scratch[…:hi] from the end backwards. It returns
// the left count.
func classify(ts *trainState, sp Split, c *Cuts, lo, hi int32) int32 {
	rows := ts.rows[lo:hi]
	out := ts.scratch[lo:hi]
	f := int(sp.Feature)
	missing := -1
	if c.HasMissing[f] {
		missing = len(c.Values[f])
	}
	bin := int(sp.Bin)
	col := ts.sh.cols[f*ts.sh.info.Rows : (f+1)*ts.sh.info.Rows]
	defLeft := 0
	if sp.DefaultLeft {
		defLeft = 1
	}
	// Branch-free: a split sends rows left or right about at random, so a
	// branch on the side mispredicts every other row. Each row is written
	// at both ends and the count of one end advances: a slot written for
	// the wrong side is overwritten later (left slots by the next left row,
	// the last one by the right row that ends there).
	nl, nr := 0, len(out)
	if sp.Categories != nil {
		var right [256]bool
		for _, b := range sp.Categories {
			right[uint8(b)] = true
		}
		for _, r := range rows {
			b := int(col[r])
			left := 0
			if !right[b] {
				left = 1
			}
			if b == missing {
				left = defLeft
			}
			out[nl] = r
			out[nr-1] = r
			nl += left
			nr -= 1 - left
		}
		return int32(nl)
	}
	for _, r := range rows {
		b := int(col[r])
		left := 0
		if b <= bin {
			left = 1
		}
		if b == missing {
			left = defLeft
		}
		out[nl] = r
		out[nr-1] = r
		nl += left
		nr -= 1 - left
	}
	return int32(nl)
}
