package gbdt

import (
	"math"
	"slices"
)

// metricInfo tells how a metric is finished and which way is better.
type metricInfo struct {
	maximize bool
}

// metrics lists the supported eval_metric values. Read-only.
var metrics = map[string]metricInfo{
	"logloss": {}, "error": {}, "rmse": {}, "auc": {maximize: true},
}

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
		e.LogLoss -= logloss(pd, yd)
	}
	d := yd - pd
	e.SquaredError += d * d
	if (p > 0.5) != (y > 0.5) {
		e.Errors++
	}
	if need.auc {
		e.Scores = append(e.Scores, p)
		e.Labels = append(e.Labels, y)
	}
}

// logloss returns y·log(p) + (1−y)·log(1−p), both clamped at 1e-16 as
// XGBoost does. For a 0/1 label one term is ±0 times a finite number, so
// taking only the other logarithm gives the same bits at half the cost.
func logloss(p, y float64) float64 {
	const eps = 1e-16
	switch y {
	case 1:
		return math.Log(math.Max(p, eps))
	case 0:
		return math.Log(math.Max(1-p, eps))
	}
	return y*math.Log(math.Max(p, eps)) + (1-y)*math.Log(math.Max(1-p, eps))
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
	if n == 0 {
		return math.NaN()
	}
	switch m {
	case "logloss":
		return ll / float64(n)
	case "rmse":
		return math.Sqrt(sq / float64(n))
	case "error":
		return float64(errs) / float64(n)
	case "auc":
		var s, l []float32
		for _, p := range parts {
			s = append(s, p.Scores...)
			l = append(l, p.Labels...)
		}
		return auc(s, l)
	}
	return math.NaN()
}

// auc returns the area under the ROC curve of scores for binary labels,
// ties counted as half (trapezoids). It is NaN when one class is absent.
func auc(scores, labels []float32) float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case scores[a] > scores[b]:
			return -1
		case scores[a] < scores[b]:
			return 1
		}
		return 0
	})
	var tp, fp, area float64
	for i := 0; i < len(idx); {
		j := i
		var dtp, dfp float64
		for j < len(idx) && scores[idx[j]] == scores[idx[i]] {
			if labels[idx[j]] > 0.5 {
				dtp++
			} else {
				dfp++
			}
			j++
		}
		area += dfp * (tp + dtp/2)
		tp += dtp
		fp += dfp
		i = j
	}
	if tp == 0 || fp == 0 {
		return math.NaN()
	}
	return area / (tp * fp)
}
