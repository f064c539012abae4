package tune

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/gotrain/gotrain/trainlib/track"
)

// Names of the files Run writes in the experiment directory.
const (
	BestJSON = "tune_best.json"
	BestXGB  = "tune_best.xgb"
)

// Table returns the results as a table (HTML() and String()).
func (r *Results) Table() *Table {
	total := 0
	for _, t := range r.Trials {
		total = max(total, t.Rounds)
	}
	return newTable(r.Trials, r.Best, r.Metric, total, time.Now())
}

// HTML renders the trial table.
func (r *Results) HTML() string { return r.Table().HTML() }

// String renders the trial table as text.
func (r *Results) String() string { return r.Table().String() }

// TrialResults returns one record per trial, as trial_results.json holds
// them: the config and the final value of every metric.
func (r *Results) TrialResults() []track.TrialResult {
	var out []track.TrialResult
	for _, t := range r.Trials {
		tr := track.TrialResult{TrialID: t.ID, Params: map[string]any{}, Metrics: map[string]float64{}}
		for k, v := range t.Config {
			tr.Params[k] = v
		}
		for k := range t.History {
			if v := t.Last(k); strings.Contains(k, "-") && v == v {
				tr.Metrics[k] = v
			}
		}
		out = append(out, tr)
	}
	return out
}

// writeResults writes trial_results.json and the best model.
func (r *runner) writeResults(res *Results) error {
	if r.opt.Dir == "" {
		return nil
	}
	if err := track.WriteTrialResults(filepath.Join(r.opt.Dir, track.TrialResultsFile), res.TrialResults()); err != nil {
		return fmt.Errorf("tune: %w", err)
	}
	if res.BestModel == nil {
		return fmt.Errorf("tune: no trial finished, so there is no best model; see the trials' errors in %s", r.opt.Dir)
	}
	for _, name := range []string{BestJSON, BestXGB} {
		if err := res.BestModel.Save(filepath.Join(r.opt.Dir, name)); err != nil {
			return fmt.Errorf("tune: %w", err)
		}
	}
	return nil
}
