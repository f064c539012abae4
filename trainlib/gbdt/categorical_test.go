package gbdt

import (
	"context"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

// categoricalData has a high-cardinality categorical feature 0 (codes
// 0..k-1, some missing) whose effect has no order in the codes, a small
// categorical feature 1 and a numeric feature 2.
func categoricalData(rows, k int, seed uint64) *data.Dataset {
	rng := rand.New(rand.NewPCG(seed, 3))
	effect := make([]float64, k)
	names := make([]string, k)
	for i := range effect {
		effect[i] = rng.NormFloat64() * 1.5
		names[i] = "c" + strconv.Itoa(i)
	}
	d := &data.Dataset{Matrix: *data.NewMatrix(rows, 3), Label: make([]float32, rows),
		Names: []string{"big", "small", "x"}, Categories: [][]string{names, {"a", "b", "c"}, nil}}
	for r := 0; r < rows; r++ {
		c := rng.IntN(k)
		s := rng.IntN(3)
		x := rng.NormFloat64()
		row := d.Values[r*3 : r*3+3]
		row[0], row[1], row[2] = float32(c), float32(s), float32(x)
		if rng.Float64() < 0.03 {
			row[0] = float32(nanF())
		}
		z := effect[c] + float64(s%2) + x
		if z+rng.NormFloat64() > 0 {
			d.Label[r] = 1
		}
	}
	return d
}

// TestCategoricalSplits: native categorical splits beat one category per
// split on data whose categories have no order, the model stores the
// categories and predicts as it trained, and holders agree with it.
func TestCategoricalSplits(t *testing.T) {
	d := categoricalData(6000, 60, 1)
	p := DefaultParams()
	p.NumBoostRound, p.MaxDepth = 10, 4
	p.EvalMetric = []string{"logloss"}
	res, err := TrainLocal(context.Background(), p, d, []EvalSet{{TrainSet, d}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := res.Model
	if !m.HasCategorical() || m.FeatureTypes[0] != "c" || m.FeatureTypes[2] != "float" || m.Categories[0][5] != "c5" {
		t.Fatalf("model lacks its categories: types %v, categorical %v", m.FeatureTypes, m.HasCategorical())
	}
	pred, err := m.Predict(&d.Matrix, model.PredictOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ll float64
	for i, pr := range pred {
		ll += loglossOf(pr, d.Label[i])
	}
	ll /= float64(len(pred))
	hist := res.History[TrainSet]["logloss"]
	if diff := ll - hist[len(hist)-1]; diff > 1e-5 || diff < -1e-5 {
		t.Fatalf("model logloss %v, training's last %v: the model does not predict as it trained", ll, hist[len(hist)-1])
	}
	t.Logf("logloss %v", ll)
}

func modelJSON(t *testing.T, m *model.Model) []byte {
	t.Helper()
	path := t.TempDir() + "/m.json"
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	b, err := readFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCategoricalHoldersAndContinuation: the categorical model is the same
// byte for byte on 1, 2 and 3 holders, and 4 rounds continued by 6 give
// the 10-round model.
func TestCategoricalHoldersAndContinuation(t *testing.T) {
	ctx := context.Background()
	d := categoricalData(3000, 40, 2)
	var shards []Shard
	for i := 0; i < 3; i++ {
		lo, hi := i*d.Rows/3, (i+1)*d.Rows/3
		part := &data.Dataset{Matrix: data.Matrix{Rows: hi - lo, Cols: d.Cols, Values: d.Values[lo*d.Cols : hi*d.Cols]},
			Names: d.Names, Label: d.Label[lo:hi], Categories: d.Categories}
		shards = append(shards, Shard{Set: TrainSet, Index: i, Data: part})
	}
	p := DefaultParams()
	p.NumBoostRound, p.MaxDepth, p.MaxCatToOnehot, p.MaxCatThreshold = 10, 4, 4, 16
	train := func(n int, p Params, init *model.Model) *model.Model {
		hs := make([]Holder, n)
		for i := range hs {
			var g []Shard
			for j, s := range shards {
				if j%n == i {
					g = append(g, s)
				}
			}
			h, err := NewLocalHolder(g, 1+i%2)
			if err != nil {
				t.Fatal(err)
			}
			hs[i] = h
		}
		res, err := Train(ctx, p, hs, Options{FeatureNames: d.Names, Categories: d.Categories, InitModel: init})
		if err != nil {
			t.Fatal(err)
		}
		return res.Model
	}
	want := modelJSON(t, train(1, p, nil))
	for _, n := range []int{2, 3} {
		if got := modelJSON(t, train(n, p, nil)); string(got) != string(want) {
			t.Fatalf("%d holders: the categorical model differs from 1 holder's", n)
		}
	}
	q := p
	q.NumBoostRound = 4
	first := train(2, q, nil)
	q.NumBoostRound = 6
	if got := modelJSON(t, train(3, q, first)); string(got) != string(want) {
		t.Fatalf("4 rounds continued by 6 differ from 10 rounds")
	}
}

// TestCategoricalPrediction: unseen, negative and fractional codes follow
// XGBoost's rule (unseen and invalid left, fractions truncated), missing
// values the default way, and TreeSHAP values add up to the margin.
func TestCategoricalPrediction(t *testing.T) {
	d := categoricalData(4000, 30, 4)
	p := DefaultParams()
	p.NumBoostRound, p.MaxDepth = 5, 3
	res, err := TrainLocal(context.Background(), p, d, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := res.Model
	tr := &m.Trees[0]
	if !tr.IsCategorical(0) {
		t.Fatalf("the first split is not categorical: %+v", tr)
	}
	// The root as a stump: left leaf -1, right leaf +1.
	stump := model.Tree{Left: []int32{1, -1, -1}, Right: []int32{2, -1, -1}, Parent: []int32{model.NoParent, 0, 0},
		SplitFeature: []int32{0, 0, 0}, SplitCondition: []float32{0, -1, 1}, DefaultLeft: []bool{tr.DefaultLeft[0], false, false},
		BaseWeight: make([]float32, 3), LossChange: make([]float32, 3), SumHessian: []float32{2, 1, 1},
		SplitType: []uint8{1, 0, 0}, Categories: [][]int32{tr.Categories[0], nil, nil}}
	sm := &model.Model{Objective: m.Objective, BaseScore: 0.5, NumFeature: 3, BestIteration: -1, Trees: []model.Tree{stump}}
	side := func(v float32) float32 {
		got, err := sm.PredictRow([]float32{v, 0, 0}, model.PredictOptions{Margin: true})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	right := tr.Categories[0][0]
	if side(float32(right)) != 1 {
		t.Fatalf("code %d, in the split's set, does not go right", right)
	}
	for c := int32(0); c < 30; c++ {
		if want := map[bool]float32{true: 1, false: -1}[slices.Contains(tr.Categories[0], c)]; side(float32(c)) != want {
			t.Fatalf("code %d goes to %v, want %v", c, side(float32(c)), want)
		}
	}
	for _, v := range []float32{1000, -1, 1 << 25} {
		if got := side(v); got != -1 {
			t.Errorf("code %v goes right; unseen and invalid codes go left", v)
		}
	}
	if got := side(float32(right) + 0.5); got != 1 {
		t.Errorf("code %v goes left; fractional codes are truncated", float32(right)+0.5)
	}
	miss := float32(1)
	if tr.DefaultLeft[0] {
		miss = -1
	}
	if got := side(float32(nanF())); got != miss {
		t.Errorf("missing goes to %v, want the default side %v", got, miss)
	}
	x := &data.Matrix{Rows: 50, Cols: 3, Values: d.Values[:150]}
	contrib, err := m.Contributions(x, model.TreeSHAP, model.PredictOptions{})
	if err != nil {
		t.Fatal(err)
	}
	margins, err := m.Predict(x, model.PredictOptions{Margin: true})
	if err != nil {
		t.Fatal(err)
	}
	for r := 0; r < x.Rows; r++ {
		var sum float32
		for _, v := range contrib.Row(r) {
			sum += v
		}
		if diff := sum - margins[r]; diff > 1e-4 || diff < -1e-4 {
			t.Fatalf("row %d: SHAP values sum to %v, the margin is %v", r, sum, margins[r])
		}
	}
	imp, err := m.Importance(model.Gain)
	if err != nil || imp["big"] <= 0 {
		t.Fatalf("gain importance %v lacks the categorical feature", imp)
	}
}
