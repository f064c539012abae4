package gbdt

import (
	"math"
	"slices"
	"strings"

	"github.com/gotrain/gotrain/trainlib/metric"
)

// metricNames lists the supported metrics for messages.
func metricNames() string { return strings.Join(metric.Names(), ", ") }

// metricParams are the objective parameters the metrics read.
func (o *ObjParams) metricParams() *metric.Params {
	return &metric.Params{HuberSlope: o.HuberSlope, QuantileAlpha: o.QuantileAlpha}
}

// evalShard sets a shard's partial sums for metrics ms: preds holds k
// predictions per row, labels and weights (nil: all 1) one per row.
func evalShard(e *ShardEval, ms []string, o *ObjParams, preds []float32, k int, labels, weights []float32) {
	n := len(labels)
	mp := o.metricParams()
	e.Count = int64(n)
	e.Sums = make([]float64, 2*len(ms))
	for i, name := range ms {
		m, _ := metric.Lookup(name)
		if m.Row == nil { // auc ranks the rows of every shard together
			e.Scores = slices.Clone(preds[:n])
			e.Labels = labels
			e.Weights = weights
			continue
		}
		s, ws := m.Sum(preds, k, labels, weights, mp)
		e.Sums[2*i], e.Sums[2*i+1] = s, ws
	}
}

// combineEval sums shard statistics given in shard order and returns the
// value of metric i of the request, named m.
func combineEval(parts []ShardEval, i int, m string) float64 {
	spec, ok := metric.Lookup(m)
	if !ok {
		return math.NaN()
	}
	if spec.Row == nil {
		var s, l, w []float32
		for _, p := range parts {
			s = append(s, p.Scores...)
			l = append(l, p.Labels...)
			w = append(w, p.Weights...)
		}
		if len(w) != len(s) {
			w = nil
		}
		return metric.WeightedAUC(s, l, w)
	}
	var sum, ws float64
	for _, p := range parts {
		sum += p.Sums[2*i]
		ws += p.Sums[2*i+1]
	}
	return spec.Final(sum, ws)
}
