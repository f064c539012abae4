package gbdt

import (
	"fmt"
	"math"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"

	"github.com/gotrain/gotrain/trainlib/internal/fastmath"
)

// hessFloor is XGBoost's lower bound on the logistic and softmax hessians.
const hessFloor = 1e-16

// ObjParams are the objective's own parameters, as XGBoost names them.
// The holders receive them with the session (StartRequest).
type ObjParams struct {
	// NumClass is num_class (multi:softprob, multi:softmax).
	NumClass int
	// QuantileAlpha is quantile_alpha (reg:quantileerror): one model
	// output, so one tree per round, per value.
	QuantileAlpha []float64
	// HuberSlope is huber_slope (reg:pseudohubererror), 1.
	HuberSlope float64
	// TweedieVariancePower is tweedie_variance_power (reg:tweedie), 1.5.
	TweedieVariancePower float64
	// PoissonMaxDeltaStep is the max_delta_step count:poisson adds to its
	// hessian's exponent: max_delta_step when set, else XGBoost's 0.7.
	PoissonMaxDeltaStep float64
	// ScalePosWeight is scale_pos_weight: rows labelled 1 weigh this
	// much more (binary:logistic, reg:squarederror, reg:gamma), 1.
	ScalePosWeight float64
}

// objective is one of XGBoost's learning objectives as the trainer needs
// it: per-row gradients, how base_score is estimated, which labels it
// accepts and its default metric.
type objective struct {
	// elem is the gradient pair of one output at margin m with prediction
	// p (the model's transform of m), label y and weight w; nil for
	// softmax, whose outputs depend on each other.
	elem func(o *ObjParams, k int, m, p, y, w float32) (g, h float32)
	// spw says whether scale_pos_weight applies (XGBoost's RegLossObj).
	spw bool
	// base says how base_score is estimated from the labels.
	base baseRule
	// labels is the range of valid labels, for the objective's name and
	// parameters; nil accepts any finite label.
	labels func(name string, o *ObjParams) *data.LabelRule
	// metric is the default eval_metric.
	metric string
}

// baseRule is how an objective estimates base_score when it is not given,
// as XGBoost 3.2's InitEstimation does.
type baseRule int

const (
	// baseMean is the (weighted) label mean (XGBoost's
	// FitInterceptGlmLike), or one Newton step from margin 0 with
	// scale_pos_weight ≠ 1.
	baseMean baseRule = iota
	// baseNewton is one Newton step from margin 0, −ΣG/ΣH, mapped to the
	// output (XGBoost's FitIntercept).
	baseNewton
	// baseQuantile is the labels' quantile at each alpha (0.5 for
	// reg:absoluteerror): linear interpolation, or the weighted step
	// quantile with weights.
	baseQuantile
	// baseClassPrior is the log class frequency minus its mean, in margin
	// space (multi-class).
	baseClassPrior
)

// objectives lists the supported objectives. Read-only.
var objectives = map[string]*objective{
	model.BinaryLogistic: {elem: gradLogistic, spw: true, base: baseMean, metric: "logloss",
		labels: labelRange(0, 1, false, "a label in [0, 1]")},
	model.RegSquaredError:  {elem: gradSquared, spw: true, base: baseMean, metric: "rmse"},
	model.RegAbsoluteError: {elem: gradAbsolute, base: baseQuantile, metric: "mae"},
	model.RegPseudoHuber:   {elem: gradPseudoHuber, base: baseNewton, metric: "mphe"},
	model.RegQuantile:      {elem: gradQuantile, base: baseQuantile, metric: "quantile"},
	model.CountPoisson: {elem: gradPoisson, base: baseMean, metric: "poisson-nloglik",
		labels: labelRange(0, math.Inf(1), false, "a non-negative label, a count")},
	model.RegGamma: {elem: gradGamma, spw: true, base: baseMean, metric: "gamma-nloglik",
		labels: labelRange(0, math.Inf(1), true, "a positive label")},
	model.RegTweedie: {elem: gradTweedie, base: baseMean, metric: "tweedie-nloglik",
		labels: labelRange(0, math.Inf(1), false, "a non-negative label")},
	model.MultiSoftprob: {base: baseClassPrior, metric: "mlogloss", labels: classLabels},
	model.MultiSoftmax:  {base: baseClassPrior, metric: "mlogloss", labels: classLabels},
}

// labelRange is the label rule of an objective whose labels lie in
// [lo, hi] ((lo, hi] when aboveLo).
func labelRange(lo, hi float64, aboveLo bool, need string) func(string, *ObjParams) *data.LabelRule {
	return func(name string, _ *ObjParams) *data.LabelRule {
		return &data.LabelRule{Min: lo, Max: hi, AboveMin: aboveLo, Need: need + " (" + name + ")"}
	}
}

// classLabels is the label rule of multi-class objectives: class numbers.
func classLabels(name string, o *ObjParams) *data.LabelRule {
	return &data.LabelRule{Min: 0, Max: float64(o.NumClass - 1), Whole: true,
		Need: fmt.Sprintf("a class number 0, 1, …, %d (%s with num_class=%d)", o.NumClass-1, name, o.NumClass)}
}

// LabelRule returns the labels p's objective accepts (nil: any finite
// label, or parameters that training will refuse anyway), for
// data.Options.Labels, so that the loader names the file, line and column
// of a label the objective cannot learn from.
func (p *Params) LabelRule() *data.LabelRule {
	o, ok := objectives[p.Objective]
	if !ok || o.labels == nil || p.validateObjective() != nil {
		return nil
	}
	op := p.objParams()
	return o.labels(p.Objective, &op)
}

