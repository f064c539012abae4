package model

import (
	"math"
	"sort"
	"strings"
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
}

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
// prediction starts from before the trees add their leaf values.
func (m *Model) BaseMargin() float32 {
	l, ok := links[m.Objective]
	if !ok {
		return float32(m.BaseScore)
	}
	return l.toMargin(float32(m.BaseScore))
}
