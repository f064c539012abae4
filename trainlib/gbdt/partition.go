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
	nt := len(s.train)
	left := make([]int64, len(req.Splits)*nt)
	err = parallelFor(ctx, s.threads, len(req.Splits)*nt, func(_, k int) {
		sp := req.Splits[k/nt]
		ts := s.train[k%nt]
		left[k] = int64(partitionNode(ts, sp, s.cuts))
	})
	if err != nil {
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
	return resp, nil
}

// partitionNode moves the rows of sp.Node that go left to the front of its
// segment and the others behind them, both in their original order, and
// records the children's segments. It returns the left count.
func partitionNode(ts *trainState, sp Split, c *Cuts) int {
	sg := ts.seg[sp.Node]
	rows := ts.rows[sg[0]:sg[1]]
	nf := len(c.Values)
	f := int(sp.Feature)
	missing := -1
	if c.HasMissing[f] {
		missing = len(c.Values[f])
	}
	bin := int(sp.Bin)
	bins := ts.sh.bins
	nl, nr := 0, 0
	right := ts.scratch[sg[0]:sg[1]]
	// Sparse shards route from their column-major copy.
	var col []uint8
	if sp := ts.sh.sparse; sp != nil {
		col = sp.cols[f*ts.sh.info.Rows : (f+1)*ts.sh.info.Rows]
	}
	for _, r := range rows {
		var b int
		if col != nil {
			b = int(col[r])
		} else {
			b = int(bins[int(r)*nf+f])
		}
		goLeft := b <= bin
		if b == missing {
			goLeft = sp.DefaultLeft
		}
		if goLeft {
			rows[nl] = r
			nl++
		} else {
			right[nr] = r
			nr++
		}
	}
	copy(rows[nl:], right[:nr])
	ts.seg[sp.Left] = [2]int32{sg[0], sg[0] + int32(nl)}
	ts.seg[sp.Right] = [2]int32{sg[0] + int32(nl), sg[1]}
	return nl
}
