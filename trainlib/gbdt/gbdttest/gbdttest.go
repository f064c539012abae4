// Package gbdttest checks Holder implementations: it trains the same
// model over 1 to 4 holders built by the implementation under test and
// asserts every model is byte-identical to in-process training over the
// same shard list. The cluster package runs it over worker processes.
package gbdttest

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/model"
)

// MakeHolders returns n holders that together hold shards (each shard on
// exactly one holder), and a function releasing them.
type MakeHolders func(ctx context.Context, shards []gbdt.Shard, n int) ([]gbdt.Holder, func(), error)

// Shards returns a seeded data set cut into shards: 6 training shards and
// 2 shards of the eval set "val", with missing values and a one-hot group,
// so both dense and sparse binning paths are exercised.
func Shards(seed uint64) []gbdt.Shard {
	var out []gbdt.Shard
	for i := 0; i < 6; i++ {
		out = append(out, gbdt.Shard{Set: gbdt.TrainSet, Index: i, Data: table(700+37*i, seed+uint64(i))})
	}
	for i := 0; i < 2; i++ {
		out = append(out, gbdt.Shard{Set: "val", Index: i, Data: table(400, seed+100+uint64(i))})
	}
	return out
}

// table returns rows of 3 numeric features (one with missing values) and
// a one-hot group of 8 (mostly zeros, so LocalHolder bins it sparsely).
func table(rows int, seed uint64) *data.Dataset {
	rng := rand.New(rand.NewPCG(seed, 99))
	d := &data.Dataset{Matrix: *data.NewMatrix(rows, 11), Label: make([]float32, rows),
		Names: []string{"a", "b", "c", "g_1", "g_2", "g_3", "g_4", "g_5", "g_6", "g_7", "g_8"}}
	for r := 0; r < rows; r++ {
		x := d.Row(r)
		x[0] = float32(rng.NormFloat64())
		x[1] = float32(rng.IntN(30))
		x[2] = float32(rng.ExpFloat64())
		if rng.IntN(10) == 0 {
			x[2] = float32(math.NaN())
		}
		g := rng.IntN(8)
		x[3+g] = 1
		s := float64(x[0]) + 0.1*float64(x[1]-15) + 0.3*float64(g%4-1)
		if rng.NormFloat64()+s > 0 {
			d.Label[r] = 1
		}
	}
	return d
}

// Params are the parameters SameModel trains with: subsampling and column
// sampling on, so their partition independence is checked too.
func Params() gbdt.Params {
	p := gbdt.DefaultParams()
	p.NumBoostRound, p.MaxDepth, p.Subsample, p.ColsampleTree, p.Seed = 6, 4, 0.8, 0.8, 5
	p.EvalMetric = []string{"logloss", "auc"}
	return p
}

// SameModel trains Params on Shards over 1..4 holders made by mk and fails
// t unless every model and metric history equals in-process training's.
func SameModel(t testing.TB, mk MakeHolders) {
	t.Helper()
	ctx := context.Background()
	shards := Shards(1)
	opt := gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}}
	local, err := gbdt.NewLocalHolder(shards, 2)
	if err != nil {
		t.Fatal(err)
	}
	want, err := gbdt.Train(ctx, Params(), []gbdt.Holder{local}, opt)
	if err != nil {
		t.Fatal(err)
	}
	wantBytes := ModelBytes(t, want.Model)
	for n := 1; n <= 4; n++ {
		hs, release, err := mk(ctx, shards, n)
		if err != nil {
			t.Fatalf("%d holders: %v", n, err)
		}
		got, err := gbdt.Train(ctx, Params(), hs, opt)
		release()
		if err != nil {
			t.Fatalf("%d holders: %v", n, err)
		}
		if !bytes.Equal(ModelBytes(t, got.Model), wantBytes) {
			t.Fatalf("%d holders: the model differs from in-process training", n)
		}
		if fmt.Sprint(got.History) != fmt.Sprint(want.History) {
			t.Fatalf("%d holders: metric history %v differs from in-process %v", n, got.History, want.History)
		}
	}
}

// InProcess is a MakeHolders dealing shards round-robin to LocalHolders.
func InProcess(ctx context.Context, shards []gbdt.Shard, n int) ([]gbdt.Holder, func(), error) {
	groups := make([][]gbdt.Shard, n)
	for i, s := range shards {
		groups[i%n] = append(groups[i%n], s)
	}
	hs := make([]gbdt.Holder, n)
	for i, g := range groups {
		h, err := gbdt.NewLocalHolder(g, 1)
		if err != nil {
			return nil, nil, err
		}
		hs[i] = h
	}
	return hs, func() {}, nil
}

// ModelBytes returns m as the bytes of its XGBoost JSON file, the form in
// which the tests compare models byte for byte.
func ModelBytes(t testing.TB, m *model.Model) []byte {
	t.Helper()
	dir, err := os.MkdirTemp("", "gbdttest")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "m.json")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
