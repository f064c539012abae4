package cluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/gbdt/gbdttest"
)

// tripHolder forwards to a Holder and runs trip once, just before the
// n-th call that builds histograms (counting from 1): BuildHistograms, or
// ApplySplits asking for its children's histograms, as the driver does
// with remote holders. The fault lands in the middle of a tree, after
// gradients and some splits. trippedIn records
// which tree of its round (the model output) was being built then.
type tripHolder struct {
	gbdt.Holder
	calls     atomic.Int32
	n         int32
	trip      func()
	group     atomic.Int32
	trippedIn atomic.Int32
}

func (h *tripHolder) Gradients(ctx context.Context, req gbdt.GradientRequest) (gbdt.GradientStats, error) {
	h.group.Store(int32(req.Group))
	return h.Holder.Gradients(ctx, req)
}

func (h *tripHolder) BuildHistograms(ctx context.Context, req gbdt.HistRequest) (*gbdt.HistResponse, error) {
	h.count()
	return h.Holder.BuildHistograms(ctx, req)
}

func (h *tripHolder) ApplySplits(ctx context.Context, req gbdt.SplitRequest) (*gbdt.SplitResponse, error) {
	if len(req.Build) > 0 {
		h.count()
	}
	return h.Holder.ApplySplits(ctx, req)
}

// count counts a histogram call and trips at the n-th.
func (h *tripHolder) count() {
	if h.calls.Add(1) == h.n {
		h.trippedIn.Store(h.group.Load())
		h.trip()
	}
}

// trainWithTrip loads the shards and trains with group g's holder wrapped
// so that trip runs before its n-th histogram call.
func trainWithTrip(t *testing.T, ctx context.Context, c *Cluster, p gbdt.Params, train, val []string, g int, n int32, trip func()) (*gbdt.Result, error) {
	t.Helper()
	res, _, err := trainWithTripOpts(t, ctx, c, p, binaryOptions, train, val, g, n, trip)
	return res, err
}

// trainWithTripOpts is trainWithTrip loading the files with o; it also
// returns the wrapped holder.
func trainWithTripOpts(t *testing.T, ctx context.Context, c *Cluster, p gbdt.Params, o data.Options, train, val []string, g int, n int32, trip func()) (*gbdt.Result, *tripHolder, error) {
	t.Helper()
	if err := c.LoadFiles(ctx, gbdt.TrainSet, train, o); err != nil {
		t.Fatal(err)
	}
	if err := c.LoadFiles(ctx, "val", val, o); err != nil {
		t.Fatal(err)
	}
	hs := c.Holders()
	th := &tripHolder{Holder: hs[g], n: n, trip: trip}
	hs[g] = th
	res, err := gbdt.Train(ctx, p, hs, gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}, FeatureNames: c.names})
	return res, th, err
}

// pidOf returns the PID of the worker holding group g.
func pidOf(c *Cluster, g int) int { return c.groups[g].worker().pid }

