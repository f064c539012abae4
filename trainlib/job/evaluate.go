package job

import (
	"context"
	"fmt"
	"math"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/metric"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Scores are a model's results on the test set.
type Scores struct {
	// Accuracy is the share of rows whose predicted class (p > 0.5) is
	// the label; AUC the area under the ROC curve.
	Accuracy, AUC float64
	Rows          int
}

// String prints the scores on one line.
func (s Scores) String() string {
	return fmt.Sprintf("test accuracy %.4f, test AUC %.4f (%d rows)", s.Accuracy, s.AUC, s.Rows)
}

// Evaluate scores m on the job's test set.
func (j *Job) Evaluate(ctx context.Context, m *model.Model) (Scores, error) {
	ctx = cellctx.Or(ctx)
	return Score(ctx, m, j.Test)
}

// Score predicts d with m and compares with d's labels.
func Score(ctx context.Context, m *model.Model, d *data.Dataset) (Scores, error) {
	ctx = cellctx.Or(ctx)
	if m == nil || d == nil || len(d.Label) == 0 {
		return Scores{}, fmt.Errorf("score: need a model and a labelled data set")
	}
	p, err := m.PredictContext(ctx, &d.Matrix, model.PredictOptions{})
	if err != nil {
		return Scores{}, fmt.Errorf("score: predict the test set: %w", err)
	}
	wrong := 0
	for i, y := range d.Label {
		if metric.Wrong(p[i], y) {
			wrong++
		}
	}
	auc := metric.AUC(p, d.Label)
	if math.IsNaN(auc) {
		return Scores{}, fmt.Errorf("score: every test label is %g, so the AUC is undefined (XGBoost reports nan): test on a set with both classes", d.Label[0])
	}
	return Scores{Accuracy: float64(len(p)-wrong) / float64(len(p)), AUC: auc, Rows: len(p)}, nil
}
