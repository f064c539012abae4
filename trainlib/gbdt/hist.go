package gbdt

import (
	"context"
	"fmt"
	"math"
	"unsafe"
)

// histChunk is how many rows of a node one histogram task covers.
const histChunk = 8192

// quantise fills every training row's fixed-point gradient pair for scale.
func (s *session) quantise(ctx context.Context, scale float64) error {
	type task struct {
		ts     *trainState
		lo, hi int
	}
	var tasks []task
	for _, ts := range s.train {
		for lo := 0; lo < len(ts.grad); lo += 65536 {
			tasks = append(tasks, task{ts, lo, min(lo+65536, len(ts.grad))})
		}
	}
	return parallelFor(ctx, s.threads, len(tasks), func(_, k int) {
		t := tasks[k]
		gh := t.ts.gh
		for r := t.lo; r < t.hi; r++ {
			gh[2*r] = int64(math.Round(float64(t.ts.grad[r]) * scale))
			gh[2*r+1] = int64(math.Round(float64(t.ts.hess[r]) * scale))
		}
	})
}

// BuildHistograms implements Holder.
func (h *LocalHolder) BuildHistograms(ctx context.Context, req HistRequest) (*HistResponse, error) {
	s, err := h.session(req.Session)
	if err != nil {
		return nil, err
	}
	if req.Round != s.round {
		return nil, fmt.Errorf("gbdt: session %q: histograms for round %d asked while the holder is at round %d; call Gradients first", req.Session, req.Round, s.round)
	}
	if !s.hasGH || s.scale != req.Scale {
		if err := s.quantise(ctx, req.Scale); err != nil {
			return nil, err
		}
		s.scale, s.hasGH = req.Scale, true
	}
	for _, n := range req.Nodes {
		if n < 0 || len(s.train) > 0 && int(n) >= len(s.train[0].seg) {
			return nil, fmt.Errorf("gbdt: session %q: node %d does not exist on this holder", req.Session, n)
		}
	}
	width := 2 * s.nbins
	nn := len(req.Nodes)
	type task struct {
		node   int
		ts     *trainState
		lo, hi int32
	}
	var tasks []task
	for k, n := range req.Nodes {
		for _, ts := range s.train {
			sg := ts.seg[n]
			for lo := sg[0]; lo < sg[1]; lo += histChunk {
				tasks = append(tasks, task{k, ts, lo, min(lo+histChunk, sg[1])})
			}
		}
	}
	threads := min(s.threads, max(1, len(tasks)))
	for len(s.pool) < threads {
		s.pool = append(s.pool, nil)
	}
	for w := 0; w < threads; w++ {
		if cap(s.pool[w]) < nn*width {
			s.pool[w] = make([]int64, nn*width)
		} else {
			s.pool[w] = s.pool[w][:nn*width]
			clear(s.pool[w])
		}
	}
	nf := len(s.off)
	err = parallelFor(ctx, threads, len(tasks), func(w, k int) {
		t := tasks[k]
		hist := s.pool[w][t.node*width : (t.node+1)*width]
		if sp := t.ts.sh.sparse; sp != nil {
			buildHistSparse(hist, sp, t.ts.gh, t.ts.rows[t.lo:t.hi])
		} else {
			buildHist(hist, t.ts.sh.bins, t.ts.gh, t.ts.rows[t.lo:t.hi], s.off, nf)
		}
	})
	if err != nil {
		return nil, err
	}
	resp := &HistResponse{Hists: make([]NodeHist, nn)}
	for k, n := range req.Nodes {
		nh := NodeHist{Node: n, Bins: make([]int64, width)}
		for w := 0; w < threads; w++ {
			src := s.pool[w][k*width : (k+1)*width]
			for i, v := range src {
				nh.Bins[i] += v
			}
		}
		for _, ts := range s.train {
			sg := ts.seg[n]
			nh.Rows += int64(sg[1] - sg[0])
			for _, r := range ts.rows[sg[0]:sg[1]] {
				nh.Total[0] += ts.gh[2*r]
				nh.Total[1] += ts.gh[2*r+1]
			}
		}
		if len(s.train) > 0 && s.train[0].sh.sparse != nil {
			sh := s.train[0].sh
			fillDefaults(nh.Bins, nh.Total, sh.off, sh.nb, sh.def)
		}
		resp.Hists[k] = nh
	}
	return resp, nil
}

// pair is a histogram bin: fixed-point gradient and hessian sums.
type pair struct{ g, h int64 }

// asPairs views an interleaved gradient/hessian slice as pairs (same
// memory layout), so the hot loop does one bounds check per bin, not two.
func asPairs(v []int64) []pair {
	if len(v) == 0 {
		return nil
	}
	return unsafe.Slice((*pair)(unsafe.Pointer(&v[0])), len(v)/2)
}

// buildHist adds the gradient pairs of rows to hist, feature by feature.
// bins is row-major with nf codes per row; off[f] is feature f's first bin.
func buildHist(hist []int64, bins []uint8, gh []int64, rows []int32, off []int, nf int) {
	hp, gp := asPairs(hist), asPairs(gh)
	off = off[:nf]
	for _, r := range rows {
		x := gp[r]
		base := int(r) * nf
		row := bins[base : base+nf : base+nf]
		for f, b := range row {
			e := &hp[off[f]+int(b)]
			e.g += x.g
			e.h += x.h
		}
	}
}
