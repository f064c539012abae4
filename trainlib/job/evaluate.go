package job

import (
	"context"
	"fmt"
	"sort"

	"github.com/gotrain/gotrain/trainlib/data"
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
	return Score(ctx, m, j.Test)
}

// Score predicts d with m and compares with d's labels.
func Score(ctx context.Context, m *model.Model, d *data.Dataset) (Scores, error) {
	if m == nil || d == nil || len(d.Label) == 0 {
		return Scores{}, fmt.Errorf("score: need a model and a labelled data set")
	}
	p, err := m.PredictContext(ctx, &d.Matrix, model.PredictOptions{})
	if err != nil {
		return Scores{}, fmt.Errorf("score: predict the test set: %w", err)
	}
	right := 0
	for i, y := range d.Label {
		if (p[i] > 0.5) == (y > 0.5) {
			right++
		}
	}
	return Scores{Accuracy: float64(right) / float64(len(p)), AUC: AUC(p, d.Label), Rows: len(p)}, nil
}

// AUC is the area under the ROC curve of scores against 0/1 labels, ties
// counted half (the Mann–Whitney statistic). It is 0.5 when one class is
// absent.
func AUC(scores []float32, labels []float32) float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return scores[idx[a]] < scores[idx[b]] })
	var pos, neg, rankSum float64
	for start := 0; start < len(idx); {
		end := start
		for end < len(idx) && scores[idx[end]] == scores[idx[start]] {
			end++
		}
		mid := float64(start+end+1) / 2 // average 1-based rank of the tie group
		for _, k := range idx[start:end] {
			if labels[k] > 0.5 {
				pos++
				rankSum += mid
			} else {
				neg++
			}
		}
		start = end
	}
	if pos == 0 || neg == 0 {
		return 0.5
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}
