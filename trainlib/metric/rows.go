package metric

import (
	"math"

	"github.com/gotrain/gotrain/trainlib/internal/fastmath"
)

// Params are what some metrics need besides predictions and labels.
type Params struct {
	// HuberSlope is mphe's huber_slope.
	HuberSlope float64
	// QuantileAlpha are quantile's alphas, one prediction per alpha.
	QuantileAlpha []float64
}

// WeightedMean is sum/weight, 0 when the weights sum to 0 (the empty-set
// rule of Mean).
func WeightedMean(sum, weight float64) float64 {
	if weight == 0 {
		return 0
	}
	return sum / weight
}

func rootMean(sum, weight float64) float64 { return math.Sqrt(WeightedMean(sum, weight)) }

func expf(x float32) float32 { return fastmath.Exp(x) }
func logf(x float32) float32 { return fastmath.Log(x) }
func absf(x float32) float32 { return float32(math.Abs(float64(x))) }

// specs lists the metrics gotrain computes, by eval_metric name. Each row
// term is computed in float32 as XGBoost 3.2's metric code computes it,
// and summed in float64. Read-only.
var specs = map[string]Spec{
	"auc": {Name: "auc", Maximize: true},
	"logloss": {Name: "logloss", Final: WeightedMean, Row: func(p []float32, y float32, _ *Params) (float64, float64) {
		return float64(logLoss(p[0], y)), 1
	}},
	"error": {Name: "error", Final: WeightedMean, Row: func(p []float32, y float32, _ *Params) (float64, float64) {
		if Wrong(p[0], y) {
			return 1, 1
		}
		return 0, 1
	}},
	"rmse": {Name: "rmse", Final: rootMean, Row: func(p []float32, y float32, _ *Params) (float64, float64) {
		d := float64(y) - float64(p[0])
		return d * d, 1
	}},
	"mae": {Name: "mae", Final: WeightedMean, Row: func(p []float32, y float32, _ *Params) (float64, float64) {
		return float64(absf(y - p[0])), 1
	}},
	"mape": {Name: "mape", Final: WeightedMean, Row: func(p []float32, y float32, _ *Params) (float64, float64) {
		return float64(absf((y - p[0]) / y)), 1
	}},
	"mphe": {Name: "mphe", Final: WeightedMean, Row: func(p []float32, y float32, o *Params) (float64, float64) {
		s := float32(o.HuberSlope)
		a := (y - p[0]) / s
		return float64(s * s * (float32(math.Sqrt(float64(1+a*a))) - 1)), 1
	}},
	"poisson-nloglik": {Name: "poisson-nloglik", Final: WeightedMean, Row: func(p []float32, y float32, _ *Params) (float64, float64) {
		py := max(p[0], 1e-16)
		lg, _ := math.Lgamma(float64(y + 1))
		return float64(float32(lg) + py - logf(py)*y), 1
	}},
	"gamma-nloglik": {Name: "gamma-nloglik", Final: WeightedMean, Row: func(p []float32, y float32, _ *Params) (float64, float64) {
		py := max(p[0], 1e-6)
		theta := float32(-1 / float64(py))
		return float64(-(y*theta + logf(-theta))), 1
	}},
	"tweedie-nloglik": {Name: "tweedie-nloglik", Final: WeightedMean},
	"quantile": {Name: "quantile", Final: WeightedMean, Row: func(p []float32, y float32, o *Params) (float64, float64) {
		var s float64
		for k, a64 := range o.QuantileAlpha {
			a := float32(a64)
			d := y - p[k]
			var sign float32
			if d >= 0 {
				sign = 1
			}
			s += float64(a*sign*d - (1-a)*(1-sign)*d)
		}
		return s, float64(len(o.QuantileAlpha))
	}},
	"mlogloss": {Name: "mlogloss", Final: WeightedMean, Row: func(p []float32, y float32, _ *Params) (float64, float64) {
		return float64(-logf(max(p[int(y)], 1e-16))), 1
	}},
	"merror": {Name: "merror", Final: WeightedMean, Row: func(p []float32, y float32, _ *Params) (float64, float64) {
		if Argmax(p) != int(y) {
			return 1, 1
		}
		return 0, 1
	}},
}

// tweedieRow is tweedie-nloglik@rho's row term.
func tweedieRow(rho float32) func(p []float32, y float32, _ *Params) (float64, float64) {
	return func(p []float32, y float32, _ *Params) (float64, float64) {
		lp := logf(p[0])
		a := y * expf((1-rho)*lp) / (1 - rho)
		b := expf((2-rho)*lp) / (2 - rho)
		return float64(-a + b), 1
	}
}

// Argmax returns the index of the first largest value, as XGBoost's
// FindMaxIndex: the predicted class of a row of class probabilities.
func Argmax(p []float32) int {
	best := 0
	for k, v := range p {
		if v > p[best] {
			best = k
		}
	}
	return best
}

// Sum adds up the terms of rows with k predictions each in preds (row r's
// at preds[r*k:(r+1)*k]), labels and weights (nil: every row weighs 1):
// the weighted sum of Row's terms and of the weights, in row order, which
// Final turns into the metric. The common single-output metrics of
// unweighted rows skip the per-row call and give the same bits.
func (s Spec) Sum(preds []float32, k int, labels, weights []float32, o *Params) (sum, weight float64) {
	if k == 1 && weights == nil {
		switch s.Name {
		case "logloss":
			return logLossSum(preds[:len(labels)], labels), float64(len(labels))
		case "error":
			wrong := 0 // a count: adding 1s in float64 gives the same number
			for r, y := range labels {
				if Wrong(preds[r], y) {
					wrong++
				}
			}
			return float64(wrong), float64(len(labels))
		}
	}
	for r, y := range labels {
		w := 1.0
		if weights != nil {
			w = float64(weights[r])
		}
		t, mult := s.Row(preds[r*k:(r+1)*k], y, o)
		sum += t * w
		weight += w * mult
	}
	return sum, weight
}

// logLossSum is the sum of logLoss over rows, in row order, with the same
// bits, in blocks: each row's logarithm's argument is chosen without a
// branch on its label (y·p + (1−y)·(1−p) is exactly p or 1−p for a 0/1
// label, where the branch mispredicts about every other row) and the
// block's logarithms taken by fastmath.LogTo; rows of other labels take
// logLoss itself.
func logLossSum(preds, labels []float32) (sum float64) {
	const eps = 1e-16
	var buf [256]float32
	for lo := 0; lo < len(labels); lo += len(buf) {
		lab := labels[lo:min(lo+len(buf), len(labels))]
		p := preds[lo : lo+len(lab)]
		q := buf[:len(lab)]
		for i, y := range lab {
			q[i] = max(y*p[i]+(1-y)*(1-p[i]), eps)
		}
		fastmath.LogTo(q, q)
		for i, y := range lab {
			t := 0 - q[i]
			if y*(1-y) != 0 { // y is not 0 or 1 (one branch, not two)
				t = logLoss(p[i], y)
			}
			sum += float64(t)
		}
	}
	return sum
}
