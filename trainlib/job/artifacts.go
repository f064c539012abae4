package job

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/explain"
	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/model"
	"github.com/gotrain/gotrain/trainlib/track"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// ExplainedRows is how many test rows the explanation page explains.
const ExplainedRows = 3

// Files lists what Save wrote, by role.
type Files struct {
	Importance  []string // feature_importance_{gain,weight,cover}.png
	Explanation string   // explanation.html
	DominoStats string   // dominostats.json
}

// Explain builds the explanation of m: importance charts, global weights
// and the first n test rows' per-feature contributions. It renders as
// HTML in a notebook.
func (j *Job) Explain(ctx context.Context, m *model.Model, n int) (*explain.Report, error) {
	ctx = cellctx.Or(ctx)
	return explain.NewReport(ctx, m, j.testRows(n), explain.ReportOptions{Title: "Why the best model decides as it does"})
}

// ImportanceChart draws m's feature importance of one kind (gain, weight
// or cover), top 10 features; it shows as a PNG in a notebook.
func ImportanceChart(m *model.Model, kind string) (*chart.Chart, error) {
	return explain.ImportanceChart(m, kind, chart.ImportanceOptions{Kind: kind})
}

// testRows returns the first n rows of the test set (fewer if it is short).
func (j *Job) testRows(n int) *data.Matrix {
	n = min(n, j.Test.Rows)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return &j.Test.Subset(idx).Matrix
}

// Save writes the batch job's result files into OutDir: the three
// importance charts, the explanation page and dominostats.json with the
// test scores (tuning already wrote tune_best.* and trial_results.json).
func (j *Job) Save(ctx context.Context, m *model.Model, s Scores) (Files, error) {
	ctx = cellctx.Or(ctx)
	dir := j.cfg.OutDir
	var f Files
	var err error
	if f.Importance, err = explain.WriteImportanceCharts(dir, m, nil, chart.ImportanceOptions{}); err != nil {
		return f, fmt.Errorf("importance charts: %w", err)
	}
	if f.Explanation, err = explain.WriteExplanation(ctx, dir, m, j.testRows(ExplainedRows), explain.ReportOptions{}); err != nil {
		return f, fmt.Errorf("explanation: %w", err)
	}
	f.DominoStats = filepath.Join(dir, track.DominoStatsFile)
	stats := map[string]any{"Accuracy": s.Accuracy, "AUC": s.AUC}
	if err := track.WriteDominoStats(f.DominoStats, stats); err != nil {
		return f, fmt.Errorf("dominostats: %w", err)
	}
	return f, nil
}

// BestFiles names the tuned model's files in OutDir.
func (j *Job) BestFiles() []string {
	return []string{filepath.Join(j.cfg.OutDir, tune.BestXGB), filepath.Join(j.cfg.OutDir, tune.BestJSON)}
}

// ImportanceCharts draws m's gain, weight and cover charts, in that order.
func ImportanceCharts(m *model.Model) ([]*chart.Chart, error) {
	var out []*chart.Chart
	for _, kind := range explain.DefaultChartKinds() {
		c, err := ImportanceChart(m, kind)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
