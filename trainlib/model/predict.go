package model

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/gotrain/gotrain/trainlib/data"
)

// batchRows is how many rows one goroutine scores at a time.
const batchRows = 512

// NumTrees returns the number of trees (boosting rounds) in m.
func (m *Model) NumTrees() int { return len(m.Trees) }

// treeEnd resolves PredictOptions.IterationEnd to a tree count.
func (m *Model) treeEnd(end int) (int, error) {
	switch {
	case end < 0 || end > len(m.Trees):
		return 0, fmt.Errorf("model: IterationEnd %d is outside [0, %d] (the model has %d trees)", end, len(m.Trees), len(m.Trees))
	case end > 0:
		return end, nil
	case m.BestIteration >= 0 && m.BestIteration < len(m.Trees):
		return m.BestIteration + 1, nil
	}
	return len(m.Trees), nil
}

// checkMatrix refuses a matrix whose values do not fill Rows×Cols or
// whose width is not the model's.
func (m *Model) checkMatrix(x *data.Matrix) error {
	if x == nil {
		return fmt.Errorf("model: no data matrix (nil)")
	}
	if x.Rows < 0 || x.Cols < 0 || len(x.Values) != x.Rows*x.Cols {
		return fmt.Errorf("model: the data matrix holds %d values for %d rows × %d columns", len(x.Values), x.Rows, x.Cols)
	}
	return m.checkColumns(x.Cols)
}

// checkColumns refuses data whose width is not the model's.
func (m *Model) checkColumns(cols int) error {
	if cols != m.NumFeature {
		return fmt.Errorf("model: the data has %d columns but the model was trained on %d features; pass the training columns in the same order (without the label or dropped columns)", cols, m.NumFeature)
	}
	return nil
}

// Predict scores every row of x, in parallel batches. Margins are summed
// in float32, tree by tree, as XGBoost sums them, so results agree with
// XGBoost's to the last bits. A model with k > 1 outputs (Outputs) gives
// k values per row, row by row (class probabilities, or margins with
// opt.Margin; one value per quantile), except multi:softmax, which gives
// each row's class.
func (m *Model) Predict(x *data.Matrix, opt PredictOptions) ([]float32, error) {
	return m.PredictContext(context.Background(), x, opt)
}

// PredictContext is Predict that stops between batches once ctx is
// cancelled and returns ctx's error.
func (m *Model) PredictContext(ctx context.Context, x *data.Matrix, opt PredictOptions) ([]float32, error) {
	if err := m.checkMatrix(x); err != nil {
		return nil, err
	}
	end, err := m.treeEnd(opt.IterationEnd)
	if err != nil {
		return nil, err
	}
	lk, ok := links[m.Objective]
	if !ok {
		return nil, fmt.Errorf("model: objective %q is not supported; use one of %s", m.Objective, supportedObjectives())
	}
	k := m.Outputs()
	out := make([]float32, x.Rows*k)
	if k == 1 {
		base := m.BaseMargin()
		trees := flatten(m.Trees[:end])
		walk := m.HasCategorical()
		err = parallelRows(ctx, x.Rows, func(lo, hi int) {
			if walk {
				// Categorical splits are walked node by node.
				for i := lo; i < hi; i++ {
					out[i] = margin(m.Trees[:end], base, x.Values[i*x.Cols:(i+1)*x.Cols])
				}
			} else {
				margins(trees, base, x.Values[lo*x.Cols:hi*x.Cols], x.Cols, out[lo:hi])
			}
			if !opt.Margin {
				for i := lo; i < hi; i++ {
					out[i] = lk.fromMargin(out[i])
				}
			}
		})
	} else {
		err = m.predictOutputs(ctx, x, end, out)
	}
	if err != nil {
		return nil, err
	}
	if opt.Margin || !m.multiClass() {
		return out, nil
	}
	for r := 0; r < x.Rows; r++ {
		softmax(out[r*k : (r+1)*k])
	}
	if m.Objective == MultiSoftmax {
		cls := make([]float32, x.Rows)
		for r := range cls {
			cls[r] = float32(argmax(out[r*k : (r+1)*k]))
		}
		return cls, nil
	}
	return out, nil
}