func TestFaultsGiveTheSameModel(t *testing.T) {
	dir := t.TempDir()
	train := writeShards(t, dir, "train_", 6, 500, 5, 3)
	val := writeShards(t, dir, "val_", 3, 200, 5, 4)
	p := testParams(5)
	want := gbdttest.ModelBytes(t, inProcess(t, p, train, val).Model)
	cases := []struct {
		name   string
		sig    syscall.Signal
		remote bool
	}{
		{"sigkill-respawn", syscall.SIGKILL, false},
		{"sigstop-respawn", syscall.SIGSTOP, false},
		{"sigkill-survivor", syscall.SIGKILL, true},
		{"sigstop-survivor", syscall.SIGSTOP, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var log syncBuffer
			cfg := Config{Spawn: 3, HangTimeout: 2 * time.Second, Log: &log}
			var c *Cluster
			if tc.remote {
				c = connectRemote(t, 3, cfg)
			} else {
				c = connectLocal(t, cfg)
			}
			victim := pidOf(c, 1)
			res, err := trainWithTrip(t, context.Background(), c, p, train, val, 1, 9, func() {
				if err := syscall.Kill(victim, tc.sig); err != nil {
					t.Error(err)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gbdttest.ModelBytes(t, res.Model), want) {
				t.Fatal("the model after the fault differs from the fault-free one")
			}
			if got := pidOf(c, 1); got == victim {
				t.Fatalf("group 1 still on the faulted worker %d", victim)
			}
			recordPIDs(c)
			st := c.Status(context.Background())
			lost := 0
			for _, w := range st.Workers {
				if w.LastError != "" && !w.Alive {
					lost++
				}
			}
			if tc.remote && lost != 1 {
				t.Fatalf("status should show one lost worker:\n%s", st)
			}
			// The user is told which worker was lost and what took over.
			took := "spawned worker 127.0.0.1:"
			if tc.remote {
				took = "moved its shards to worker 127.0.0.1:"
			}
			if l := log.String(); !strings.Contains(l, fmt.Sprintf("(pid %d) lost: ", victim)) || !strings.Contains(l, took) {
				t.Fatalf("the cluster's log does not report the lost worker %d and what took over (%q):\n%s", victim, took, l)
			}
		})
	}
}

// TestMultiOutputFaultsGiveTheSameModel: a worker killed while the second
// tree of a round is being built (the round's gradients, every output's,
// were taken before its first tree) — for a 3-class softmax and for three
// quantiles — and the model is still the fault-free one.
func TestMultiOutputFaultsGiveTheSameModel(t *testing.T) {
	class := func(z float64) string {
		switch {
		case z < -1:
			return "0"
		case z < 1:
			return "1"
		}
		return "2"
	}
	value := func(z float64) string { return fmt.Sprintf("%.3f", 10+3*z) }
	cases := []struct {
		name   string
		label  func(float64) string
		params func(p *gbdt.Params)
	}{
		{"multi:softprob", class, func(p *gbdt.Params) {
			p.Objective, p.NumClass, p.EvalMetric = "multi:softprob", 3, []string{"mlogloss", "merror"}
		}},
		{"quantiles", value, func(p *gbdt.Params) {
			p.Objective, p.QuantileAlpha, p.EvalMetric = "reg:quantileerror", []float64{0.1, 0.5, 0.9}, []string{"quantile"}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			train := writeLabeled(t, dir, "train_", 4, 400, 5, 3, tc.label)
			val := writeLabeled(t, dir, "val_", 2, 200, 5, 4, tc.label)
			p := testParams(3)
			tc.params(&p)
			o := data.Options{Label: "label"}
			want := gbdttest.ModelBytes(t, inProcessWith(t, p, o, train, val).Model)
			c := connectLocal(t, Config{Spawn: 2, HangTimeout: 2 * time.Second, Log: &syncBuffer{}})
			victim := pidOf(c, 1)
			// Depth 4 builds a tree in at most four histogram calls, so
			// the sixth is inside the round's second tree.
			res, th, err := trainWithTripOpts(t, context.Background(), c, p, o, train, val, 1, 6, func() {
				if err := syscall.Kill(victim, syscall.SIGKILL); err != nil {
					t.Error(err)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if g := th.trippedIn.Load(); g == 0 {
				t.Fatalf("the worker was killed during a round's first tree; the test needs a later one")
			}
			if got := pidOf(c, 1); got == victim {
				t.Fatalf("group 1 still on the killed worker %d", victim)
			}
			recordPIDs(c)
			if len(res.Model.Trees) != 9 {
				t.Fatalf("%d trees, want 3 rounds of 3", len(res.Model.Trees))
			}
			if !bytes.Equal(gbdttest.ModelBytes(t, res.Model), want) {
				t.Fatal("the model after the fault differs from the fault-free one")
			}
		})
	}
}

func TestCancelStopsWorkersAndClusterStaysUsable(t *testing.T) {
	dir := t.TempDir()
	train := writeShards(t, dir, "train_", 2, 3000, 8, 5)
	val := writeShards(t, dir, "val_", 2, 300, 8, 6)
	p := testParams(4)
	want := gbdttest.ModelBytes(t, inProcess(t, p, train, val).Model)
	c := connectLocal(t, Config{Spawn: 2})
	ctx, cancel := context.WithCancel(context.Background())
	_, err := trainWithTrip(t, ctx, c, p, train, val, 0, 3, cancel)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("training after cancel returned %v, want context.Canceled", err)
	}
	// The workers drop the cancelled calls: within 2 s none is busy.
	deadline := time.Now().Add(2 * time.Second)
	for {
		busy := 0
		for _, w := range c.Status(context.Background()).Workers {
			if w.Busy {
				busy++
			}
		}
		if busy == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d worker(s) still busy 2 s after the cancel", busy)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Same cluster, same shards (loaded a second time as new shards would
	// duplicate them): train again from the loaded state.
	res, err := c.Train(context.Background(), p, gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gbdttest.ModelBytes(t, res.Model), want) {
		t.Fatal("the model after a cancelled training differs")
	}
}
