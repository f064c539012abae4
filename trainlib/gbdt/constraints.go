package gbdt

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Constraints on the trees, as XGBoost enforces them.
//
// Monotone constraints (monotone_constraints): every node carries bounds
// [lo, hi] on the leaf weights below it. A split on a feature constrained
// to increase (+1) is rejected when its left weight exceeds its right one;
// when taken, the left child's upper bound and the right child's lower
// bound become the mean of the two weights (mirrored for −1), so every
// leaf on the left of a constrained split stays at or below every leaf on
// its right. While any feature is constrained, node weights are clamped to
// their bounds and gains are computed from the clamped weights, as
// XGBoost's TreeEvaluator does.
//
// Interaction constraints (interaction_constraints): the root may split on
// any feature; below it a node may split on the features already used on
// its path and on every feature of a constraint set that contains all of
// them, as XGBoost's FeatureInteractionConstraintHost allows.

// constraints are a training's resolved constraints; the zero value has
// none.
type constraints struct {
	// mono holds −1, 0 or +1 per feature; nil when nothing is constrained.
	mono []int8
	// sets are the interaction constraint sets, each sorted; nil when
	// interactions are free.
	sets [][]int32
}

// resolveConstraints parses the constraint parameters of p against the
// feature names (empty: f0, f1, …) of nf features.
func resolveConstraints(p *Params, names []string, nf int) (constraints, error) {
	var c constraints
	var err error
	if c.mono, err = parseMonotone(p.MonotoneConstraints, names, nf); err != nil {
		return c, fmt.Errorf("gbdt: parameter monotone_constraints=%s: %w", p.MonotoneConstraints, err)
	}
	if c.sets, err = parseInteraction(p.InteractionConstraints, names, nf); err != nil {
		return c, fmt.Errorf("gbdt: parameter interaction_constraints=%s: %w", p.InteractionConstraints, err)
	}
	return c, nil
}

// syntaxOnly, passed as the feature count, checks a constraint's syntax
// before the data's features are known: any name resolves to feature 0.
const syntaxOnly = -1

// featureIndex resolves a feature given by name (or as "f3" without names).
func featureIndex(name string, names []string, nf int) (int, error) {
	if nf == syntaxOnly {
		return 0, nil
	}
	if i := slices.Index(names, name); i >= 0 {
		return i, nil
	}
	if len(names) == 0 {
		if rest, ok := strings.CutPrefix(name, "f"); ok {
			if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < nf {
				return i, nil
			}
		}
	}
	known := "f0 … f" + strconv.Itoa(nf-1)
	if len(names) > 0 {
		known = strings.Join(names, ", ")
	}
	return 0, fmt.Errorf("%q is not a feature of the data (features: %s)", name, known)
}

// parseMonotone reads XGBoost's syntax: "(1,0,-1)" or "[1,0,-1]" (one
// value per feature in order, missing trailing ones unconstrained) or a
// JSON object {"name": 1, …}.
func parseMonotone(spec string, names []string, nf int) ([]int8, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" || spec == "()" || spec == "[]" || spec == "{}" {
		return nil, nil
	}
	check := func(v float64, what string) (int8, error) {
		if v != -1 && v != 0 && v != 1 {
			return 0, fmt.Errorf("%s is %v; each constraint must be -1, 0 or 1", what, v)
		}
		return int8(v), nil
	}
	var mono []int8
	if strings.HasPrefix(spec, "{") {
		mono = make([]int8, max(nf, 1))
		var byName map[string]float64
		if err := json.Unmarshal([]byte(spec), &byName); err != nil {
			return nil, fmt.Errorf(`not a JSON object of feature names to -1, 0 or 1 such as {"LIMIT_BAL": 1}: %v`, err)
		}
		for name, v := range byName {
			i, err := featureIndex(name, names, nf)
			if err != nil {
				return nil, err
			}
			if mono[i], err = check(v, "the constraint of "+strconv.Quote(name)); err != nil {
				return nil, err
			}
		}
	} else {
		open, close := spec[0], spec[len(spec)-1]
		if !(open == '(' && close == ')' || open == '[' && close == ']') {
			return nil, fmt.Errorf(`write one value per feature as "(1,0,-1)" or name features as {"name": 1}`)
		}
		parts := strings.Split(spec[1:len(spec)-1], ",")
		if nf == syntaxOnly {
			nf = len(parts)
		}
		mono = make([]int8, nf)
		if len(parts) > nf {
			return nil, fmt.Errorf("%d values for %d features", len(parts), nf)
		}
		for i, s := range parts {
			v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil {
				return nil, fmt.Errorf("value %d (%q) is not a number", i, strings.TrimSpace(s))
			}
			if mono[i], err = check(v, "value "+strconv.Itoa(i)); err != nil {
				return nil, err
			}
		}
	}
	if !slices.ContainsFunc(mono, func(v int8) bool { return v != 0 }) {
		return nil, nil
	}
	return mono, nil
}

