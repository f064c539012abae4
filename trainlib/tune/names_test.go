package tune

import (
	"context"
	"slices"
	"testing"
)

// TestRunNamesTheFeaturesOfTheHolders: tune.Run over holders, given no
// FeatureNames, names the best model's features after the data the holders
// hold (issue 14: a run over a cluster's Holders() showed f0 … fN in the
// importance charts).
func TestRunNamesTheFeaturesOfTheHolders(t *testing.T) {
	o := testOptions(t.TempDir())
	o.Samples = 2
	res, err := Run(context.Background(), twoHolders(t), o)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "c", "d", "e", "f"}; !slices.Equal(res.BestModel.FeatureNames, want) {
		t.Fatalf("best model's features %v, want %v", res.BestModel.FeatureNames, want)
	}
}
