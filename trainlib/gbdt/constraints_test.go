package gbdt

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

// monotoneData has a label that rises with feature 0, falls with feature 1
// (both noisily, so unconstrained trees wiggle) and depends on the others.
func monotoneData(rows int, seed uint64) *data.Dataset {
	rng := rand.New(rand.NewPCG(seed, 11))
	const cols = 5
	d := &data.Dataset{Matrix: *data.NewMatrix(rows, cols), Label: make([]float32, rows),
		Names: []string{"up", "down", "a", "b", "c"}}
	for r := 0; r < rows; r++ {
		row := d.Values[r*cols : (r+1)*cols]
		for c := range row {
			row[c] = float32(rng.NormFloat64())
		}
		if rng.Float64() < 0.05 {
			row[0] = float32(nanF())
		}
		s := 0.7*sinLike(float64(row[0])) - 0.7*sinLike(float64(row[1])) + float64(row[2]*row[3]) + 0.5*float64(row[4])
		if s+rng.NormFloat64() > 0 {
			d.Label[r] = 1
		}
	}
	return d
}

// sinLike is increasing overall with bumps that tempt a free learner.
func sinLike(x float64) float64 { return x + 1.5*float64(int(x*3)%2) }

// TestMonotoneHolds: with monotone_constraints, predictions of every tree
// and of the whole model never decrease (increase) as the +1 (−1) feature
// grows, whatever the other features, on random data.
func TestMonotoneHolds(t *testing.T) {
	for _, spec := range []string{"(1,-1)", `{"up": 1, "down": -1}`} {
		d := monotoneData(4000, 3)
		p := DefaultParams()
		p.NumBoostRound, p.MaxDepth, p.MonotoneConstraints = 15, 5, spec
		res, err := TrainLocal(context.Background(), p, d, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		m := res.Model
		if got := m.Params["monotone_constraints"]; got != spec {
			t.Errorf("model params record monotone_constraints=%q, want %q", got, spec)
		}
		grid := []float32{-3, -2, -1.5, -1, -0.5, -0.2, 0, 0.2, 0.5, 1, 1.5, 2, 3}
		rng := rand.New(rand.NewPCG(5, 5))
		for k := 0; k < 200; k++ {
			base := slices.Clone(d.Row(rng.IntN(d.Rows)))
			for f, dir := range []float32{1, -1} {
				row := slices.Clone(base)
				prevTree := make([]float32, len(m.Trees))
				var prev float32
				for i, v := range grid {
					row[f] = v
					got, err := m.PredictRow(row, model.PredictOptions{Margin: true})
					if err != nil {
						t.Fatal(err)
					}
					for ti := range m.Trees {
						one := &model.Model{Objective: m.Objective, BaseScore: 0.5, NumFeature: m.NumFeature, BestIteration: -1, Trees: m.Trees[ti : ti+1]}
						tv, _ := one.PredictRow(row, model.PredictOptions{Margin: true})
						if i > 0 && (tv-prevTree[ti])*dir < 0 {
							t.Fatalf("%s: tree %d breaks the constraint on feature %d: %v at %v, then %v at %v", spec, ti, f, prevTree[ti], grid[i-1], tv, v)
						}
						prevTree[ti] = tv
					}
					if i > 0 && (got-prev)*dir < -1e-6 {
						t.Fatalf("%s: the model breaks the constraint on feature %d: %v at %v, then %v at %v", spec, f, prev, grid[i-1], got, v)
					}
					prev = got
				}
			}
		}
		// The constraint must bind: without it the trees do go down.
		p.MonotoneConstraints = ""
		free, err := TrainLocal(context.Background(), p, d, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if brokenSomewhere(free.Model, grid) == 0 {
			t.Fatalf("the unconstrained model is monotone already; the data does not test the constraint")
		}
	}
}

// brokenSomewhere counts decreases of the unconstrained model along
// feature 0 over a few rows.
func brokenSomewhere(m *model.Model, grid []float32) int {
	n := 0
	for k := 0; k < 50; k++ {
		row := []float32{0, float32(k%7) - 3, float32(k%5) - 2, float32(k%3) - 1, 0}
		var prev float32
		for i, v := range grid {
			row[0] = v
			got, _ := m.PredictRow(row, model.PredictOptions{Margin: true})
			if i > 0 && got < prev {
				n++
			}
			prev = got
		}
	}
	return n
}

// TestInteractionHolds: with interaction_constraints, the features on
// every root-to-leaf path all lie in one constraint set (or the path uses
// one feature only, which XGBoost allows at the root).
func TestInteractionHolds(t *testing.T) {
	d := synthetic(5000, 8, 9)
	for _, spec := range []string{"[[0,2],[1,3,4],[2,5,6,7]]", `[["fa","fc"],["fb","fd","fe"]]`} {
		p := DefaultParams()
		p.NumBoostRound, p.MaxDepth, p.InteractionConstraints = 10, 6, spec
		res, err := TrainLocal(context.Background(), p, d, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		sets, err := parseInteraction(spec, d.Names, d.Cols)
		if err != nil {
			t.Fatal(err)
		}
		paths := 0
		for ti, tr := range res.Model.Trees {
			var walk func(n int, path []int32)
			walk = func(n int, path []int32) {
				if tr.IsLeaf(n) {
					paths++
					if len(path) <= 1 {
						return
					}
					for _, s := range sets {
						if !slices.ContainsFunc(path, func(f int32) bool { return !slices.Contains(s, f) }) {
							return
						}
					}
					t.Fatalf("%s: tree %d has a path on features %v, in no one constraint set", spec, ti, path)
				}
				np := path
				if f := tr.SplitFeature[n]; !slices.Contains(path, f) {
					np = append(slices.Clone(path), f)
				}
				walk(int(tr.Left[n]), np)
				walk(int(tr.Right[n]), np)
			}
			walk(0, nil)
		}
		if paths < 50 {
			t.Fatalf("%s: only %d paths; the trees are too small to test the constraint", spec, paths)
		}
	}
}

// TestConstraintErrors: bad constraints are refused naming the parameter
// and, for an unknown feature, the feature.
func TestConstraintErrors(t *testing.T) {
	d := synthetic(200, 4, 1)
	cases := []struct{ name, value, want string }{
		{"monotone_constraints", "(1,0,2)", "must be -1, 0 or 1"},
		{"monotone_constraints", "1,0", `"(1,0,-1)"`},
		{"monotone_constraints", "(1,0,0,0,1)", "5 values for 4 features"},
		{"monotone_constraints", `{"nope": 1}`, `"nope" is not a feature`},
		{"interaction_constraints", "[[0,9]]", "not in [0, 4)"},
		{"interaction_constraints", `[["fa","zz"]]`, `"zz" is not a feature`},
		{"interaction_constraints", "[0,1]", "list of feature sets"},
	}
	for _, c := range cases {
		p := DefaultParams()
		err := p.Set(c.name, c.value)
		if err == nil {
			_, err = TrainLocal(context.Background(), p, d, nil, nil)
		}
		if err == nil || !strings.Contains(err.Error(), c.name) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s=%s: error %v, want one naming %s and saying %s", c.name, c.value, err, c.name, c.want)
		}
	}
}
