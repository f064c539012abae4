package cluster

import (
	"context"
	"slices"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// The cluster knows the loaded data's feature names, so a tuning run over
// its holders (trainlib.Tune passes them) names the features in its models.
func TestTuneKeepsFeatureNames(t *testing.T) {
	rows := make([][]float64, 200)
	for i := range rows {
		rows[i] = []float64{float64(i % 17), float64(i % 5), float64(i % 2)}
	}
	d, err := data.FromRows([]string{"LIMIT_BAL", "AGE", "default"}, rows, "default")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := Connect(ctx, Config{Spawn: 1, Binary: testBin})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, set := range []string{"train", "val"} {
		if err := c.SendDataset(ctx, set, d, 1); err != nil {
			t.Fatal(err)
		}
	}
	res, err := tune.Run(ctx, c.Holders(), tune.Options{Samples: 2, Metric: "val-logloss", FeatureNames: c.FeatureNames(), CPUs: c.CPUs()})
	if err != nil {
		t.Fatal(err)
	}
	if res.BestModel == nil {
		t.Fatalf("no best model:\n%s", res)
	}
	if want := []string{"LIMIT_BAL", "AGE"}; !slices.Equal(res.BestModel.FeatureNames, want) || !slices.Equal(c.FeatureNames(), want) {
		t.Fatalf("feature names %q, cluster %q; want %q", res.BestModel.FeatureNames, c.FeatureNames(), want)
	}
}
