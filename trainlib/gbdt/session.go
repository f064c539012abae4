package gbdt

import (
	"context"
	"fmt"
	"math"

	"github.com/gotrain/gotrain/trainlib/model"
)

// session is one training's state on a LocalHolder: margins of every row,
// and for training rows the round's gradients and the row partition of the
// tree being built.
type session struct {
	obj     string
	threads int
	cuts    *Cuts
	off     []int
	nbins   int
	train   []*trainState
	evals   []*evalState
	// round and scale say which gradients gh holds.
	round int
	scale float64
	hasGH bool
	// hasPred says every training row's pred matches its margin.
	hasPred bool
	pool    [][]int64
	nNodes  int
}

// trainState is a training shard within a session.
type trainState struct {
	sh     *localShard
	margin []float32
	// pred is the objective's prediction of each row (valid when the
	// session's hasPred is set).
	pred []float32
	grad []float32
	hess []float32
	// gh holds each row's quantised gradient and hessian, interleaved.
	gh []int64
	// rows is the row partition: node n's rows are rows[seg[n][0]:seg[n][1]],
	// in ascending order.
	rows    []int32
	seg     [][2]int32
	scratch []int32
}

// evalState is an eval shard within a session.
type evalState struct {
	sh     *localShard
	margin []float32
}

// StartSession implements Holder.
func (h *LocalHolder) StartSession(ctx context.Context, req StartRequest) error {
	h.mu.Lock()
	cuts, fp := h.cuts, h.fp
	h.mu.Unlock()
	if cuts == nil {
		return fmt.Errorf("gbdt: session %q: the holder has no cuts yet; call SetCuts first", req.Session)
	}
	if req.CutsFingerprint != fp {
		return fmt.Errorf("gbdt: session %q: the holder's cuts (%x) differ from the session's (%x); call SetCuts with the session's cuts", req.Session, fp, req.CutsFingerprint)
	}
	if req.Objective != model.BinaryLogistic && req.Objective != model.RegSquaredError {
		return fmt.Errorf("gbdt: session %q: objective %q is not supported", req.Session, req.Objective)
	}
	threads := req.Threads
	if threads <= 0 || threads > h.threads {
		threads = h.threads
	}
	s := &session{obj: req.Objective, threads: threads, cuts: cuts, round: -1}
	s.off, s.nbins = cuts.Offsets()
	for _, sh := range h.shards {
		m := make([]float32, sh.info.Rows)
		for i := range m {
			m[i] = req.BaseMargin
		}
		if sh.info.Set == TrainSet {
			n := sh.info.Rows
			s.train = append(s.train, &trainState{sh: sh, margin: m, pred: make([]float32, n),
				grad: make([]float32, n), hess: make([]float32, n), gh: make([]int64, 2*n),
				rows: make([]int32, n), scratch: make([]int32, n)})
		} else {
			s.evals = append(s.evals, &evalState{sh: sh, margin: m})
		}
	}
	if err := s.replay(ctx, req.Trees); err != nil {
		return err
	}
	h.mu.Lock()
	h.sessions[req.Session] = s
	h.mu.Unlock()
	return nil
}

// replay adds the leaf values of trees, in order, to every row's margin
// by walking them (the recovery and continuation path; FinishTree uses
// the partition instead for training rows). Chunks of rows run in
// parallel; each row adds the trees in order, as rounds would.
func (s *session) replay(ctx context.Context, trees []BinTree) error {
	if len(trees) == 0 {
		return nil
	}
	for i := range trees {
		if err := trees[i].checkCuts(s.cuts); err != nil {
			return fmt.Errorf("gbdt: tree %d to replay: %w", i, err)
		}
	}
	const chunk = 8192
	type task struct {
		ts     *trainState
		es     *evalState
		lo, hi int
	}
	var tasks []task
	for _, ts := range s.train {
		for lo := 0; lo < ts.sh.info.Rows; lo += chunk {
			tasks = append(tasks, task{ts: ts, lo: lo, hi: min(lo+chunk, ts.sh.info.Rows)})
		}
	}
	for _, es := range s.evals {
		for lo := 0; lo < es.sh.info.Rows; lo += chunk {
			tasks = append(tasks, task{es: es, lo: lo, hi: min(lo+chunk, es.sh.info.Rows)})
		}
	}
	return parallelFor(ctx, s.threads, len(tasks), func(_, k int) {
		t := tasks[k]
		for ti := range trees {
			tr := &trees[ti]
			if t.ts != nil {
				for r := t.lo; r < t.hi; r++ {
					t.ts.margin[r] += tr.Value[tr.leafOfBins(t.ts.sh, r, s.cuts)]
				}
				continue
			}
			d := t.es.sh.data
			for r := t.lo; r < t.hi; r++ {
				t.es.margin[r] += tr.Value[tr.leafOfValues(d.Values[r*d.Cols:(r+1)*d.Cols], s.cuts)]
			}
		}
	})
}

