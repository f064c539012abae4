// Package metric holds the evaluation metrics of gotrain's models, defined
// as XGBoost defines them, so that a number printed by gotrain and one
// printed by XGBoost for the same predictions agree. Every place that
// scores a model — the boosting loop's evaluation sets, tuning, a job's
// test scores — computes its metrics here.
//
// Degenerate sets follow XGBoost's one rule: a metric averaged over rows
// (logloss, error, rmse) is 0 on an empty set, and AUC is NaN when the set
// lacks one of the two classes (XGBoost warns and prints nan). Callers
// that must report a number, such as a job's test scores, turn NaN into an
// error that says why.
package metric

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Spec describes one metric: its eval_metric name and whether a larger
// value is better (early stopping and tuning need to know). Every metric
// but auc is a weighted mean of per-row terms: Row gives a row's term and
// its weight multiplier, Final turns the sums into the metric.
type Spec struct {
	Name     string
	Maximize bool
	// Row is the term of a row with predictions p (one per model output:
	// class probabilities, quantiles) and label y; nil for auc, which
	// ranks rows instead.
	Row func(p []float32, y float32, o *Params) (term, weight float64)
	// Final turns the weighted sum of terms and of weights into the
	// metric.
	Final func(sum, weight float64) float64
}

// Lookup returns the metric called name (tweedie-nloglik with its
// @rho, rho in [1, 2)), and false when there is none.
func Lookup(name string) (Spec, bool) {
	base, param, hasParam := strings.Cut(name, "@")
	s, ok := specs[base]
	if !ok {
		return s, false
	}
	if base != "tweedie-nloglik" {
		return s, !hasParam
	}
	rho, err := strconv.ParseFloat(param, 32)
	if !hasParam || err != nil || !(rho >= 1 && rho < 2) {
		return s, false
	}
	s.Name = name
	s.Row = tweedieRow(float32(rho))
	return s, true
}

// Names returns every metric's name in sorted order, for error messages.
func Names() []string {
	names := make([]string, 0, len(specs))
	for n := range specs {
		if n == "tweedie-nloglik" {
			n += "@rho"
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Mean returns sum/n, the value of a metric averaged over n rows: 0 for an
// empty set, as XGBoost reports it.
func Mean(sum float64, n int64) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// LogLoss returns a row's negative log-likelihood under binary:logistic,
// −(y·log p + (1−y)·log(1−p)), computed in float32 as XGBoost 3.2
// computes it (p and 1−p rounded to float32 and kept at least 1e-16), so
// the numbers printed beside XGBoost's agree to its last digit. For a 0/1
// label one term is ±0 times a finite number, so taking only the other
// logarithm gives the same bits at half the cost.
func LogLoss(p, y float64) float64 { return float64(logLoss(float32(p), float32(y))) }

func logLoss(p, y float32) float32 {
	const eps = 1e-16
	switch y { // 0 − log, not −log: XGBoost's sum is +0 where log is 0
	case 1:
		return 0 - logf(max(p, eps))
	case 0:
		return 0 - logf(max(1-p, eps))
	}
	return -y*logf(max(p, eps)) - (1-y)*logf(max(1-p, eps))
}

// Wrong reports whether a binary prediction p misclassifies label y: the
// predicted class is 1 when p > 0.5, as XGBoost's error metric counts it.
func Wrong(p, y float32) bool {
	return (p > 0.5) != (y > 0.5)
}

// AUC returns the area under the ROC curve of scores against binary labels
// (a label above 0.5 is positive), ties counted half. It is NaN when one
// class is absent, as in XGBoost.
func AUC(scores, labels []float32) float64 { return WeightedAUC(scores, labels, nil) }

// WeightedAUC is AUC with each row counted with its weight (weights nil:
// every row weighs 1).
func WeightedAUC(scores, labels, weights []float32) float64 {
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
			w := 1.0
			if weights != nil {
				w = float64(weights[idx[j]])
			}
			if labels[idx[j]] > 0.5 {
				dtp += w
			} else {
				dfp += w
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