// predictOutputs writes the margins of every output of every row of x
// into out (k per row), summing each output's trees in order.
func (m *Model) predictOutputs(ctx context.Context, x *data.Matrix, end int, out []float32) error {
	k := m.Outputs()
	bases := m.BaseMargins()
	groups := make([][]Tree, k)
	for i := 0; i < end; i++ {
		groups[i%k] = append(groups[i%k], m.Trees[i])
	}
	flat := make([][]flatTree, k)
	for g := range groups {
		flat[g] = flatten(groups[g])
	}
	walk := m.HasCategorical()
	return parallelRows(ctx, x.Rows, func(lo, hi int) {
		col := make([]float32, hi-lo)
		for g := 0; g < k; g++ {
			if walk {
				// Categorical splits are walked node by node.
				for i := range col {
					col[i] = margin(groups[g], bases[g], x.Values[(lo+i)*x.Cols:(lo+i+1)*x.Cols])
				}
			} else {
				margins(flat[g], bases[g], x.Values[lo*x.Cols:hi*x.Cols], x.Cols, col)
			}
			for i, v := range col {
				out[(lo+i)*k+g] = v
			}
		}
	})
}

// PredictRow scores one row of a model with one output (use Predict for
// a model with several, or multi:softmax).
func (m *Model) PredictRow(row []float32, opt PredictOptions) (float32, error) {
	if m.Outputs() > 1 || m.multiClass() {
		x := &data.Matrix{Rows: 1, Cols: len(row), Values: row}
		if m.Objective != MultiSoftmax || opt.Margin {
			return 0, fmt.Errorf("model: PredictRow gives one value, this %s model has %d outputs per row; use Predict", m.Objective, m.Outputs())
		}
		v, err := m.Predict(x, opt)
		if err != nil {
			return 0, err
		}
		return v[0], nil
	}
	if err := m.checkColumns(len(row)); err != nil {
		return 0, err
	}
	end, err := m.treeEnd(opt.IterationEnd)
	if err != nil {
		return 0, err
	}
	lk, ok := links[m.Objective]
	if !ok {
		return 0, fmt.Errorf("model: objective %q is not supported; use one of %s", m.Objective, supportedObjectives())
	}
	v := margin(m.Trees[:end], m.BaseMargin(), row)
	if !opt.Margin {
		v = lk.fromMargin(v)
	}
	return v, nil
}

// margin sums the base margin and each tree's leaf value, in tree order.
func margin(trees []Tree, base float32, row []float32) float32 {
	sum := base
	for t := range trees {
		tr := &trees[t]
		sum += tr.SplitCondition[tr.leaf(row)]
	}
	return sum
}

// leaf returns the leaf row falls into: missing values follow DefaultLeft,
// others go left iff value < condition.
func (t *Tree) leaf(row []float32) int32 {
	n := int32(0)
	for t.Left[n] != -1 {
		n = t.next(n, row[t.SplitFeature[n]])
	}
	return n
}

// next returns the child of internal node n that value v goes to.
func (t *Tree) next(n int32, v float32) int32 {
	if v != v { // NaN: missing
		if t.DefaultLeft[n] {
			return t.Left[n]
		}
		return t.Right[n]
	}
	if t.IsCategorical(int(n)) {
		if catGoesLeft(t.Categories[n], v) {
			return t.Left[n]
		}
		return t.Right[n]
	}
	if v < t.SplitCondition[n] {
		return t.Left[n]
	}
	return t.Right[n]
}

// parallelRows calls fn on consecutive row ranges [lo, hi) from as many
// goroutines as GOMAXPROCS allows, and returns when all are done. Once ctx
// is cancelled no new range starts and ctx's error is returned.
func parallelRows(ctx context.Context, rows int, fn func(lo, hi int)) error {
	workers := runtime.GOMAXPROCS(0)
	if batches := (rows + batchRows - 1) / batchRows; batches < workers {
		workers = batches
	}
	var next atomic.Int64
	work := func() {
		for ctx.Err() == nil {
			lo := int(next.Add(batchRows)) - batchRows
			if lo >= rows {
				return
			}
			fn(lo, min(lo+batchRows, rows))
		}
	}
	if workers <= 1 {
		work()
		return ctx.Err()
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
	return ctx.Err()
}
