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
// n-th BuildHistograms call (counting from 1): the fault lands in the
// middle of a tree, after gradients and some splits.
type tripHolder struct {
	gbdt.Holder
	calls atomic.Int32
	n     int32
	trip  func()
}

func (h *tripHolder) BuildHistograms(ctx context.Context, req gbdt.HistRequest) (*gbdt.HistResponse, error) {
	if h.calls.Add(1) == h.n {
		h.trip()
	}
	return h.Holder.BuildHistograms(ctx, req)
}

// trainWithTrip loads the shards and trains with group g's holder wrapped
// so that trip runs before its n-th histogram call.
func trainWithTrip(t *testing.T, ctx context.Context, c *Cluster, p gbdt.Params, train, val []string, g int, n int32, trip func()) (*gbdt.Result, error) {
	t.Helper()
	o := data.Options{Label: "label", BinaryLabel: true}
	if err := c.LoadFiles(ctx, gbdt.TrainSet, train, o); err != nil {
		t.Fatal(err)
	}
	if err := c.LoadFiles(ctx, "val", val, o); err != nil {
		t.Fatal(err)
	}
	hs := c.Holders()
	hs[g] = &tripHolder{Holder: hs[g], n: n, trip: trip}
	return gbdt.Train(ctx, p, hs, gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}, FeatureNames: c.names})
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
			cfg := Config{Workers: 3, HangTimeout: 2 * time.Second, Log: &log}
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

func TestCancelStopsWorkersAndClusterStaysUsable(t *testing.T) {
	dir := t.TempDir()
	train := writeShards(t, dir, "train_", 2, 3000, 8, 5)
	val := writeShards(t, dir, "val_", 2, 300, 8, 6)
	p := testParams(4)
	want := gbdttest.ModelBytes(t, inProcess(t, p, train, val).Model)
	c := connectLocal(t, Config{Workers: 2})
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
