package model

import (
	"math"
	"sort"
	"strings"

	"github.com/gotrain/gotrain/trainlib/internal/fastmath"
)

// link maps between the objective's output space and the margin (the sum
// of the base margin and the trees' leaf values).
type link struct {
	toMargin   func(float32) float32
	fromMargin func(float32) float32
}

// links lists the objectives Predict understands. It is read-only.
var links = map[string]link{
	BinaryLogistic:    {logit, sigmoid},
	"reg:logistic":    {logit, sigmoid},
	"binary:logitraw": {identity, identity},
	RegSquaredError:   {identity, identity},
	RegAbsoluteError:  {identity, identity},
	RegPseudoHuber:    {identity, identity},
	RegQuantile:       {identity, identity},
	CountPoisson:      {logf, expf},
	RegGamma:          {logf, expf},
	RegTweedie:        {logf, expf},
	MultiSoftprob:     {identity, identity},
	MultiSoftmax:      {identity, identity},
}

func expf(x float32) float32 { return fastmath.Exp(x) }
func logf(x float32) float32 { return float32(math.Log(float64(x))) }

func identity(x float32) float32 { return x }

// sigmoid is XGBoost's float32 logistic function, clamped as XGBoost
// clamps it so exp never overflows.
func sigmoid(x float32) float32 {
	const eps = float32(1e-16)
	e := -x
	if e > 88.7 {
		e = 88.7
	}
	return 1 / (float32(math.Exp(float64(e))) + 1 + eps)
}

// logit turns a probability into a margin, as XGBoost's ProbToMargin.
func logit(p float32) float32 {
	return -float32(math.Log(float64(1/p - 1)))
}

func supportedObjectives() string {
	names := make([]string, 0, len(links))
	for k := range links {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// BaseMargin returns the base score in margin space: what every
// prediction starts from before the trees add their leaf values (output
// 0's for a model with several outputs).
func (m *Model) BaseMargin() float32 { return m.BaseMargins()[0] }

// BaseMargins returns each output's base margin.
func (m *Model) BaseMargins() []float32 {
	if len(m.BaseScores) > 0 {
		// Multi-class base scores are margins; quantiles' link is the
		// identity.
		out := make([]float32, len(m.BaseScores))
		for i, b := range m.BaseScores {
			out[i] = float32(b)
		}
		return out
	}
	l, ok := links[m.Objective]
	if !ok {
		return []float32{float32(m.BaseScore)}
	}
	return []float32{l.toMargin(float32(m.BaseScore))}
}

// multiClass reports whether m's outputs are the classes of a softmax.
func (m *Model) multiClass() bool {
	return m.Objective == MultiSoftprob || m.Objective == MultiSoftmax
}

// softmax turns margins into probabilities in place, as XGBoost's Softmax.
func softmax(v []float32) {
	wmax := v[0]
	for _, x := range v[1:] {
		wmax = max(x, wmax)
	}
	var wsum float64
	for i, x := range v {
		v[i] = expf(x - wmax)
		wsum += float64(v[i])
	}
	for i := range v {
		v[i] /= float32(wsum)
	}
}

// argmax returns the first index of the largest value.
func argmax(v []float32) int {
	best := 0
	for k, x := range v {
		if x > v[best] {
			best = k
		}
	}
	return best
}
