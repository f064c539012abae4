package gbdt

import (
	"math"

	"github.com/gotrain/gotrain/trainlib/metric"
)

// metricNeeds says which per-row terms a round's metrics need: logarithms
// and kept scores are the costly ones.
type metricNeeds struct{ logloss, auc bool }

// needsOf returns what metrics ms need.
func needsOf(ms []string) metricNeeds {
	var n metricNeeds
	for _, m := range ms {
		n.logloss = n.logloss || m == "logloss"
		n.auc = n.auc || m == "auc"
	}
	return n
}

// accumulate adds the contribution of a row with prediction p and label y
// to e.
func (e *ShardEval) accumulate(p, y float32, need metricNeeds) {
	e.Count++
	pd, yd := float64(p), float64(y)
	if need.logloss {
		e.LogLoss += metric.LogLoss(pd, yd)
	}
	d := yd - pd
	e.SquaredError += d * d
	if metric.Wrong(p, y) {
		e.Errors++
	}
	if need.auc {
		e.Scores = append(e.Scores, p)
		e.Labels = append(e.Labels, y)
	}
}

// combineEval sums shard statistics given in shard order and returns the
// value of metric m.
func combineEval(parts []ShardEval, m string) float64 {
	var n int64
	var ll, sq float64
	var errs int64
	for _, p := range parts {
		n += p.Count
		ll += p.LogLoss
		sq += p.SquaredError
		errs += p.Errors
	}
	switch m {
	case "logloss":
		return metric.Mean(ll, n)
	case "rmse":
		return math.Sqrt(metric.Mean(sq, n))
	case "error":
		return metric.Mean(float64(errs), n)
	case "auc":
		var s, l []float32
		for _, p := range parts {
			s = append(s, p.Scores...)
			l = append(l, p.Labels...)
		}
		return metric.AUC(s, l)
	}
	return math.NaN()
}
