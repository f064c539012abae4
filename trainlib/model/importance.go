package model

import (
	"fmt"
	"strconv"
)

// Importance returns XGBoost's feature importance of the given kind, keyed by
// feature name (f0, f1, … when the model has none). Features no split uses
// are absent. weight counts splits; total_gain and total_cover sum the
// splits' loss change and cover; gain and cover are those sums divided by
// weight. All trees count, as in XGBoost's get_score.
func (m *Model) Importance(kind string) (map[string]float64, error) {
	switch kind {
	case Weight, Gain, Cover, TotalGain, TotalCover:
	default:
		return nil, fmt.Errorf("model: unknown importance kind %q; use %s, %s, %s, %s or %s", kind, Weight, Gain, Cover, TotalGain, TotalCover)
	}
	count := make([]float64, m.NumFeature)
	sum := make([]float64, m.NumFeature)
	for i := range m.Trees {
		t := &m.Trees[i]
		t.walkSplits(func(n int32) {
			f := t.SplitFeature[n]
			count[f]++
			switch kind {
			case Gain, TotalGain:
				sum[f] += float64(t.LossChange[n])
			case Cover, TotalCover:
				sum[f] += float64(t.SumHessian[n])
			}
		})
	}
	out := map[string]float64{}
	for f, c := range count {
		if c == 0 {
			continue
		}
		v := sum[f]
		switch kind {
		case Weight:
			v = c
		case Gain, Cover:
			v /= c
		}
		out[m.featureName(f)] = v
	}
	return out, nil
}

// featureName returns feature f's name, or XGBoost's default "f<index>".
func (m *Model) featureName(f int) string {
	if f < len(m.FeatureNames) {
		return m.FeatureNames[f]
	}
	return "f" + strconv.Itoa(f)
}

// walkSplits calls fn on every internal node reachable from the root.
func (t *Tree) walkSplits(fn func(n int32)) {
	stack := []int32{0}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if t.Left[n] == -1 {
			continue
		}
		fn(n)
		stack = append(stack, t.Right[n], t.Left[n])
	}
}
