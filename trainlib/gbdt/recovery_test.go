package gbdt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

// failover is a Holder that loses its state at a given round: it drops
// the holder it wraps and rebuilds a fresh one from the same shards, the
// cuts and the trees finished so far, as the cluster does after a crash.
type failover struct {
	Holder
	shards  []Shard
	failAt  int
	cuts    *Cuts
	start   StartRequest
	trees   []BinTree
	rebuilt bool
}

func (f *failover) SetCuts(ctx context.Context, c *Cuts) error {
	f.cuts = c
	return f.Holder.SetCuts(ctx, c)
}

func (f *failover) StartSession(ctx context.Context, req StartRequest) error {
	f.start = req
	return f.Holder.StartSession(ctx, req)
}

func (f *failover) FinishTree(ctx context.Context, req FinishRequest) (*EvalResponse, error) {
	f.trees = append(f.trees, req.Tree)
	return f.Holder.FinishTree(ctx, req)
}

func (f *failover) Gradients(ctx context.Context, req GradientRequest) (GradientStats, error) {
	if req.Round == f.failAt && !f.rebuilt {
		f.rebuilt = true
		h, err := NewLocalHolder(f.shards, 2)
		if err != nil {
			return GradientStats{}, err
		}
		if err := h.SetCuts(ctx, f.cuts); err != nil {
			return GradientStats{}, err
		}
		st := f.start
		st.Trees = f.trees
		if err := h.StartSession(ctx, st); err != nil {
			return GradientStats{}, err
		}
		f.Holder = h
	}
	return f.Holder.Gradients(ctx, req)
}

// TestHolderStateRebuiltFromShardsAndTrees: replacing a holder mid-run by
// one rebuilt from its shards and the trees so far gives the same model.
func TestHolderStateRebuiltFromShardsAndTrees(t *testing.T) {
	t.Run("dense", func(t *testing.T) { testRebuild(t, synthetic(3000, 7, 21), synthetic(600, 7, 22)) })
	t.Run("sparse", func(t *testing.T) { testRebuild(t, oneHotLike(3000, 21), oneHotLike(600, 22)) })
}

func testRebuild(t *testing.T, train, val *data.Dataset) {
	shards := append(shardsOf(TrainSet, train, 4), shardsOf("val", val, 2)...)
	p := DefaultParams()
	p.NumBoostRound, p.Subsample, p.Seed = 10, 0.9, 3
	p.EvalMetric = []string{"auc"}
	opt := Options{Evals: []string{"val"}}
	ref, err := Train(context.Background(), p, spread(t, shards, 2, 2), opt)
	if err != nil {
		t.Fatal(err)
	}
	hs := spread(t, shards, 2, 2)
	mine := []Shard{shards[1], shards[3], shards[5]} // holder 1's shards, dealt round-robin
	f := &failover{Holder: hs[1], shards: mine, failAt: 6}
	hs[1] = f
	got, err := Train(context.Background(), p, hs, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !f.rebuilt {
		t.Fatal("the holder was never replaced")
	}
	if !bytes.Equal(modelBytes(t, got.Model), modelBytes(t, ref.Model)) {
		t.Fatal("the model after replacing a holder differs from the fault-free one")
	}
}

// broken fails BuildHistograms, to check the error names the holder.
type broken struct{ Holder }

func (broken) BuildHistograms(context.Context, HistRequest) (*HistResponse, error) {
	return nil, errors.New("connection reset")
}

func TestHolderErrorNamesHolderAndRound(t *testing.T) {
	shards := shardsOf(TrainSet, synthetic(500, 3, 1), 2)
	hs := spread(t, shards, 2, 1)
	hs[1] = broken{hs[1]}
	_, err := Train(context.Background(), DefaultParams(), hs, Options{})
	if err == nil || err.Error() != "gbdt: round 0: holder 1: connection reset" {
		t.Fatalf("error %v", err)
	}
}

// short answers one histogram too few, as a buggy remote holder might.
type short struct{ Holder }

func (s short) BuildHistograms(ctx context.Context, req HistRequest) (*HistResponse, error) {
	r, err := s.Holder.BuildHistograms(ctx, req)
	if err != nil {
		return nil, err
	}
	r.Hists = r.Hists[:len(r.Hists)-1]
	return r, nil
}

func TestMalformedHolderAnswerIsAnError(t *testing.T) {
	shards := shardsOf(TrainSet, synthetic(500, 3, 1), 2)
	hs := spread(t, shards, 2, 1)
	hs[0] = short{hs[0]}
	_, err := Train(context.Background(), DefaultParams(), hs, Options{})
	if err == nil || err.Error() != "gbdt: round 0: holder 0: answered 0 histograms for 1 nodes" {
		t.Fatalf("error %v", err)
	}
}

// TestHolderWithOnlyEvalShards: a holder may hold no training rows.
func TestHolderWithOnlyEvalShards(t *testing.T) {
	train, val := synthetic(800, 4, 1), synthetic(200, 4, 2)
	a, _ := NewLocalHolder(shardsOf(TrainSet, train, 1), 1)
	b, _ := NewLocalHolder(shardsOf("val", val, 1), 1)
	p := DefaultParams()
	p.NumBoostRound = 3
	res, err := Train(context.Background(), p, []Holder{a, b}, Options{Evals: []string{"val"}})
	if err != nil || len(res.History["val"]["logloss"]) != 3 {
		t.Fatalf("%v %v", res, err)
	}
}

// TestConcurrentSessionsShareHolders: two trainings side by side on the
// same holders (as tuning trials) give the models they give alone.
func TestConcurrentSessionsShareHolders(t *testing.T) {
	shards := shardsOf(TrainSet, synthetic(2000, 5, 31), 3)
	hs := spread(t, shards, 2, 1)
	p1, p2 := DefaultParams(), DefaultParams()
	p1.NumBoostRound, p2.NumBoostRound = 5, 5
	p2.MaxDepth, p2.Eta = 3, 0.1
	alone1, err1 := Train(context.Background(), p1, spread(t, shards, 1, 1), Options{})
	alone2, err2 := Train(context.Background(), p2, spread(t, shards, 1, 1), Options{})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	var wg sync.WaitGroup
	got := make([]*Result, 2)
	errs := make([]error, 2)
	for i, p := range []Params{p1, p2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = Train(context.Background(), p, hs, Options{Session: SessionID(fmt.Sprint("trial", i))})
		}()
	}
	wg.Wait()
	for i, alone := range []*Result{alone1, alone2} {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(modelBytes(t, got[i].Model), modelBytes(t, alone.Model)) {
			t.Fatalf("trial %d's model differs from its model trained alone", i)
		}
	}
	p3 := DefaultParams()
	p3.MaxBin = 16
	h := hs[0].(*LocalHolder)
	h.mu.Lock()
	h.sessions["busy"] = &session{}
	h.mu.Unlock()
	if _, err := Train(context.Background(), p3, hs, Options{Session: "other"}); err == nil || !strings.Contains(err.Error(), "must share cuts") {
		t.Fatalf("different cuts under a running session: %v", err)
	}
}
