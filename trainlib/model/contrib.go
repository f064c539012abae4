package model

import (
	"context"
	"fmt"

	"github.com/gotrain/gotrain/trainlib/data"
)

// Contributions returns, for each row of x, one value per feature followed by
// the bias: x.Rows × (NumFeature+1); for a model of k outputs (classes,
// quantiles) one such block per output, x.Rows × k(NumFeature+1), as
// XGBoost's (rows, k, features+1). Each block sums to the output's margin
// (up to float32 rounding). TreeSHAP matches XGBoost's pred_contribs and
// DecisionPath its approx_contribs; both work in float32 in XGBoost's order
// of operations. Rows are processed in parallel.
func (m *Model) Contributions(x *data.Matrix, method ContribMethod, opt PredictOptions) (*data.Matrix, error) {
	return m.ContributionsContext(context.Background(), x, method, opt)
}

// ContributionsContext is Contributions that stops between batches of
// rows once ctx is cancelled and returns ctx's error.
func (m *Model) ContributionsContext(ctx context.Context, x *data.Matrix, method ContribMethod, opt PredictOptions) (*data.Matrix, error) {
	if method != TreeSHAP && method != DecisionPath {
		return nil, fmt.Errorf("model: unknown contribution method %d; use TreeSHAP or DecisionPath", method)
	}
	if err := m.checkMatrix(x); err != nil {
		return nil, err
	}
	end, err := m.treeEnd(opt.IterationEnd)
	if err != nil {
		return nil, err
	}
	trees := m.Trees[:end]
	means := make([][]float32, len(trees))
	maxDepth := 0
	for i := range trees {
		means[i] = trees[i].nodeMeans()
		maxDepth = max(maxDepth, trees[i].depth())
	}
	nf := m.NumFeature
	k := m.Outputs()
	out := data.NewMatrix(x.Rows, k*(nf+1))
	bases := m.BaseMargins()
	err = parallelRows(ctx, x.Rows, func(lo, hi int) {
		perTree := make([]float32, nf+1)
		var s *shapScratch
		if method == TreeSHAP {
			s = newShapScratch(maxDepth)
		}
		for r := lo; r < hi; r++ {
			row, all := x.Row(r), out.Row(r)
			for t := range trees {
				phi := all[(t%k)*(nf+1) : (t%k+1)*(nf+1)]
				clear(perTree)
				if method == TreeSHAP {
					trees[t].shap(row, means[t], perTree, s)
				} else {
					trees[t].pathContribs(row, means[t], perTree)
				}
				for j, v := range perTree {
					phi[j] += v
				}
			}
			for g, b := range bases {
				all[g*(nf+1)+nf] += b
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// nodeMeans returns each node's expected leaf value, weighted by cover:
// XGBoost's node mean values, computed in float32 the same way.
func (t *Tree) nodeMeans() []float32 {
	means := make([]float32, t.NumNodes())
	var fill func(n int32) float32
	fill = func(n int32) float32 {
		var v float32
		if t.Left[n] == -1 {
			v = t.SplitCondition[n]
		} else {
			l, r := t.Left[n], t.Right[n]
			v = fill(l) * t.SumHessian[l]
			v += fill(r) * t.SumHessian[r]
			v /= t.SumHessian[n]
		}
		means[n] = v
		return v
	}
	fill(0)
	return means
}

// depth returns the number of edges on the tree's longest root-to-leaf path.
func (t *Tree) depth() int {
	var walk func(n int32) int
	walk = func(n int32) int {
		if t.Left[n] == -1 {
			return 0
		}
		return 1 + max(walk(t.Left[n]), walk(t.Right[n]))
	}
	return walk(0)
}

// pathContribs adds the decision-path attribution of one tree to phi: the
// root's mean goes to the bias, and each split on the way to the leaf
// credits its feature with the change in node mean it causes.
func (t *Tree) pathContribs(row []float32, means, phi []float32) {
	bias := len(phi) - 1
	cur := means[0]
	phi[bias] += cur
	if t.Left[0] == -1 {
		return
	}
	n := int32(0)
	var feature int32
	for t.Left[n] != -1 {
		feature = t.SplitFeature[n]
		n = t.next(n, row[feature])
		v := means[n]
		phi[feature] += v - cur
		cur = v
	}
	phi[feature] += t.SplitCondition[n] - cur
}
