package gbdt

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/gotrain/gotrain/trainlib/model"
)

// baseScores sets d.base and d.margin0: the model's, when continuing one;
// base_score when given; otherwise estimated from the training labels as
// XGBoost 3.2's InitEstimation does for the objective (see baseRule).
func (d *driver) baseScores(ctx context.Context, labelSum float64) error {
	p := &d.p
	var err error
	switch {
	case d.opt.InitModel != nil:
		if d.base, err = d.initBase(); err != nil {
			return err
		}
	case !math.IsNaN(p.BaseScore):
		d.base = slices.Repeat([]float64{p.BaseScore}, d.k)
	case d.obj.base == baseMean && !(d.obj.spw && f32(d.op.ScalePosWeight) != 1):
		if d.wsum <= 0 {
			return fmt.Errorf("gbdt: the training weights sum to %v; give some rows a positive weight", d.wsum)
		}
		d.base = []float64{float64(float32(labelSum / d.wsum))}
	case d.obj.base == baseMean || d.obj.base == baseNewton:
		if d.base, err = d.newtonBase(ctx); err != nil {
			return err
		}
	default:
		ys, ws, err := d.labels(ctx)
		if err != nil {
			return err
		}
		if d.obj.base == baseClassPrior {
			d.base = classPrior(ys, ws, d.op.NumClass)
		} else {
			for _, a := range d.op.QuantileAlpha {
				d.base = append(d.base, float64(quantile(a, ys, ws)))
			}
		}
	}
	d.margin0 = make([]float32, d.k)
	for i, b := range d.base {
		if d.obj.base == baseClassPrior {
			d.margin0[i] = float32(b)
		} else if d.margin0[i], err = baseMargin(p.Objective, b); err != nil {
			// A label the objective cannot take explains a bad estimate
			// best: starting a session checks them.
			if lerr := d.probe(ctx, func(SessionID, []GradientStats) error { return nil }); lerr != nil {
				return lerr
			}
			return err
		}
	}
	return nil
}

// probe runs fn in a scratch session whose margins are all 0 and whose
// training rows sit in the root node with round 0's gradients, unsampled.
func (d *driver) probe(ctx context.Context, fn func(id SessionID, stats []GradientStats) error) error {
	id := d.sess + "/base"
	if err := d.start(ctx, id, make([]float32, d.k), nil); err != nil {
		return err
	}
	defer func() {
		_ = fanOut(context.WithoutCancel(ctx), d.holders, func(ctx context.Context, _ int, h Holder) error {
			return h.EndSession(ctx, id)
		})
	}()
	stats := make([]GradientStats, len(d.holders))
	req := GradientRequest{Session: id, Subsample: 1}
	if err := d.fanOut(ctx, func(ctx context.Context, i int, h Holder) (err error) {
		stats[i], err = h.Gradients(ctx, req)
		return err
	}); err != nil {
		return err
	}
	return fn(id, stats)
}

// newtonBase is XGBoost's FitIntercept: one Newton step from margin 0,
// −ΣG/ΣH over the training rows (summed here in fixed point, as the
// histograms), turned into the objective's output.
func (d *driver) newtonBase(ctx context.Context) ([]float64, error) {
	var out float64
	err := d.probe(ctx, func(id SessionID, stats []GradientStats) error {
		var n int64
		var mx float64
		for _, s := range stats {
			n += s.Rows
			mx = max(mx, s.MaxAbsGrad, s.MaxHess)
		}
		scale := fixedScale(n, mx)
		var g, h int64
		req := HistRequest{Session: id, Scale: scale, Nodes: []int32{0}}
		resps := make([]*HistResponse, len(d.holders))
		if err := d.fanOut(ctx, func(ctx context.Context, i int, hd Holder) (err error) {
			resps[i], err = hd.BuildHistograms(ctx, req)
			return err
		}); err != nil {
			return err
		}
		for _, r := range resps {
			g += r.Hists[0].Total[0]
			h += r.Hists[0].Total[1]
		}
		if h <= 0 {
			return fmt.Errorf("gbdt: cannot estimate base_score: the training rows' hessians sum to 0 (all weights 0?); set base_score")
		}
		out = float64(transform(d.p.Objective, float32(-float64(g)/float64(h))))
		return nil
	})
	return []float64{out}, err
}

// labels gathers every training label with its weight (nil: all 1).
func (d *driver) labels(ctx context.Context) (ys, ws []float32, err error) {
	err = d.probe(ctx, func(id SessionID, _ []GradientStats) error {
		resps := make([]*ResidualResponse, len(d.holders))
		req := ResidualRequest{Session: id, Nodes: []int32{0}}
		if err := d.fanOut(ctx, func(ctx context.Context, i int, h Holder) (err error) {
			resps[i], err = h.Residuals(ctx, req)
			return err
		}); err != nil {
			return err
		}
		ys, ws = joinResiduals(resps, 0)
		return nil
	})
	return ys, ws, err
}

