package explain

import (
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/track"
)

func results() []track.TrialResult {
	return []track.TrialResult{
		{TrialID: "t0", Params: map[string]any{"eta": 0.01, "max_depth": 3, "nthread": 4, "objective": "binary:logistic"},
			Metrics: map[string]float64{"val-logloss": 0.47, "val-auc": 0.75}},
		{TrialID: "t1", Params: map[string]any{"eta": 0.1, "max_depth": 5, "nthread": 4, "objective": "binary:logistic"},
			Metrics: map[string]float64{"val-logloss": 0.44, "val-auc": 0.78}},
		{TrialID: "t2", Params: map[string]any{"eta": 0.3, "max_depth": 2, "nthread": 4, "objective": "binary:logistic"},
			Metrics: map[string]float64{"val-logloss": 0.45, "val-auc": 0.79}},
	}
}

func TestTuningChartFromResults(t *testing.T) {
	c, err := TuningChart(results(), "val-logloss", chart.TuningOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "val-logloss by parameter, 3 trials; best (orange triangle): t1, 0.44\n" +
		"  t0: score 0.47, eta=0.01, max_depth=3\n" +
		"* t1: score 0.44, eta=0.1, max_depth=5\n" +
		"  t2: score 0.45, eta=0.3, max_depth=2\n"
	if got := c.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	auc, err := TuningChart(results(), "val-auc", chart.TuningOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(auc.String(), "* t2") {
		t.Errorf("auc: the best trial is the highest:\n%s", auc)
	}
}

func TestTuningChartRefusesMissingMetric(t *testing.T) {
	_, err := TuningChart(results(), "val-error", chart.TuningOptions{})
	if err == nil || !strings.Contains(err.Error(), "[val-auc val-logloss]") {
		t.Fatalf("error %v, want one listing the metrics there are", err)
	}
}
