package tune

import (
	"fmt"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
)

// Curves draws metric per round for every trial with at least one round,
// one line per trial (the notebook's live learning-curve chart).
func Curves(trials []*Trial, metric string) (*chart.Chart, error) {
	var series []chart.Series
	for _, t := range trials {
		if h := t.History[metric]; len(h) > 0 {
			series = append(series, chart.Series{Name: fmt.Sprintf("%s %s", t.ID, configLabel(t.Config)), Values: append([]float64(nil), h...)})
		}
	}
	if len(series) == 0 {
		return nil, fmt.Errorf("tune: no trial has %q values yet", metric)
	}
	return chart.TrialCurves(series, chart.CurveOptions{Metric: metric, Title: "Trials: " + metric + " per round"})
}

// Curves draws the run's learning curves of its metric.
func (r *Results) Curves() (*chart.Chart, error) { return Curves(r.Trials, r.Metric) }

// configLabel writes a config briefly: eta=0.0123 max_depth=4.
func configLabel(c Config) string {
	s := ""
	for i, k := range sortedKeys(c) {
		if i > 0 {
			s += " "
		}
		s += k + "=" + fmtValue(c[k])
	}
	return s
}
