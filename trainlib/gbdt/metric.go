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

// accumulate adds a row's contribution to e.
func (e *ShardEval) accumulate(obj string, margin, y float32, wantAUC bool) {
	p := predict(obj, margin)
	e.Count++
	pd, yd := float64(p), float64(y)
	const eps = 1e-16
	e.LogLoss -= yd*math.Log(math.Max(pd, eps)) + (1-yd)*math.Log(math.Max(1-pd, eps))
	d := yd - pd
	e.SquaredError += d * d
	if (p > 0.5) != (y > 0.5) {
		e.Errors++
	}
	if wantAUC {
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
