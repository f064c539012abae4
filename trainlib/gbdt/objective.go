package gbdt

import (
	"fmt"
	"math"

	"github.com/gotrain/gotrain/trainlib/model"
)

// hessFloor is XGBoost's lower bound on the logistic hessian.
const hessFloor = 1e-16

// sigmoid is XGBoost's float32 logistic function (exponent clamped so it
// never overflows), so our margins give XGBoost's probabilities.
func sigmoid(x float32) float32 {
	e := -x
	if e > 88.7 {
		e = 88.7
	}
	return 1 / (float32(math.Exp(float64(e))) + 1 + 1e-16)
}

// gradient returns the first and second derivative of the loss at margin m
// for label y.
func gradient(obj string, m, y float32) (g, h float32) {
	if obj == model.RegSquaredError {
		return m - y, 1
	}
	return gradientAt(obj, predict(obj, m), y)
}

// gradientAt is gradient given the prediction p = predict(obj, m).
func gradientAt(obj string, p, y float32) (g, h float32) {
	if obj == model.RegSquaredError {
		return p - y, 1
	}
	h = p * (1 - p)
	if h < hessFloor {
		h = hessFloor
	}
	return p - y, h
}

// predict maps a margin to the objective's output.
func predict(obj string, m float32) float32 {
	if obj == model.RegSquaredError {
		return m
	}
	return sigmoid(m)
}

// baseMargin maps base_score to margin space as the model does.
func baseMargin(obj string, base float64) (float32, error) {
	if obj == model.RegSquaredError {
		return float32(base), nil
	}
	p := float32(base)
	if !(p > 0 && p < 1) {
		return 0, fmt.Errorf("gbdt: base_score %v: binary:logistic needs a probability strictly between 0 and 1 (are all labels the same?)", base)
	}
	return -float32(math.Log(float64(1/p - 1))), nil
}

// thresholdL1 shrinks g towards zero by alpha, as XGBoost's L1 penalty.
func thresholdL1(g, alpha float64) float64 {
	switch {
	case g > alpha:
		return g - alpha
	case g < -alpha:
		return g + alpha
	}
	return 0
}

// leafWeight is XGBoost's CalcWeight: the optimal (unscaled) weight of a
// node with gradient sum g and hessian sum h.
// XGBoost keeps these parameters as float32, so they are rounded to
// float32 first (eta 0.1 is 0.100000001…).
func leafWeight(p *Params, g, h float64) float64 {
	if h < f32(p.MinChildWeight) || h <= 0 {
		return 0
	}
	w := -thresholdL1(g, f32(p.Alpha)) / (h + f32(p.Lambda))
	if mds := f32(p.MaxDeltaStep); mds != 0 {
		w = math.Max(-mds, math.Min(mds, w))
	}
	return w
}

// f32 rounds x to float32 precision.
func f32(x float64) float64 { return float64(float32(x)) }

// nodeGain is XGBoost's CalcGain: the loss reduction score of a node,
// G²/(H+λ) without regularisation extras.
func nodeGain(p *Params, g, h float64) float64 {
	if h < f32(p.MinChildWeight) {
		return 0
	}
	if p.MaxDeltaStep == 0 {
		t := thresholdL1(g, f32(p.Alpha))
		return t * t / (h + f32(p.Lambda))
	}
	w := leafWeight(p, g, h)
	ret := -(2*g*w + (h+f32(p.Lambda))*w*w)
	if p.Alpha != 0 {
		ret -= 2 * f32(p.Alpha) * math.Abs(w)
	}
	return ret
}