// parseInteraction reads XGBoost's syntax: a JSON list of lists of feature
// indices ("[[0,1],[2,3,4]]") or of feature names ([["AGE","SEX"]]).
func parseInteraction(spec string, names []string, nf int) ([][]int32, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" || spec == "[]" {
		return nil, nil
	}
	// XGBoost also accepts parentheses for the inner lists.
	js := strings.NewReplacer("(", "[", ")", "]").Replace(spec)
	var raw [][]any
	if err := json.Unmarshal([]byte(js), &raw); err != nil {
		return nil, fmt.Errorf(`write a list of feature sets such as "[[0,1],[2,3]]" or [["AGE","SEX"]]: %v`, err)
	}
	var sets [][]int32
	for k, set := range raw {
		var out []int32
		for _, v := range set {
			var i int
			switch v := v.(type) {
			case float64:
				if v != math.Trunc(v) || v < 0 || nf != syntaxOnly && v >= float64(nf) {
					return nil, fmt.Errorf("set %d: feature index %v is not in [0, %d)", k, v, nf)
				}
				i = int(v)
			case string:
				var err error
				if i, err = featureIndex(v, names, nf); err != nil {
					return nil, fmt.Errorf("set %d: %w", k, err)
				}
			default:
				return nil, fmt.Errorf("set %d: %v is neither a feature index nor a name", k, v)
			}
			if !slices.Contains(out, int32(i)) {
				out = append(out, int32(i))
			}
		}
		slices.Sort(out)
		sets = append(sets, out)
	}
	return sets, nil
}

// allowed reports whether a node whose path used the features in path
// (sorted) may split on f.
func (c *constraints) allowed(path []int32, f int32) bool {
	if c.sets == nil || len(path) == 0 {
		return true
	}
	if _, ok := slices.BinarySearch(path, f); ok {
		return true
	}
	for _, s := range c.sets {
		if _, ok := slices.BinarySearch(s, f); !ok {
			continue
		}
		all := true
		for _, u := range path {
			if _, ok := slices.BinarySearch(s, u); !ok {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// childPath returns path with f added, sorted (nil when interactions are
// free).
func (c *constraints) childPath(path []int32, f int32) []int32 {
	if c.sets == nil {
		return nil
	}
	if _, ok := slices.BinarySearch(path, f); ok {
		return path
	}
	out := append(slices.Clone(path), f)
	slices.Sort(out)
	return out
}

// monotone returns feature f's direction (0 when unconstrained).
func (c *constraints) monotone(f int32) int8 {
	if c.mono == nil {
		return 0
	}
	return c.mono[f]
}

// clampWeight bounds a weight to [lo, hi] as XGBoost's CalcWeight does
// under monotone constraints.
func clampWeight(w, lo, hi float32) float32 {
	if w < lo {
		return lo
	}
	if w > hi {
		return hi
	}
	return w
}

// gainGivenWeight is XGBoost's CalcGainGivenWeight in float32, the node
// score used while monotone constraints are on.
func gainGivenWeight(p *Params, g, h float64, w float32) float32 {
	if h <= 0 {
		return 0
	}
	gf, hf := float32(g), float32(h)
	return -(2*gf*w + (hf+float32(p.Lambda))*w*w)
}

// childBounds returns the bounds of the children of a split on a feature
// with direction dir, given the parent's bounds and the children's weights.
func childBounds(lo, hi float32, dir int8, wl, wr float32) (l, r [2]float32) {
	l, r = [2]float32{lo, hi}, [2]float32{lo, hi}
	mid := (wl + wr) / 2
	switch {
	case dir < 0:
		l[0], r[1] = mid, mid
	case dir > 0:
		l[1], r[0] = mid, mid
	}
	return l, r
}