// joinResiduals concatenates the holders' residuals of node i and their
// weights (nil when every holder sent none).
func joinResiduals(resps []*ResidualResponse, i int) (vs, ws []float32) {
	weighted := false
	for _, r := range resps {
		weighted = weighted || len(r.Weights[i]) > 0
	}
	for _, r := range resps {
		vs = append(vs, r.Values[i]...)
		if weighted {
			if w := r.Weights[i]; len(w) == len(r.Values[i]) {
				ws = append(ws, w...)
			} else {
				ws = append(ws, slices.Repeat([]float32{1}, len(r.Values[i]))...)
			}
		}
	}
	return vs, ws
}

// classPrior is XGBoost's multi-class intercept: the log of each class's
// (weighted) frequency, minus their mean, in margin space.
func classPrior(ys, ws []float32, k int) []float64 {
	counts := make([]float64, k)
	var sw float64
	for i, y := range ys {
		w := 1.0
		if ws != nil {
			w = float64(ws[i])
		}
		counts[int(y)] += w
		sw += w
	}
	lg := make([]float32, k)
	var mean float32
	for c := range counts {
		lg[c] = float32(math.Log(float64(float32(counts[c]/sw) + 1e-6)))
		mean += lg[c] / float32(k)
	}
	out := make([]float64, k)
	for c := range lg {
		out[c] = float64(lg[c] - mean)
	}
	return out
}

// quantile is XGBoost's Quantile (linear interpolation between order
// statistics, as NIST's handbook) without weights, and its WeightedQuantile
// (the first value whose cumulative weight reaches alpha of the total)
// with them. It is NaN for no values. The result depends only on the
// multiset of values, not their order.
func quantile(alpha float64, vs, ws []float32) float32 {
	n := len(vs)
	if n == 0 {
		return float32(math.NaN())
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case vs[a] < vs[b]:
			return -1
		case vs[a] > vs[b]:
			return 1
		}
		return 0
	})
	if ws != nil {
		cdf := make([]float32, n)
		cdf[0] = ws[idx[0]]
		for i := 1; i < n; i++ {
			cdf[i] = cdf[i-1] + ws[idx[i]]
		}
		thresh := cdf[n-1] * float32(alpha)
		i, _ := slices.BinarySearch(cdf, thresh)
		return vs[idx[min(i, n-1)]]
	}
	fn := float64(n)
	if alpha <= 1/(fn+1) {
		return vs[idx[0]]
	}
	if alpha >= fn/(fn+1) {
		return vs[idx[n-1]]
	}
	x := alpha * (fn + 1)
	k := math.Floor(x) - 1
	dd := (x - 1) - k
	v0, v1 := vs[idx[int(k)]], vs[idx[int(k)+1]]
	return float32(float64(v0) + dd*float64(v1-v0))
}

// adaptLeaves sets the leaves of a reg:absoluteerror or reg:quantileerror
// tree as XGBoost's UpdateTreeLeaf: each leaf's value becomes η times the
// quantile (at the output's alpha) of its rows' residuals, label minus
// margin before this tree; a leaf without rows keeps its Newton value.
// Other objectives' trees are left as built.
func (d *driver) adaptLeaves(ctx context.Context, group int, bt *BinTree, t *model.Tree) error {
	if d.p.Objective != model.RegAbsoluteError && d.p.Objective != model.RegQuantile {
		return nil
	}
	var leaves []int32
	for n := range bt.Feature {
		if bt.Feature[n] < 0 && bt.reachable(int32(n)) {
			leaves = append(leaves, int32(n))
		}
	}
	req := ResidualRequest{Session: d.sess, Group: group, Nodes: leaves}
	resps := make([]*ResidualResponse, len(d.holders))
	if err := d.fanOut(ctx, func(ctx context.Context, i int, h Holder) (err error) {
		resps[i], err = h.Residuals(ctx, req)
		return err
	}); err != nil {
		return err
	}
	for i, r := range resps {
		if r == nil || len(r.Values) != len(leaves) || len(r.Weights) != len(leaves) {
			return fmt.Errorf("holder %d answered residuals that do not match the %d leaves", i, len(leaves))
		}
	}
	eta := float32(d.p.Eta)
	values := map[int32]float32{}
	for i, n := range leaves {
		vs, ws := joinResiduals(resps, i)
		if len(vs) == 0 {
			continue
		}
		q := quantile(d.op.QuantileAlpha[group], vs, ws)
		bt.Value[n] = q * eta
		values[n] = bt.Value[n]
	}
	// The model tree numbers nodes breadth-first; map build ids to it.
	ids := bfsOrder(bt)
	for mi, n := range ids {
		if v, ok := values[n]; ok {
			t.SplitCondition[mi] = v
		}
	}
	return nil
}

// bfsOrder returns the build ids of bt's reachable nodes in the
// breadth-first order export numbers model nodes in.
func bfsOrder(bt *BinTree) []int32 {
	queue := []int32{0}
	for k := 0; k < len(queue); k++ {
		if id := queue[k]; bt.Feature[id] >= 0 {
			queue = append(queue, bt.Left[id], bt.Right[id])
		}
	}
	return queue
}
