package gbdt

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

// oneHotLike returns rows of 2 numeric features and 3 one-hot groups, a
// few values missing.
func oneHotLike(rows int, seed uint64) *data.Dataset {
	return oneHotGroups(rows, seed, []int{4, 3, 5})
}

// oneHotGroups returns rows of 2 numeric features and one-hot groups of
// the given numbers of levels, a few values missing.
func oneHotGroups(rows int, seed uint64, groups []int) *data.Dataset {
	rng := rand.New(rand.NewPCG(seed, 1))
	cols := 2
	for _, n := range groups {
		cols += n
	}
	d := &data.Dataset{Matrix: *data.NewMatrix(rows, cols), Label: make([]float32, rows)}
	for c := 0; c < cols; c++ {
		d.Names = append(d.Names, string(rune('a'+c)))
	}
	for r := 0; r < rows; r++ {
		x := d.Row(r)
		x[0] = float32(rng.NormFloat64())
		x[1] = float32(rng.IntN(50))
		if rng.IntN(20) == 0 {
			x[1] = float32(math.NaN())
		}
		s := float64(x[0])
		at := 2
		for gi, n := range groups {
			l := rng.IntN(n)
			x[at+l] = 1
			// Three groups shift the sum by their index; many groups
			// by their level's distance from the middle, so labels stay
			// mixed.
			c := float64(gi)
			if len(groups) > 3 {
				c = float64(n-1) / 2
			}
			s += (float64(l) - c) * 0.7
			at += n
		}
		if s+rng.NormFloat64() > 0 {
			d.Label[r] = 1
		}
	}
	return d
}

// TestSparseBinsGiveTheSameModelAsDense: leaving out each feature's most
// frequent bin is exact, with rows packed in slots (a few entries a row)
// and compressed (more than fit a cache line's slots).
func TestSparseBinsGiveTheSameModelAsDense(t *testing.T) {
	wide := make([]int, 40)
	for i := range wide {
		wide[i] = 3
	}
	for _, groups := range [][]int{{4, 3, 5}, wide} {
		packed := len(groups) < packedMaxStride-2
		train, val := oneHotGroups(4000, 1, groups), oneHotGroups(1000, 2, groups)
		shards := append(shardsOf(TrainSet, train, 3), shardsOf("val", val, 1)...)
		p := DefaultParams()
		p.NumBoostRound, p.Subsample, p.EvalMetric = 6, 0.8, []string{"auc"}
		opt := Options{Evals: []string{"val"}}
		dense := spread(t, shards, 1, 2)
		dense[0].(*LocalHolder).denseOnly = true
		want, err := Train(context.Background(), p, dense, opt)
		if err != nil {
			t.Fatal(err)
		}
		if dense[0].(*LocalHolder).shards[0].sparse != nil {
			t.Fatal("denseOnly holder went sparse")
		}
		for holders := 1; holders <= 3; holders++ {
			hs := spread(t, shards, holders, 2)
			got, err := Train(context.Background(), p, hs, opt)
			if err != nil {
				t.Fatal(err)
			}
			sp := hs[0].(*LocalHolder).shards[0].sparse
			if sp == nil {
				t.Fatalf("%d one-hot groups: not sparse bins", len(groups))
			}
			if (sp.packed != nil) != packed {
				t.Fatalf("%d one-hot groups: packed %v, want %v", len(groups), sp.packed != nil, packed)
			}
			if !bytes.Equal(modelBytes(t, got.Model), modelBytes(t, want.Model)) {
				t.Fatalf("%d one-hot groups, %d holders with sparse bins: model differs from dense bins", len(groups), holders)
			}
		}
	}
}
