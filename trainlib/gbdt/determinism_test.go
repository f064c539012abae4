package gbdt

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

// shardsOf cuts d into n consecutive shards of set.
func shardsOf(set string, d *data.Dataset, n int) []Shard {
	var out []Shard
	for i := 0; i < n; i++ {
		lo, hi := i*d.Rows/n, (i+1)*d.Rows/n
		idx := make([]int, hi-lo)
		for k := range idx {
			idx[k] = lo + k
		}
		out = append(out, Shard{Set: set, Index: i, Data: d.Subset(idx)})
	}
	return out
}

// spread deals shards to holders round-robin, as xgboost-ray deals files.
func spread(t *testing.T, shards []Shard, holders, threads int) []Holder {
	t.Helper()
	groups := make([][]Shard, holders)
	for i, s := range shards {
		groups[i%holders] = append(groups[i%holders], s)
	}
	hs := make([]Holder, holders)
	for i, g := range groups {
		h, err := NewLocalHolder(g, threads)
		if err != nil {
			t.Fatal(err)
		}
		hs[i] = h
	}
	return hs
}

// modelBytes saves m as XGBoost JSON and returns the file's bytes.
func modelBytes(t *testing.T, m *model.Model) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "m.json")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	b, err := readFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSameModelWhateverHoldersAndThreads(t *testing.T) {
	t.Run("unweighted", func(t *testing.T) { testSameModel(t, false) })
	// Skewed sample weights, some 0: weighted cuts and sums.
	t.Run("weighted", func(t *testing.T) { testSameModel(t, true) })
}

func testSameModel(t *testing.T, weighted bool) {
	train := synthetic(6000, 10, 3)
	val := synthetic(1500, 10, 4)
	if weighted {
		train.Weight = make([]float32, train.Rows)
		for r := range train.Weight {
			train.Weight[r] = float32(r%7) * float32(r%3) / 2
		}
	}
	shards := append(shardsOf(TrainSet, train, 6), shardsOf("val", val, 3)...)
	p := DefaultParams()
	p.NumBoostRound = 8
	p.Subsample = 0.8
	p.ColsampleTree = 0.7
	p.Seed = 11
	p.EvalMetric = []string{"auc", "logloss"}
	opt := Options{Evals: []string{TrainSet, "val"}}
	var want []byte
	var wantHist History
	for holders := 1; holders <= 4; holders++ {
		for _, threads := range []int{1, 3} {
			t.Run(fmt.Sprintf("holders=%d,threads=%d", holders, threads), func(t *testing.T) {
				res, err := Train(context.Background(), p, spread(t, shards, holders, threads), opt)
				if err != nil {
					t.Fatal(err)
				}
				got := modelBytes(t, res.Model)
				if want == nil {
					want, wantHist = got, res.History
					return
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("model differs from the one trained on 1 holder with 1 thread")
				}
				if fmt.Sprint(res.History) != fmt.Sprint(wantHist) {
					t.Fatalf("history differs: %v vs %v", res.History, wantHist)
				}
			})
		}
	}
}

// TestHolderMarginsMatchModel checks that the margins the holders keep
// (which the metrics use) are what the saved model predicts. The training
// set spans several routing chunks (partitionChunk rows).
func TestHolderMarginsMatchModel(t *testing.T) {
	train := synthetic(2*partitionChunk+5000, 6, 5)
	val := synthetic(800, 6, 6)
	p := DefaultParams()
	p.NumBoostRound = 4
	p.EvalMetric = []string{"logloss"}
	res, err := TrainLocal(context.Background(), p, train, []EvalSet{{TrainSet, train}, {"val", val}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		d    *data.Dataset
	}{{TrainSet, train}, {"val", val}} {
		pred, err := res.Model.Predict(&c.d.Matrix, model.PredictOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var ll float64
		for r := range pred {
			ll += loglossOf(pred[r], c.d.Label[r])
		}
		ll /= float64(len(pred))
		got := res.History[c.name]["logloss"][p.NumBoostRound-1]
		if diff := ll - got; diff > 1e-9 || diff < -1e-9 {
			t.Fatalf("%s: logloss from the model's predictions %v, from the holder's margins %v", c.name, ll, got)
		}
	}
}
