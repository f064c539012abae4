package explain

import (
	"context"
	"fmt"
	"math"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

// PredictionOptions choose how a prediction is explained.
type PredictionOptions struct {
	// Method attributes the prediction: model.TreeSHAP (the default, exact
	// SHAP values) or model.DecisionPath (the path-based values ELI5
	// shows).
	Method model.ContribMethod
	// IterationEnd uses trees [0, IterationEnd), as in model.PredictOptions.
	IterationEnd int
	// Output chooses which output of a model with several (a class of a
	// multi-class model, a quantile) is explained; -1 explains each row's
	// most probable class. Models with one output ignore it.
	Output int
}

// ExplainRow explains m's prediction for one row of feature values.
func ExplainRow(m *model.Model, row []float32, opt PredictionOptions) (*Prediction, error) {
	ps, err := ExplainRows(context.Background(), m, &data.Matrix{Rows: 1, Cols: len(row), Values: row}, nil, opt)
	if err != nil {
		return nil, err
	}
	return ps[0], nil
}

// rowBatch is how many rows ExplainRows attributes between checks of ctx.
const rowBatch = 256

// ExplainRows explains m's prediction for every row of x, naming them by
// names (nil: "row 0", "row 1", …). It checks ctx between batches of rows
// and returns ctx's error, and no partial result, once ctx is done.
func ExplainRows(ctx context.Context, m *model.Model, x *data.Matrix, names []string, opt PredictionOptions) ([]*Prediction, error) {
	if x == nil || x.Rows == 0 {
		return nil, fmt.Errorf("explain: no rows to explain")
	}
	if names != nil && len(names) != x.Rows {
		return nil, fmt.Errorf("explain: %d row names for %d rows", len(names), x.Rows)
	}
	popt := model.PredictOptions{IterationEnd: opt.IterationEnd}
	features := featureNames(m, x.Cols)
	out := make([]*Prediction, 0, x.Rows)
	for lo := 0; lo < x.Rows; lo += rowBatch {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("explain: stopped after %d of %d rows: %w", lo, x.Rows, err)
		}
		hi := min(lo+rowBatch, x.Rows)
		batch := &data.Matrix{Rows: hi - lo, Cols: x.Cols, Values: x.Values[lo*x.Cols : hi*x.Cols]}
		contribs, err := m.Contributions(batch, opt.Method, popt)
		if err != nil {
			return nil, fmt.Errorf("explain: %w", err)
		}
		k := m.Outputs()
		if opt.Output < -1 || opt.Output >= k {
			return nil, fmt.Errorf("explain: output %d of a model with %d outputs; give 0 to %d (or -1 for the most probable class)", opt.Output, k, k-1)
		}
		// Margins, per output; the probability is the model's own output
		// (Predict), so the page shows what Predict says.
		margins, err := m.Predict(batch, model.PredictOptions{IterationEnd: opt.IterationEnd, Margin: k > 1})
		if err != nil {
			return nil, fmt.Errorf("explain: %w", err)
		}
		for r := range batch.Rows {
			g := max(opt.Output, 0)
			if opt.Output < 0 {
				g = argmax(margins[r*k : (r+1)*k])
			}
			cs := contribs.Row(r)[g*(x.Cols+1) : (g+1)*(x.Cols+1)]
			c64 := make([]float64, len(cs))
			for j, v := range cs {
				c64[j] = float64(v)
			}
			p, err := NewPrediction(features, batch.Row(r), c64, m.Objective, opt.Method)
			if err != nil {
				return nil, fmt.Errorf("explain: row %d: %w", lo+r, err)
			}
			switch {
			case p.HasProbability:
				p.Probability = float64(margins[r])
			case m.Objective == model.MultiSoftprob || m.Objective == model.MultiSoftmax:
				p.Probability, p.HasProbability = softmaxAt(margins[r*k:(r+1)*k], g), true
			}
			p.Output = g
			p.Name = fmt.Sprintf("row %d", lo+r)
			if names != nil {
				p.Name = names[lo+r]
			}
			out = append(out, p)
		}
	}
	return out, nil
}

// argmax returns the first index of the largest value.
func argmax(v []float32) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}

// softmaxAt returns the softmax probability of class g from margins.
func softmaxAt(margins []float32, g int) float64 {
	mx := margins[argmax(margins)]
	var sum float64
	for _, v := range margins {
		sum += math.Exp(float64(v - mx))
	}
	return math.Exp(float64(margins[g]-mx)) / sum
}

// featureNames returns m's feature names, or f0, f1, … when it has none.
func featureNames(m *model.Model, cols int) []string {
	if len(m.FeatureNames) == cols {
		return m.FeatureNames
	}
	names := make([]string, cols)
	for j := range names {
		names[j] = fmt.Sprintf("f%d", j)
	}
	return names
}
