package gbdt

import (
	"context"
	"fmt"
	"slices"

	"github.com/gotrain/gotrain/trainlib/model"
)

// FinishTree implements Holder.
func (h *LocalHolder) FinishTree(ctx context.Context, req FinishRequest) (*EvalResponse, error) {
	s, err := h.session(req.Session)
	if err != nil {
		return nil, err
	}
	t := &req.Tree
	if err := t.checkCuts(s.cuts); err != nil {
		return nil, fmt.Errorf("gbdt: session %q round %d: %w", req.Session, req.Round, err)
	}
	// Training rows: every leaf's segment holds exactly its rows.
	var leaves []int32
	for n := range t.Feature {
		if t.Feature[n] < 0 && t.reachable(int32(n)) {
			leaves = append(leaves, int32(n))
		}
	}
	nt := len(s.train)
	if err := parallelFor(ctx, s.threads, len(leaves)*nt, func(_, k int) {
		n := leaves[k/nt]
		ts := s.train[k%nt]
		if int(n) >= len(ts.seg) {
			return
		}
		sg := ts.seg[n]
		v := t.Value[n]
		g, k := req.Group, s.k
		for _, r := range ts.rows[sg[0]:sg[1]] {
			ts.margin[int(r)*k+g] += v
		}
	}); err != nil {
		return nil, err
	}
	s.hasPred = false
	if err := parallelFor(ctx, s.threads, len(s.evals), func(_, k int) {
		s.walkEval(s.evals[k], t, req.Group)
	}); err != nil {
		return nil, err
	}
	if len(req.Sets) == 0 {
		return &EvalResponse{}, ctx.Err()
	}
	// The training rows' predictions are needed only to evaluate them;
	// otherwise the next round's gradient pass computes them with the
	// gradients, while the rows are in cache.
	if slices.Contains(req.Sets, TrainSet) {
		if err := s.predictTrain(ctx); err != nil {
			return nil, err
		}
	}
	// Each shard's sums run over its rows in order, so shards can be
	// evaluated in parallel with the same result.
	type job struct {
		set  string
		sh   *localShard
		pred []float32  // training shards: the predictions
		es   *evalState // eval shards: margins and a buffer for the predictions
	}
	var jobs []job
	for _, set := range req.Sets {
		if set == TrainSet {
			for _, ts := range s.train {
				jobs = append(jobs, job{set: set, sh: ts.sh, pred: ts.pred})
			}
			continue
		}
		for _, es := range s.evals {
			if es.sh.info.Set == set {
				jobs = append(jobs, job{set: set, sh: es.sh, es: es})
			}
		}
	}
	resp := &EvalResponse{Shards: make([]ShardEval, len(jobs))}
	if err := parallelFor(ctx, s.threads, len(jobs), func(_, k int) {
		j := jobs[k]
		e := ShardEval{Set: j.set, Index: j.sh.info.Index}
		pred := j.pred
		if es := j.es; es != nil {
			if len(es.pred) != len(es.margin) {
				es.pred = make([]float32, len(es.margin))
			}
			pred = es.pred
			s.predictRows(es.margin, pred)
		}
		evalShard(&e, req.Metrics, &s.op, pred, s.k, j.sh.data.Label, j.sh.data.Weight)
		resp.Shards[k] = e
	}); err != nil {
		return nil, err
	}
	return resp, ctx.Err()
}

// predictTrain sets every training row's prediction from its margin; the
// next round's gradients and this round's training metrics share it, so
// each row's sigmoid is computed once per round.
func (s *session) predictTrain(ctx context.Context) error {
	const chunk = 16384
	type task struct {
		ts     *trainState
		lo, hi int
	}
	var tasks []task
	for _, ts := range s.train {
		for lo := 0; lo < len(ts.margin); lo += chunk * s.k {
			tasks = append(tasks, task{ts, lo, min(lo+chunk*s.k, len(ts.margin))})
		}
	}
	err := parallelFor(ctx, s.threads, len(tasks), func(_, k int) {
		t := tasks[k]
		s.predictRows(t.ts.margin[t.lo:t.hi], t.ts.pred[t.lo:t.hi])
	})
	s.hasPred = err == nil
	return err
}

// predictRows writes the objective's predictions of margins (k per row)
// into pred: each output transformed, or a row's softmax for multi-class.
func (s *session) predictRows(margins, pred []float32) {
	if s.objf.elem == nil {
		copy(pred, margins)
		for lo := 0; lo < len(pred); lo += s.k {
			softmax(pred[lo : lo+s.k])
		}
		return
	}
	if s.obj == model.BinaryLogistic {
		// transform's switch on the name, once per call, not per row.
		sigmoidTo(pred, margins)
		return
	}
	for i, m := range margins {
		pred[i] = transform(s.obj, m)
	}
}

// check validates a tree received from a driver.
func (t *BinTree) check() error {
	n := len(t.Feature)
	if n == 0 || len(t.Bin) != n || len(t.DefaultLeft) != n || len(t.Left) != n || len(t.Right) != n || len(t.Value) != n {
		return fmt.Errorf("malformed tree: node arrays of different lengths")
	}
	if t.Categories != nil && len(t.Categories) != n {
		return fmt.Errorf("malformed tree: categories for %d of %d nodes", len(t.Categories), n)
	}
	for i := 0; i < n; i++ {
		if t.Feature[i] >= 0 && (t.Left[i] <= int32(i) || t.Right[i] <= int32(i) || int(t.Left[i]) >= n || int(t.Right[i]) >= n) {
			return fmt.Errorf("malformed tree: node %d has children %d and %d", i, t.Left[i], t.Right[i])
		}
	}
	return nil
}

// checkCuts validates a tree received from a driver against the cuts it
// is walked with: structure, features and bins in range.
func (t *BinTree) checkCuts(c *Cuts) error {
	if err := t.check(); err != nil {
		return err
	}
	for i, f := range t.Feature {
		if f < 0 {
			continue
		}
		if int(f) >= len(c.Values) || t.Bin[i] < 0 || int(t.Bin[i]) >= len(c.Values[f]) {
			return fmt.Errorf("malformed tree: node %d splits feature %d at bin %d, outside the cuts", i, f, t.Bin[i])
		}
		if t.Categories != nil && t.Categories[i] != nil {
			if !c.IsCategorical(int(f)) {
				return fmt.Errorf("malformed tree: node %d splits numeric feature %d by categories", i, f)
			}
			for _, b := range t.Categories[i] {
				if b < 0 || int(b) >= len(c.Values[f]) {
					return fmt.Errorf("malformed tree: node %d sends bin %d of feature %d right, outside the cuts", i, b, f)
				}
			}
		}
	}
	return nil
}

// reachable reports whether node n is reached from the root.
func (t *BinTree) reachable(n int32) bool {
	// Children have larger ids than parents, so walk down from the root.
	var walk func(at int32) bool
	walk = func(at int32) bool {
		if at == n {
			return true
		}
		if t.Feature[at] < 0 || at > n {
			return false
		}
		return walk(t.Left[at]) || walk(t.Right[at])
	}
	return walk(0)
}
