package gbdt

import (
	"fmt"
	"math"
	"slices"

	"github.com/gotrain/gotrain/trainlib/model"
)

// Training continuation, as xgboost.train(params, dtrain, n, xgb_model=m):
// Options.InitModel's trees are kept, every row's margin starts from the
// base margin plus their leaf values, and NumBoostRound more trees are
// added. Unlike XGBoost, whose samplers draw from one random stream that
// a new Booster restarts, every round here draws its row and column
// samples from (seed, round) with the round counted over the whole model,
// so training k rounds and continuing for n−k gives the model of n rounds
// in one go, byte for byte.

// initBinTrees checks that d.opt.InitModel can be continued on this data
// and returns its trees in bin space, for the holders to rebuild the
// margins from.
func (d *driver) initBinTrees() ([]BinTree, error) {
	m := d.opt.InitModel
	if m == nil {
		return nil, nil
	}
	if m.Objective != d.p.Objective {
		return nil, fmt.Errorf("gbdt: the model to continue has objective %q, the parameters %q; continue with objective=%s", m.Objective, d.p.Objective, m.Objective)
	}
	if m.NumFeature != d.nf {
		return nil, fmt.Errorf("gbdt: the model to continue has %d features, the training data %d; continue on the data it was trained on", m.NumFeature, d.nf)
	}
	out := make([]BinTree, len(m.Trees))
	for i := range m.Trees {
		bt, err := binTreeOf(&m.Trees[i], d.cuts)
		if err != nil {
			return nil, fmt.Errorf("gbdt: the model to continue, tree %d: %w", i, err)
		}
		out[i] = bt
	}
	return out, nil
}

// initBase returns the base score of a continued training: the model's,
// which its trees were fitted around.
func (d *driver) initBase() ([]float64, error) {
	m := d.opt.InitModel
	if !math.IsNaN(d.p.BaseScore) && d.p.BaseScore != m.BaseScore {
		return nil, fmt.Errorf("gbdt: base_score=%v differs from the model to continue's %v; leave base_score unset to continue", d.p.BaseScore, m.BaseScore)
	}
	if d.k > 1 {
		if len(m.BaseScores) != d.k {
			return nil, fmt.Errorf("gbdt: the model to continue has %d outputs, the parameters %d", max(1, len(m.BaseScores)), d.k)
		}
		return slices.Clone(m.BaseScores), nil
	}
	return []float64{m.BaseScore}, nil
}

// binTreeOf returns t in bin space under cuts: every split condition must
// be one of the cut values of its feature, as in a tree this package
// trained on the same training shards with the same max_bin. A value v
// goes left of condition Values[f][b] exactly when its bin is ≤ b, so the
// bin tree routes every row as the model tree does.
func binTreeOf(t *model.Tree, cuts *Cuts) (BinTree, error) {
	n := t.NumNodes()
	if n == 0 || len(t.Right) != n || len(t.SplitFeature) != n || len(t.SplitCondition) != n || len(t.DefaultLeft) != n {
		return BinTree{}, fmt.Errorf("malformed tree: node arrays of different lengths")
	}
	bt := BinTree{Feature: make([]int32, n), Bin: make([]int32, n), DefaultLeft: make([]bool, n),
		Left: make([]int32, n), Right: make([]int32, n), Value: make([]float32, n)}
	for i := 0; i < n; i++ {
		if t.IsLeaf(i) {
			bt.Feature[i], bt.Left[i], bt.Right[i], bt.Value[i] = -1, -1, -1, t.SplitCondition[i]
			continue
		}
		f := t.SplitFeature[i]
		if f < 0 || int(f) >= len(cuts.Values) {
			return BinTree{}, fmt.Errorf("node %d splits on feature %d, which the data does not have", i, f)
		}
		if t.IsCategorical(i) {
			bins, err := categoryBins(t.Categories[i], cuts, int(f))
			if err != nil {
				return BinTree{}, fmt.Errorf("node %d: %w", i, err)
			}
			if bt.Categories == nil {
				bt.Categories = make([][]int32, n)
			}
			bt.Feature[i], bt.DefaultLeft[i], bt.Categories[i] = f, t.DefaultLeft[i], bins
			bt.Left[i], bt.Right[i] = t.Left[i], t.Right[i]
			continue
		}
		// The last cut only caps the last bin: no trained split uses it.
		b, ok := slices.BinarySearch(cuts.Values[f], t.SplitCondition[i])
		if !ok || b == len(cuts.Values[f])-1 {
			return BinTree{}, fmt.Errorf("node %d splits feature %d at %v, which is not a bin boundary of this data; continue only a model trained by gotrain on the same training shards with the same max_bin", i, f, t.SplitCondition[i])
		}
		bt.Feature[i], bt.Bin[i], bt.DefaultLeft[i] = f, int32(b), t.DefaultLeft[i]
		bt.Left[i], bt.Right[i] = t.Left[i], t.Right[i]
	}
	if err := bt.check(); err != nil {
		return BinTree{}, err
	}
	return bt, nil
}