// objectiveOf returns the objective named name.
func objectiveOf(name string) (*objective, error) {
	o, ok := objectives[name]
	if !ok {
		return nil, fmt.Errorf("objective %q is not supported; use one of %s", name, objectiveNames())
	}
	return o, nil
}

// outputs returns the model's outputs, which is also its trees per round.
func (o *ObjParams) outputs(obj string) int {
	switch obj {
	case model.MultiSoftprob, model.MultiSoftmax:
		return o.NumClass
	case model.RegQuantile:
		return len(o.QuantileAlpha)
	}
	return 1
}

func expf(x float32) float32 { return fastmath.Exp(x) }

// sigmoid is XGBoost's float32 logistic function (exponent clamped so it
// never overflows), so our margins give XGBoost's probabilities.
func sigmoid(x float32) float32 {
	e := -x
	if e > 88.7 {
		e = 88.7
	}
	return 1 / (expf(e) + 1 + 1e-16)
}

// sigmoidTo sets dst[i] to sigmoid(src[i]) for every i of src, with
// fastmath.ExpTo's exponentials (no call per element); dst and src may be
// the same slice.
func sigmoidTo(dst, src []float32) {
	dst = dst[:len(src)]
	for i, x := range src {
		dst[i] = min(-x, 88.7)
	}
	fastmath.ExpTo(dst, dst)
	for i, e := range dst {
		dst[i] = 1 / (e + 1 + 1e-16)
	}
}

func gradLogistic(_ *ObjParams, _ int, _, p, y, w float32) (float32, float32) {
	return (p - y) * w, max(p*(1-p), hessFloor) * w
}

func gradSquared(_ *ObjParams, _ int, m, _, y, w float32) (float32, float32) {
	return (m - y) * w, w
}

func gradAbsolute(_ *ObjParams, _ int, m, _, y, w float32) (float32, float32) {
	switch d := m - y; {
	case d > 0:
		return w, w
	case d < 0:
		return -w, w
	}
	return 0, w
}

func gradPseudoHuber(o *ObjParams, _ int, m, _, y, w float32) (float32, float32) {
	slope := float32(o.HuberSlope)
	z := m - y
	ss := slope * slope
	scaleSqrt := float32(math.Sqrt(float64(1 + z*z/ss)))
	scale := ss + z*z
	return z / scaleSqrt * w, ss / (scale * scaleSqrt) * w
}

func gradQuantile(o *ObjParams, k int, m, _, y, w float32) (float32, float32) {
	a := float32(o.QuantileAlpha[k])
	if m-y >= 0 {
		return (1 - a) * w, w
	}
	return -a * w, w
}

func gradPoisson(o *ObjParams, _ int, m, p, y, w float32) (float32, float32) {
	return (p - y) * w, expf(m+float32(o.PoissonMaxDeltaStep)) * w
}

func gradGamma(_ *ObjParams, _ int, _, p, y, w float32) (float32, float32) {
	return (1 - y/p) * w, y / p * w
}

func gradTweedie(o *ObjParams, _ int, m, _, y, w float32) (float32, float32) {
	rho := float32(o.TweedieVariancePower)
	g := -y*expf((1-rho)*m) + expf((2-rho)*m)
	h := -y*(1-rho)*expf((1-rho)*m) + (2-rho)*expf((2-rho)*m)
	return g * w, h * w
}

// gradSoftmax writes the softmax gradient pairs of one row with margins m
// (one per class) and class label y, as XGBoost's SoftmaxMultiClassObj,
// whose running maximum starts at the smallest positive float32.
func gradSoftmax(m []float32, y, w float32, g, h []float32) {
	wmax := float32(math.SmallestNonzeroFloat32 * (1 << 23)) // FLT_MIN
	for _, v := range m {
		wmax = max(v, wmax)
	}
	var wsum float64
	for _, v := range m {
		wsum += float64(expf(v - wmax))
	}
	for k, v := range m {
		p := expf(v-wmax) / float32(wsum)
		h[k] = float32(math.Max(float64(2*p*(1-p)*w), hessFloor))
		if float32(k) == y {
			p--
		}
		g[k] = p * w
	}
}

// softmax turns margins into probabilities in place, as XGBoost's Softmax.
func softmax(m []float32) {
	wmax := m[0]
	for _, v := range m[1:] {
		wmax = max(v, wmax)
	}
	var wsum float64
	for i, v := range m {
		m[i] = expf(v - wmax)
		wsum += float64(m[i])
	}
	for i := range m {
		m[i] /= float32(wsum)
	}
}

// transform maps one output's margin to the objective's prediction (the
// identity for softmax, whose rows are transformed together).
func transform(obj string, m float32) float32 {
	switch obj {
	case model.BinaryLogistic:
		return sigmoid(m)
	case model.CountPoisson, model.RegGamma, model.RegTweedie:
		return expf(m)
	}
	return m
}

// baseMargin maps a base_score to margin space as the model does.
func baseMargin(obj string, base float64) (float32, error) {
	switch obj {
	case model.BinaryLogistic:
		p := float32(base)
		if !(p > 0 && p < 1) {
			return 0, fmt.Errorf("gbdt: base_score %v: binary:logistic needs a probability strictly between 0 and 1 (are all labels the same?)", base)
		}
		return -float32(math.Log(float64(1/p - 1))), nil
	case model.CountPoisson, model.RegGamma, model.RegTweedie:
		if !(base > 0) {
			return 0, fmt.Errorf("gbdt: base_score %v: %s needs a positive base_score (are all labels 0?)", base, obj)
		}
		return float32(math.Log(float64(float32(base)))), nil
	}
	return float32(base), nil
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
