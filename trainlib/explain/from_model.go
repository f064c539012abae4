package explain

import (
	"context"
	"fmt"

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
		preds, err := m.Predict(batch, popt)
		if err != nil {
			return nil, fmt.Errorf("explain: %w", err)
		}
		for r := range batch.Rows {
			cs := contribs.Row(r)
			c64 := make([]float64, len(cs))
			for j, v := range cs {
				c64[j] = float64(v)
			}
			p, err := NewPrediction(features, batch.Row(r), c64, m.Objective, opt.Method)
			if err != nil {
				return nil, fmt.Errorf("explain: row %d: %w", lo+r, err)
			}
			if p.HasProbability {
				// The model's own output, so the page shows what Predict says.
				p.Probability = float64(preds[r])
			}
			p.Name = fmt.Sprintf("row %d", lo+r)
			if names != nil {
				p.Name = names[lo+r]
			}
			out = append(out, p)
		}
	}
	return out, nil
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
