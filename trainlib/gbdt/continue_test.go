package gbdt

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/model"
)

// continueParams sample rows and columns, so a continuation that
// restarted the samplers' round count would build other trees.
func continueParams(rounds int) Params {
	p := DefaultParams()
	p.NumBoostRound = rounds
	p.Subsample, p.ColsampleTree, p.Seed = 0.8, 0.8, 5
	p.EvalMetric = []string{"logloss", "error"}
	return p
}

// Training k rounds and continuing for n−k gives the n-round model byte
// for byte, on one holder and on two, dense and sparse, with the rounds
// numbered over the whole model and the new rounds' history.
func TestContinueGivesTheUninterruptedModel(t *testing.T) {
	for _, tc := range []struct {
		name   string
		sparse bool
	}{{"dense", false}, {"sparse", true}} {
		train, val := synthetic(4000, 8, 31), synthetic(800, 8, 32)
		if tc.sparse {
			train, val = oneHotLike(4000, 31), oneHotLike(800, 32)
		}
		shards := append(shardsOf(TrainSet, train, 4), shardsOf("val", val, 2)...)
		opt := Options{Evals: []string{TrainSet, "val"}}
		const n, k = 9, 4
		for _, holders := range []int{1, 2} {
			t.Run(fmt.Sprintf("%s/holders=%d", tc.name, holders), func(t *testing.T) {
				ctx := context.Background()
				full, err := Train(ctx, continueParams(n), spread(t, shards, holders, 2), opt)
				if err != nil {
					t.Fatal(err)
				}
				part, err := Train(ctx, continueParams(k), spread(t, shards, holders, 2), opt)
				if err != nil {
					t.Fatal(err)
				}
				var rounds []int
				copt := opt
				copt.InitModel = part.Model
				copt.Callback = func(r RoundReport) bool {
					rounds = append(rounds, r.Round)
					if r.Rounds != n || len(r.Model.Trees) != r.Round+1 {
						t.Errorf("round %d reports %d rounds and a model of %d trees; want %d and %d", r.Round, r.Rounds, len(r.Model.Trees), n, r.Round+1)
					}
					return false
				}
				rest, err := Train(ctx, continueParams(n-k), spread(t, shards, holders, 2), copt)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(rounds) != "[4 5 6 7 8]" {
					t.Fatalf("continued rounds %v, want [4 5 6 7 8]", rounds)
				}
				if !bytes.Equal(modelBytes(t, rest.Model), modelBytes(t, full.Model)) {
					t.Fatal("4 rounds continued for 5 differ from 9 rounds in one go")
				}
				if len(part.Model.Trees) != k {
					t.Fatalf("continuing changed the initial model: %d trees", len(part.Model.Trees))
				}
				for _, set := range opt.Evals {
					got, want := rest.History[set]["logloss"], full.History[set]["logloss"][k:]
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Fatalf("%s logloss of the continued rounds %v, want %v", set, got, want)
					}
				}
			})
		}
	}
}

// A model saved to a file and loaded back continues as the one in memory.
func TestContinueFromModelFile(t *testing.T) {
	train, val := synthetic(3000, 6, 41), synthetic(600, 6, 42)
	shards := append(shardsOf(TrainSet, train, 2), shardsOf("val", val, 1)...)
	opt := Options{Evals: []string{"val"}}
	ctx := context.Background()
	full, err := Train(ctx, continueParams(6), spread(t, shards, 1, 2), opt)
	if err != nil {
		t.Fatal(err)
	}
	part, err := Train(ctx, continueParams(2), spread(t, shards, 1, 2), opt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "part.json")
	if err := part.Model.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded, err := model.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	opt.InitModel = loaded
	rest, err := Train(ctx, continueParams(4), spread(t, shards, 1, 2), opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(modelBytes(t, rest.Model), modelBytes(t, full.Model)) {
		t.Fatal("a model continued from its saved file differs from the uninterrupted one")
	}
}

// Early stopping in a continued training counts best_iteration over the
// whole model, as XGBoost's EarlyStopping does.
func TestContinueBestIterationCountsAllTrees(t *testing.T) {
	train, val := synthetic(2000, 6, 51), synthetic(500, 6, 52)
	shards := append(shardsOf(TrainSet, train, 1), shardsOf("val", val, 1)...)
	ctx := context.Background()
	part, err := Train(ctx, continueParams(3), spread(t, shards, 1, 1), Options{Evals: []string{"val"}})
	if err != nil {
		t.Fatal(err)
	}
	p := continueParams(5)
	p.EarlyStoppingRounds = 50
	res, err := Train(ctx, p, spread(t, shards, 1, 1), Options{Evals: []string{"val"}, InitModel: part.Model})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Model.Trees) != 8 || res.Model.BestIteration < 3 || res.Model.BestIteration > 7 {
		t.Fatalf("%d trees, best_iteration %d; want 8 trees and a best iteration among the new rounds 3..7", len(res.Model.Trees), res.Model.BestIteration)
	}
}

// A model that does not fit the data is refused with the reason and the
// remedy, before any round.
func TestContinueRefusesForeignModels(t *testing.T) {
	train := synthetic(1500, 5, 61)
	shards := shardsOf(TrainSet, train, 1)
	ctx := context.Background()
	part, err := Train(ctx, continueParams(2), spread(t, shards, 1, 1), Options{})
	if err != nil {
		t.Fatal(err)
	}
	moved := *part.Model
	moved.Trees = []model.Tree{cloneTree(part.Model.Trees[0])}
	moved.Trees[0].SplitCondition[0] += 1e-3
	otherBins := continueParams(2)
	otherBins.MaxBin = 16
	for _, tc := range []struct {
		name string
		p    Params
		m    *model.Model
		want string
	}{
		{"moved split", continueParams(2), &moved, "tree 0: node 0 splits feature"},
		{"other max_bin", otherBins, part.Model, "same max_bin"},
		{"objective", func() Params { p := continueParams(2); p.Objective = model.RegSquaredError; return p }(), part.Model, "continue with objective=binary:logistic"},
		{"base_score", func() Params { p := continueParams(2); p.BaseScore = 0.25; return p }(), part.Model, "leave base_score unset"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Train(ctx, tc.p, spread(t, shards, 1, 1), Options{InitModel: tc.m})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v; want one containing %q", err, tc.want)
			}
		})
	}
}

func cloneTree(t model.Tree) model.Tree {
	c := t
	c.SplitCondition = append([]float32(nil), t.SplitCondition...)
	return c
}
