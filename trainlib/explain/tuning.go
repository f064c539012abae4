package explain

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/track"
)

// higherIsBetter lists XGBoost metrics where a larger value is better.
var higherIsBetter = []string{"auc", "aucpr", "map", "ndcg", "pre"}

// TuningChart draws a tuning run's finished trials, as package track
// records them (trial_results.json): the metric, such as "val-logloss",
// against each numeric parameter that varies between trials. The best trial
// is the lowest score, or the highest for metrics where higher is better
// (auc, aucpr, map, ndcg, pre) or when opt.Maximize is set.
func TuningChart(results []track.TrialResult, metric string, opt chart.TuningOptions) (*chart.Chart, error) {
	trials, err := TrialsFromResults(results, metric)
	if err != nil {
		return nil, err
	}
	if opt.Metric == "" {
		opt.Metric = metric
	}
	name := metric[strings.LastIndex(metric, "-")+1:]
	name, _, _ = strings.Cut(name, "@")
	opt.Maximize = opt.Maximize || slices.Contains(higherIsBetter, name)
	return chart.Tuning(trials, opt)
}

// TrialsFromResults turns trial results into chart trials scored by
// metric, keeping the numeric parameters whose value differs between
// trials (fixed settings such as nthread would only add flat panels).
func TrialsFromResults(results []track.TrialResult, metric string) ([]chart.Trial, error) {
	if len(results) == 0 {
		return nil, fmt.Errorf("explain: no trial results to chart")
	}
	trials := make([]chart.Trial, len(results))
	first := map[string]float64{}
	varies := map[string]bool{}
	for i, r := range results {
		score, ok := r.Metrics[metric]
		if !ok {
			return nil, fmt.Errorf("explain: trial %s has no metric %q; it has %v", r.TrialID, metric, metricNames(r.Metrics))
		}
		trials[i] = chart.Trial{Name: r.TrialID, Score: score, Params: map[string]float64{}}
		for k, v := range r.Params {
			f, ok := number(v)
			if !ok {
				continue
			}
			trials[i].Params[k] = f
			if prev, seen := first[k]; !seen {
				first[k] = f
			} else if prev != f {
				varies[k] = true
			}
		}
	}
	for i := range trials {
		for k := range trials[i].Params {
			if !varies[k] {
				delete(trials[i].Params, k)
			}
		}
	}
	if len(varies) == 0 {
		return nil, fmt.Errorf("explain: no numeric parameter varies between the %d trials; nothing to chart", len(results))
	}
	return trials, nil
}

// number returns a numeric parameter value as float64.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	}
	return 0, false
}

// metricNames lists a trial's metric keys in order.
func metricNames(m map[string]float64) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}
