package gbdt

import (
	"bytes"
	"context"
	"fmt"
	"sync/atomic"
	"testing"
)

// acrossNetwork stands for a holder in another process (any Holder but a
// LocalHolder): the driver asks for each level's histograms together with
// its splits. It counts both kinds of call.
type acrossNetwork struct {
	Holder
	hists, fused *atomic.Int32
}

func (a acrossNetwork) BuildHistograms(ctx context.Context, req HistRequest) (*HistResponse, error) {
	a.hists.Add(1)
	return a.Holder.BuildHistograms(ctx, req)
}

func (a acrossNetwork) ApplySplits(ctx context.Context, req SplitRequest) (*SplitResponse, error) {
	if len(req.Build) > 0 {
		a.fused.Add(1)
	}
	return a.Holder.ApplySplits(ctx, req)
}

// TestFusedLevelsGiveTheSameModel checks that holders across a network
// get one call per tree level (splits and the next level's histograms
// together, the child with the smaller hessian sum built) and train the
// model, and the history, of in-process holders byte for byte.
func TestFusedLevelsGiveTheSameModel(t *testing.T) {
	train := synthetic(6000, 10, 5)
	val := synthetic(1500, 10, 6)
	shards := append(shardsOf(TrainSet, train, 6), shardsOf("val", val, 3)...)
	p := DefaultParams()
	p.NumBoostRound, p.MaxDepth, p.Subsample, p.Seed = 6, 5, 0.8, 3
	p.EvalMetric = []string{"logloss", "error"}
	opt := Options{Evals: []string{TrainSet, "val"}}
	ref, err := Train(context.Background(), p, spread(t, shards, 2, 1), opt)
	if err != nil {
		t.Fatal(err)
	}
	want := modelBytes(t, ref.Model)
	for holders := 1; holders <= 3; holders++ {
		t.Run(fmt.Sprintf("holders=%d", holders), func(t *testing.T) {
			var hists, fused atomic.Int32
			hs := spread(t, shards, holders, 2)
			for i := range hs {
				hs[i] = acrossNetwork{Holder: hs[i], hists: &hists, fused: &fused}
			}
			res, err := Train(context.Background(), p, hs, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(modelBytes(t, res.Model), want) {
				t.Fatal("the model differs from the one trained in process")
			}
			if fmt.Sprint(res.History) != fmt.Sprint(ref.History) {
				t.Fatalf("history differs: %v vs %v", res.History, ref.History)
			}
			if n := int(hists.Load()); n != p.NumBoostRound*holders {
				t.Errorf("%d BuildHistograms calls, want one per tree and holder (%d): the levels below the root came separately", n, p.NumBoostRound*holders)
			}
			if fused.Load() == 0 {
				t.Error("no ApplySplits call asked for histograms")
			}
		})
	}
}
