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
	objf    *objective
	op      ObjParams
	k       int // model outputs: margins per row, trees per round
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
	sh *localShard
	// margin holds k margins per row (k model outputs), row by row.
	margin []float32
	// pred is the objective's prediction of each margin (valid when the
	// session's hasPred is set; softmax probabilities for multi-class).
	pred []float32
	// grad and hess are the current tree's gradients; with several
	// outputs, gradK and hessK hold every output's, row by row.
	grad, hess   []float32
	gradK, hessK []float32
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
	margin []float32 // k per row
	// pred holds the predictions of margin while a round is evaluated
	// (kept to save an allocation per round).
	pred []float32
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
	objf, err := objectiveOf(req.Objective)
	if err != nil {
		return fmt.Errorf("gbdt: session %q: %w", req.Session, err)
	}
	k := len(req.BaseMargins)
	if k < 1 || k != req.ObjParams.outputs(req.Objective) {
		return fmt.Errorf("gbdt: session %q: %d base margins for %s with %d outputs", req.Session, k, req.Objective, req.ObjParams.outputs(req.Objective))
	}
	if objf.labels != nil {
		rule := objf.labels(req.Objective, &req.ObjParams)
		for _, sh := range h.shards {
			for r, y := range sh.data.Label {
				if !rule.Allows(y) {
					return fmt.Errorf("gbdt: %s shard %d, row %d: label %v is not valid for objective %s, which needs %s", sh.info.Set, sh.info.Index, r+1, y, req.Objective, rule.Need)
				}
			}
		}
	}
	threads := req.Threads
	if threads <= 0 || threads > h.threads {
		threads = h.threads
	}
	s := &session{obj: req.Objective, objf: objf, op: req.ObjParams, k: k, threads: threads, cuts: cuts, round: -1}
	s.off, s.nbins = cuts.Offsets()
	for _, sh := range h.shards {
		m := make([]float32, sh.info.Rows*k)
		for i := range m {
			m[i] = req.BaseMargins[i%k]
		}
		if sh.info.Set == TrainSet {
			n := sh.info.Rows
			ts := &trainState{sh: sh, margin: m, pred: make([]float32, n*k),
				grad: make([]float32, n), hess: make([]float32, n), gh: make([]int64, 2*n),
				rows: make([]int32, n), scratch: make([]int32, n)}
			if k > 1 {
				ts.gradK, ts.hessK = make([]float32, n*k), make([]float32, n*k)
			}
			s.train = append(s.train, ts)
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
			g := ti % s.k
			if t.ts != nil {
				for r := t.lo; r < t.hi; r++ {
					t.ts.margin[r*s.k+g] += tr.Value[tr.leafOfBins(t.ts.sh, r, s.cuts)]
				}
				continue
			}
			d := t.es.sh.data
			for r := t.lo; r < t.hi; r++ {
				t.es.margin[r*s.k+g] += tr.Value[tr.leafOfValues(d.Values[r*d.Cols:(r+1)*d.Cols], s.cuts)]
			}
		}
	})
}