// walkEval adds t's leaf values to the margins of an eval shard, walking
// raw values with the cut values as conditions, exactly as model.Predict.
func (s *session) walkEval(es *evalState, t *BinTree) {
	d := es.sh.data
	for r := 0; r < d.Rows; r++ {
		es.margin[r] += t.Value[t.leafOfValues(d.Values[r*d.Cols:(r+1)*d.Cols], s.cuts)]
	}
}

// leafOfBins returns the leaf row r of a binned shard reaches.
func (t *BinTree) leafOfBins(sh *localShard, r int, c *Cuts) int32 {
	n := int32(0)
	for t.Feature[n] >= 0 {
		f := t.Feature[n]
		b := int32(sh.binAt(r, int(f)))
		switch {
		case c.HasMissing[f] && int(b) == len(c.Values[f]):
			if t.DefaultLeft[n] {
				n = t.Left[n]
			} else {
				n = t.Right[n]
			}
		case t.Categories != nil && t.Categories[n] != nil:
			if binGoesRight(t.Categories[n], int(b)) {
				n = t.Right[n]
			} else {
				n = t.Left[n]
			}
		case b <= t.Bin[n]:
			n = t.Left[n]
		default:
			n = t.Right[n]
		}
	}
	return n
}

// leafOfValues returns the leaf a row of raw values reaches.
func (t *BinTree) leafOfValues(row []float32, c *Cuts) int32 {
	n := int32(0)
	for t.Feature[n] >= 0 {
		f := t.Feature[n]
		v := row[f]
		switch {
		case v != v:
			if t.DefaultLeft[n] {
				n = t.Left[n]
			} else {
				n = t.Right[n]
			}
		case t.Categories != nil && t.Categories[n] != nil:
			// Codes unseen in training have no bin and go left.
			if b := c.binOfCode(int(f), v); b >= 0 && binGoesRight(t.Categories[n], b) {
				n = t.Right[n]
			} else {
				n = t.Left[n]
			}
		case v < c.Values[f][t.Bin[n]]:
			n = t.Left[n]
		default:
			n = t.Right[n]
		}
	}
	return n
}

// sampleKeep reports whether row r of shard index sh is in round's sample:
// a hash of (seed, shard, row, round) compared with the rate.
func sampleKeep(seed uint64, shard, row, round int, rate float64) bool {
	if rate >= 1 {
		return true
	}
	x := seed ^ uint64(shard)*0x9e3779b97f4a7c15 ^ uint64(row)*0xbf58476d1ce4e5b9 ^ uint64(round)*0x94d049bb133111eb
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return float64(x>>11)/(1<<53) < rate
}

// Gradients implements Holder.
func (h *LocalHolder) Gradients(ctx context.Context, req GradientRequest) (GradientStats, error) {
	s, err := h.session(req.Session)
	if err != nil {
		return GradientStats{}, err
	}
	var st GradientStats
	const chunk = 16384
	type task struct {
		ts     *trainState
		lo, hi int
	}
	var tasks []task
	for _, ts := range s.train {
		for lo := 0; lo < ts.sh.info.Rows; lo += chunk {
			tasks = append(tasks, task{ts, lo, min(lo+chunk, ts.sh.info.Rows)})
		}
		st.Rows += int64(ts.sh.info.Rows)
	}
	maxG := make([]float64, len(tasks))
	maxH := make([]float64, len(tasks))
	err = parallelFor(ctx, s.threads, len(tasks), func(_, k int) {
		t := tasks[k]
		lab := t.ts.sh.data.Label
		var mg, mh float32
		for r := t.lo; r < t.hi; r++ {
			var g, hh float32
			if s.hasPred {
				g, hh = gradientAt(s.obj, t.ts.pred[r], lab[r])
			} else {
				g, hh = gradient(s.obj, t.ts.margin[r], lab[r])
			}
			if !sampleKeep(req.Seed, t.ts.sh.info.Index, r, req.Round, req.Subsample) {
				g, hh = 0, 0
			}
			t.ts.grad[r], t.ts.hess[r] = g, hh
			mg = max(mg, float32(math.Abs(float64(g))))
			mh = max(mh, hh)
		}
		maxG[k], maxH[k] = float64(mg), float64(mh)
	})
	if err != nil {
		return st, err
	}
	for k := range tasks {
		st.MaxAbsGrad = max(st.MaxAbsGrad, maxG[k])
		st.MaxHess = max(st.MaxHess, maxH[k])
	}
	for _, ts := range s.train {
		for i := range ts.rows {
			ts.rows[i] = int32(i)
		}
		ts.seg = append(ts.seg[:0], [2]int32{0, int32(len(ts.rows))})
	}
	s.round, s.hasGH, s.nNodes = req.Round, false, 1
	return st, nil
}
