package model

import (
	"fmt"
	"math"
	"slices"
)

// Validate checks that m is a forest prediction can walk safely: every
// tree's arrays have one entry per node, children are numbered as XGBoost
// numbers them (right = left + 1, both in range), each node is reached
// once from the root, and splits use features below NumFeature. Load calls
// it; call it on a Model built by hand before using it.
func (m *Model) Validate() error {
	if _, ok := links[m.Objective]; !ok {
		return fmt.Errorf("model: objective %q is not supported; use one of %s", m.Objective, supportedObjectives())
	}
	if m.NumFeature < 0 {
		return fmt.Errorf("model: NumFeature is %d", m.NumFeature)
	}
	if len(m.FeatureNames) > 0 && len(m.FeatureNames) != m.NumFeature {
		return fmt.Errorf("model: %d feature names for %d features", len(m.FeatureNames), m.NumFeature)
	}
	if len(m.FeatureTypes) > 0 && len(m.FeatureTypes) != m.NumFeature {
		return fmt.Errorf("model: %d feature types for %d features", len(m.FeatureTypes), m.NumFeature)
	}
	for i, ft := range m.FeatureTypes {
		switch ft {
		case "q", "float", "int", "i", "c":
		default:
			return fmt.Errorf("model: feature %d (%s) has type %q; XGBoost knows q, float, int and i for numeric features and c for categorical ones", i, m.featureName(i), ft)
		}
	}
	if m.Objective == BinaryLogistic && !(m.BaseScore > 0 && m.BaseScore < 1) {
		return fmt.Errorf("model: base_score %v must lie in (0, 1) for %s", m.BaseScore, m.Objective)
	}
	if math.IsNaN(m.BaseScore) || math.IsInf(m.BaseScore, 0) {
		return fmt.Errorf("model: base_score is %v", m.BaseScore)
	}
	if m.BestIteration >= len(m.Trees) {
		return fmt.Errorf("model: best iteration %d, but the model has %d trees", m.BestIteration, len(m.Trees))
	}
	for i := range m.Trees {
		if err := m.Trees[i].validate(m.NumFeature); err != nil {
			return fmt.Errorf("model: tree %d: %w", i, err)
		}
	}
	return nil
}

func (t *Tree) validate(numFeature int) error {
	n := len(t.Left)
	if n == 0 {
		return fmt.Errorf("no nodes")
	}
	lens := []struct {
		name string
		n    int
	}{
		{"Right", len(t.Right)}, {"Parent", len(t.Parent)}, {"SplitFeature", len(t.SplitFeature)},
		{"SplitCondition", len(t.SplitCondition)}, {"DefaultLeft", len(t.DefaultLeft)},
		{"BaseWeight", len(t.BaseWeight)}, {"LossChange", len(t.LossChange)}, {"SumHessian", len(t.SumHessian)},
	}
	if t.SplitType != nil || t.Categories != nil {
		lens = append(lens, struct {
			name string
			n    int
		}{"SplitType", len(t.SplitType)}, struct {
			name string
			n    int
		}{"Categories", len(t.Categories)})
	}
	for _, l := range lens {
		if l.n != n {
			return fmt.Errorf("%s has %d entries for %d nodes", l.name, l.n, n)
		}
	}
	seen := make([]bool, n)
	seen[0] = true
	stack := []int32{0}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		l, r := t.Left[i], t.Right[i]
		if l == -1 {
			if r != -1 {
				return fmt.Errorf("node %d: a leaf (left child -1) has right child %d", i, r)
			}
			if v := t.SplitCondition[i]; math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return fmt.Errorf("node %d: leaf value %v", i, v)
			}
			continue
		}
		if l <= 0 || int(l) >= n-1 || r != l+1 {
			return fmt.Errorf("node %d: children %d and %d must be consecutive node ids (right = left + 1) below %d", i, l, r, n)
		}
		if f := t.SplitFeature[i]; f < 0 || int(f) >= numFeature {
			return fmt.Errorf("node %d: split on feature %d, but the model has %d features", i, f, numFeature)
		}
		if t.IsCategorical(int(i)) && !slices.IsSorted(t.Categories[i]) {
			return fmt.Errorf("node %d: the categories of a categorical split must be sorted", i)
		}
		for _, c := range []int32{l, r} {
			if seen[c] {
				return fmt.Errorf("node %d: child %d is reached twice (the nodes do not form a tree)", i, c)
			}
			seen[c] = true
			stack = append(stack, c)
		}
	}
	return nil
}