// walkEval adds t's leaf values to the margins of output g of an eval
// shard, walking raw values with the cut values as conditions, exactly as
// model.Predict — on the shard's bin codes when it has them and t splits
// no feature by categories or at its last bin, where both walks reach
// the same leaf (see leafOfEvalBins).
func (s *session) walkEval(es *evalState, t *BinTree, g int) {
	d := es.sh.data
	if bins := es.sh.evalBins; bins != nil && t.walksOnEvalBins(s.cuts) {
		nf := d.Cols
		nodes := t.binNodes(s.cuts)
		for r := 0; r < d.Rows; r++ {
			es.margin[r*s.k+g] += t.Value[leafOfBinNodes(nodes, bins[r*nf:(r+1)*nf])]
		}
		return
	}
	for r := 0; r < d.Rows; r++ {
		es.margin[r*s.k+g] += t.Value[t.leafOfValues(d.Values[r*d.Cols:(r+1)*d.Cols], s.cuts)]
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

// walksOnEvalBins reports whether leafOfEvalBins reaches leafOfValues's
// leaf for every row: t splits no feature by categories and none at its
// last bin (a value at or above the last cut has that bin's code, yet
// goes right of it).
func (t *BinTree) walksOnEvalBins(c *Cuts) bool {
	for n, f := range t.Feature {
		if f < 0 {
			continue
		}
		if t.Categories != nil && t.Categories[n] != nil || int(t.Bin[n]) >= len(c.Values[f])-1 {
			return false
		}
	}
	return true
}

// binNode is a node of a tree compiled for rows of bin codes (binRows):
// a row whose code at feat is above bin goes to kids[1], except the code
// nanLeft, which goes to kids[0] with the codes at or below bin. At a
// leaf feat is -1.
type binNode struct {
	feat, bin, nanLeft int32
	kids               [2]int32
}

// binNodes compiles t for leafOfBinNodes, which then finds for a row of
// bin codes the leaf leafOfValues finds for the row's values when
// walksOnEvalBins holds. A value's code b counts the cuts at or below it
// (binOf), so b <= Bin exactly when the cut Values[Bin] is above the
// value (cuts ascend), which is leafOfValues's v < Values[Bin]; only a
// code past the last split bin is capped, and NaN alone has the code
// len(Values[f]), above every Bin: it goes right unless the node sends
// missing values left (nanLeft).
func (t *BinTree) binNodes(c *Cuts) []binNode {
	nodes := make([]binNode, len(t.Feature))
	for n, f := range t.Feature {
		if f < 0 {
			nodes[n] = binNode{feat: -1}
			continue
		}
		nanLeft := int32(-1)
		if t.DefaultLeft[n] {
			nanLeft = int32(len(c.Values[f]))
		}
		nodes[n] = binNode{feat: f, bin: t.Bin[n], nanLeft: nanLeft, kids: [2]int32{t.Left[n], t.Right[n]}}
	}
	return nodes
}

// leafOfBinNodes returns the leaf a row of bin codes reaches in a tree
// compiled by binNodes. Each node's direction is computed without a
// branch: a row's way down is data, which a branch per node mispredicts
// about every other time.
func leafOfBinNodes(nodes []binNode, row []uint8) int32 {
	n := int32(0)
	for {
		nd := &nodes[n]
		if nd.feat < 0 {
			return n
		}
		b := int32(row[nd.feat])
		// above: the sign of bin-b (codes and bins are below 2^9);
		// notNaN: the sign of x|-x is set exactly when x = b^nanLeft is
		// not 0.
		above := uint32(nd.bin-b) >> 31
		x := b ^ nd.nanLeft
		notNaN := uint32(x|-x) >> 31
		n = nd.kids[above&notNaN]
	}
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
	if req.Group < 0 || req.Group >= s.k {
		return GradientStats{}, fmt.Errorf("gbdt: session %q: tree %d of a round asked for a model of %d outputs", req.Session, req.Group, s.k)
	}
	if req.Group > 0 && req.Round != s.round {
		return GradientStats{}, fmt.Errorf("gbdt: session %q: tree %d of round %d asked while the holder is at round %d; start the round with tree 0", req.Session, req.Group, req.Round, s.round)
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
	// A round's first tree predicts the rows whose predictions are stale
	// in the task that takes their gradients, while they are in cache (a
	// pass of its own over every row before).
	predict := req.Group == 0 && !s.hasPred
	maxG := make([]float64, len(tasks))
	maxH := make([]float64, len(tasks))
	err = parallelFor(ctx, s.threads, len(tasks), func(_, k int) {
		t := tasks[k]
		if req.Group == 0 && s.k == 1 && s.obj == model.BinaryLogistic && t.ts.sh.data.Weight == nil && req.Subsample >= 1 {
			// The common case in one pass over the rows.
			lo, hi := t.lo, t.hi
			mg, mh := logisticRound(t.ts.margin[lo:hi], t.ts.pred[lo:hi], t.ts.sh.data.Label[lo:hi], t.ts.grad[lo:hi], t.ts.hess[lo:hi], float32(s.op.ScalePosWeight), predict)
			maxG[k], maxH[k] = float64(mg), float64(mh)
			return
		}
		if predict {
			s.predictRows(t.ts.margin[t.lo*s.k:t.hi*s.k], t.ts.pred[t.lo*s.k:t.hi*s.k])
		}
		if req.Group == 0 {
			s.rowGradients(t.ts, t.lo, t.hi, req)
		}
		if s.k > 1 {
			for r := t.lo; r < t.hi; r++ {
				t.ts.grad[r], t.ts.hess[r] = t.ts.gradK[r*s.k+req.Group], t.ts.hessK[r*s.k+req.Group]
			}
		}
		var mg, mh float32
		for r := t.lo; r < t.hi; r++ {
			mg = max(mg, float32(math.Abs(float64(t.ts.grad[r]))))
			mh = max(mh, t.ts.hess[r])
		}
		maxG[k], maxH[k] = float64(mg), float64(mh)
	})
	if err != nil {
		return st, err
	}
	if predict {
		s.hasPred = true
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

// rowGradients computes the gradient pairs of every output of rows
// [lo, hi) of ts from their margins and predictions; rows outside the
// round's sample get zero.
func (s *session) rowGradients(ts *trainState, lo, hi int, req GradientRequest) {
	lab, wts := ts.sh.data.Label, ts.sh.data.Weight
	o := &s.op
	k := s.k
	g, h := ts.grad, ts.hess
	if k > 1 {
		g, h = ts.gradK, ts.hessK
	}
	if s.obj == model.BinaryLogistic && wts == nil && req.Subsample >= 1 {
		logisticGradients(g[lo:hi], h[lo:hi], ts.pred[lo:hi], lab[lo:hi], float32(o.ScalePosWeight))
		return
	}
	for r := lo; r < hi; r++ {
		y, w := lab[r], float32(1)
		if wts != nil {
			w = wts[r]
		}
		if s.objf.spw && y == 1 {
			w *= float32(o.ScalePosWeight)
		}
		if !sampleKeep(req.Seed, ts.sh.info.Index, r, req.Round, req.Subsample) {
			clear(g[r*k : (r+1)*k])
			clear(h[r*k : (r+1)*k])
			continue
		}
		if s.objf.elem == nil {
			gradSoftmax(ts.margin[r*k:(r+1)*k], y, w, g[r*k:(r+1)*k], h[r*k:(r+1)*k])
			continue
		}
		for j := 0; j < k; j++ {
			i := r*k + j
			g[i], h[i] = s.objf.elem(o, j, ts.margin[i], ts.pred[i], y, w)
		}
	}
}

// logisticRound is predictRows (when predict is set; otherwise pred
// holds the margins' predictions already), logisticGradients and
// Gradients' maxima in one pass over rows of binary:logistic without
// weights or subsampling: each row's prediction from its margin, its
// gradient pair, and the largest |gradient| and hessian, with the same
// arithmetic.
func logisticRound(margin, pred, lab, g, h []float32, spw float32, predict bool) (mg, mh float32) {
	pred = pred[:len(margin)]
	lab = lab[:len(margin)]
	g = g[:len(margin)]
	h = h[:len(margin)]
	if predict {
		sigmoidTo(pred, margin)
	}
	for r, p := range pred {
		y := lab[r]
		gr, hr := p-y, max(p*(1-p), hessFloor)
		if spw != 1 && y == 1 {
			gr, hr = gr*spw, hr*spw
		}
		g[r], h[r] = gr, hr
		mg = max(mg, math.Float32frombits(math.Float32bits(gr)&^(1<<31)))
		mh = max(mh, hr)
	}
	return mg, mh
}

// logisticGradients is rowGradients for binary:logistic without weights
// or subsampling, written out: gradLogistic's arithmetic with w 1, or
// scale_pos_weight for positive labels, without a call per row.
func logisticGradients(g, h, pred, lab []float32, spw float32) {
	h = h[:len(g)]
	pred = pred[:len(g)]
	lab = lab[:len(g)]
	for r := range g {
		p, y, w := pred[r], lab[r], float32(1)
		if y == 1 {
			w *= spw
		}
		g[r], h[r] = (p-y)*w, max(p*(1-p), hessFloor)*w
	}
}
