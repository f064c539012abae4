package gbdt

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestWeightedCutsCountWeightAsRows: with sample weights, a row of integer
// weight w places the cuts as w rows of weight 1 would (XGBoost's hist
// sketch weighs rows), a row of weight 0 as no row at all, and the cuts
// do not depend on how the rows are split into shards.
func TestWeightedCutsCountWeightAsRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	const n, maxBin, size = 600, 16, 1024 // size: exact summaries
	var vs, ws, repeated []float32
	for range n {
		v := float32(rng.IntN(400)) / 8
		w := float32(rng.IntN(5)) // 0 to 4, skewed by value below
		if v > 30 {
			w *= 3
		}
		vs, ws = append(vs, v), append(ws, w)
		for range int(w) {
			repeated = append(repeated, v)
		}
	}
	want := CutsFromSummary(Summarize(repeated, size), maxBin)
	one := summarizeWeighted(vs, ws, size)
	got := CutsFromSummary(one, maxBin)
	if !slices.Equal(got, want) {
		t.Fatalf("weighted cuts\n%v\nwant those of the rows repeated by weight\n%v", got, want)
	}
	if unweighted := CutsFromSummary(Summarize(vs, size), maxBin); slices.Equal(unweighted, want) {
		t.Fatal("the weights changed nothing; the test data should make them matter")
	}
	// Values whose rows all weigh 0 are still seen (categories), but cut nothing.
	if len(one.Values) <= len(Summarize(repeated, size).Values) {
		t.Fatalf("the summary dropped values of weight 0 (%d values)", len(one.Values))
	}
	// Three shards merged in order give the same cuts as one.
	parts := []Summary{
		summarizeWeighted(vs[:100], ws[:100], size),
		summarizeWeighted(vs[100:350], ws[100:350], size),
		summarizeWeighted(vs[350:], ws[350:], size),
	}
	if merged := CutsFromSummary(MergeSummaries(parts, size), maxBin); !slices.Equal(merged, want) {
		t.Fatalf("cuts from three shards\n%v\nwant\n%v", merged, want)
	}
}

// TestWeightedPruneKeepsWeightRanks: pruning a weighted summary keeps the
// total weight and row count, and spaces the kept values by weight.
func TestWeightedPruneKeepsWeightRanks(t *testing.T) {
	var vs, ws []float32
	for i := range 1000 {
		vs = append(vs, float32(i))
		w := float32(1)
		if i >= 900 {
			w = 100 // the last tenth of the values holds ~92% of the weight
		}
		ws = append(ws, w)
	}
	s := summarizeWeighted(vs, ws, 20)
	if len(s.Values) > 20 {
		t.Fatalf("%d entries after pruning to 20", len(s.Values))
	}
	var rows int64
	var weight float64
	above := 0
	for i := range s.Values {
		rows += s.Counts[i]
		weight += s.Weights[i]
		if s.Values[i] >= 900 {
			above++
		}
	}
	if rows != 1000 || weight != 900+100*100 {
		t.Fatalf("pruned summary stands for %d rows of weight %v, want 1000 of %v", rows, weight, 900+100*100)
	}
	if above < 15 {
		t.Fatalf("only %d of %d kept values lie in the heavy tenth; pruning ignored the weights", above, len(s.Values))
	}
}
