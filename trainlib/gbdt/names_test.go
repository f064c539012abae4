package gbdt_test

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/gbdt/gbdttest"
)

// TestHoldersNameTheFeatures: Train over holders, given no FeatureNames
// or Categories, takes them from the data the holders hold — so a model
// trained (or tuned, tune.Run) over a cluster's Holders names its features
// in every chart, and text columns loaded as native categories are split
// as categories — and makes the model TrainLocal makes from the same data.
func TestHoldersNameTheFeatures(t *testing.T) {
	d := &data.Dataset{Matrix: *data.NewMatrix(300, 3), Label: make([]float32, 300),
		Names: []string{"LIMIT", "EDUCATION", "AGE"}, Categories: [][]string{nil, {"graduate", "school", "university"}, nil}}
	for r := 0; r < d.Rows; r++ {
		row := d.Row(r)
		row[0], row[1], row[2] = float32(r%13), float32(r%3), float32(20+r%40)
		if (r%13 > 8) != (r%3 == 1) {
			d.Label[r] = 1
		}
	}
	ctx := context.Background()
	p := gbdt.DefaultParams()
	p.NumBoostRound = 3
	want, err := gbdt.TrainLocal(ctx, p, d, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := gbdt.NewLocalHolder([]gbdt.Shard{{Set: gbdt.TrainSet, Data: d}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, gbdt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Model.FeatureNames, d.Names) {
		t.Fatalf("feature names %v, want the data's %v", got.Model.FeatureNames, d.Names)
	}
	if got.Model.Categories == nil {
		t.Fatal("the model has no categories: EDUCATION was split as a number")
	}
	if !bytes.Equal(gbdttest.ModelBytes(t, got.Model), gbdttest.ModelBytes(t, want.Model)) {
		t.Fatal("the model differs from TrainLocal's on the same data")
	}
	named, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, gbdt.Options{FeatureNames: []string{"a", "b", "c"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(named.Model.FeatureNames, []string{"a", "b", "c"}) {
		t.Fatalf("names given in Options: %v", named.Model.FeatureNames)
	}
}
