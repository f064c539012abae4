package gbdt

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// randomHists returns histograms of nodes, width values each, mostly
// zeros, with values of every bit length and the int64 extremes.
func randomHists(rng *rand.Rand, nodes []int32, width int) *HistResponse {
	r := &HistResponse{}
	for _, n := range nodes {
		h := NodeHist{Node: n, Bins: make([]int64, width), Rows: rng.Int64N(1000)}
		for i := range h.Bins {
			switch rng.IntN(8) {
			case 0:
				h.Bins[i] = rng.Int64N(1<<uint(rng.IntN(62)+1)) - 1<<60
			case 1:
				h.Bins[i] = []int64{math.MinInt64 / 4, math.MaxInt64 / 4, -1, 1}[rng.IntN(4)]
			}
			h.Total[i%2] += h.Bins[i] / 8
		}
		r.Hists = append(r.Hists, h)
	}
	return r
}

// TestHistSumAddsHolders checks a HistSum against histograms summed one
// by one: bins, totals, rows, the holder count and the wire-size
// estimate (mergeHists's: the sum of every histogram's wireSize), and
// that a reply of the wrong shape spoils it with an error naming the
// problem.
func TestHistSumAddsHolders(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	nodes := []int32{3, 5, 8}
	for _, width := range []int{0, 1, 7, 300} {
		d := &driver{nbins: width / 2, fuse: true}
		width = 2 * d.nbins
		sum := d.newSum(nodes)
		want := make([]NodeHist, len(nodes))
		for k := range want {
			want[k] = NodeHist{Node: nodes[k], Bins: make([]int64, width)}
		}
		var wire int64
		for range 3 {
			r := randomHists(rng, nodes, width)
			for k, h := range r.Hists {
				wire += h.wireSize()
				want[k].Rows += h.Rows
				want[k].Total[0] += h.Total[0]
				want[k].Total[1] += h.Total[1]
				for i, v := range h.Bins {
					want[k].Bins[i] += v
				}
			}
			if err := sum.AddHists(r); err != nil {
				t.Fatal(err)
			}
		}
		got, added := sum.Hists()
		if added != 3 {
			t.Fatalf("width %d: %d holders added, want 3", width, added)
		}
		for k := range want {
			if got[k].Node != want[k].Node || got[k].Rows != want[k].Rows || got[k].Total != want[k].Total || !slices.Equal(got[k].Bins, want[k].Bins) {
				t.Fatalf("width %d node %d: sum differs", width, nodes[k])
			}
		}
		if w := sum.WireBytes(); w != wire {
			t.Fatalf("width %d: wire estimate %d, mergeHists counts %d", width, w, wire)
		}
		// Spare buffers come back cleared.
		for _, h := range got {
			d.recycle(h.Bins)
		}
		for _, h := range d.newSum(nodes).bins {
			if slices.ContainsFunc(h, func(v int64) bool { return v != 0 }) {
				t.Fatalf("width %d: a recycled buffer was not cleared", width)
			}
		}
	}
	bad := []struct {
		name string
		r    *HistResponse
		msg  string
	}{
		{"short", &HistResponse{Hists: make([]NodeHist, 1)}, "answered 1 histograms for 2 nodes"},
		{"node", &HistResponse{Hists: []NodeHist{{Node: 1, Bins: make([]int64, 4)}, {Node: 3, Bins: make([]int64, 4)}}}, "node 3 where node 2"},
		{"width", &HistResponse{Hists: []NodeHist{{Node: 1, Bins: make([]int64, 4)}, {Node: 2, Bins: make([]int64, 6)}}}, "6 values, expected 4"},
		{"nil", nil, "answered 0 histograms"},
	}
	for _, b := range bad {
		sum := NewHistSum([]int32{1, 2}, 4)
		err := sum.AddHists(b.r)
		if err == nil || !strings.Contains(err.Error(), b.msg) {
			t.Fatalf("%s: error %v, want one saying %q", b.name, err, b.msg)
		}
		if sum.Err() == nil {
			t.Fatalf("%s: the sum is not spoiled", b.name)
		}
		d := &driver{holders: make([]Holder, 1)}
		if err := d.takeSum(sum, make([]buildNode, 3), []int32{1, 2}); err == nil {
			t.Fatalf("%s: takeSum accepted a spoiled sum", b.name)
		}
	}
}

// summing is a holder across a network that adds its histograms into the
// driver's HistSum itself, as the cluster's remote holders do while they
// decode them.
type summing struct {
	Holder
	into *atomic.Int32
}

func (s summing) BuildHistogramsInto(ctx context.Context, req HistRequest, sum *HistSum) error {
	s.into.Add(1)
	r, err := s.Holder.BuildHistograms(ctx, req)
	if err != nil {
		return err
	}
	return sum.AddHists(r)
}

func (s summing) ApplySplitsInto(ctx context.Context, req SplitRequest, sum *HistSum) (*SplitResponse, error) {
	s.into.Add(1)
	r, err := s.Holder.ApplySplits(ctx, req)
	if err != nil {
		return nil, err
	}
	return r, sum.AddHists(&HistResponse{Hists: r.Hists})
}

// TestSumHoldersGiveTheSameModel checks that holders that add their
// histograms into the driver's sums (SumHolder), mixed with holders that
// return them, train the in-process model byte for byte, over several
// trees (the sums' buffers are reused from level to level and tree to
// tree).
func TestSumHoldersGiveTheSameModel(t *testing.T) {
	train := synthetic(6000, 10, 5)
	shards := shardsOf(TrainSet, train, 6)
	p := DefaultParams()
	p.NumBoostRound, p.MaxDepth, p.Subsample, p.Seed = 8, 6, 0.8, 3
	ref, err := Train(context.Background(), p, spread(t, shards, 1, 1), Options{Evals: []string{TrainSet}})
	if err != nil {
		t.Fatal(err)
	}
	want := modelBytes(t, ref.Model)
	var hists, fused, into atomic.Int32
	dense := spread(t, shards, 3, 1)
	for i := range dense {
		dense[i] = acrossNetwork{Holder: dense[i], hists: &hists, fused: &fused}
	}
	plain, err := Train(context.Background(), p, dense, Options{Evals: []string{TrainSet}})
	if err != nil {
		t.Fatal(err)
	}
	hs := spread(t, shards, 3, 1)
	hs[0] = summing{Holder: hs[0], into: &into}
	hs[1] = summing{Holder: hs[1], into: &into}
	hs[2] = acrossNetwork{Holder: hs[2], hists: &hists, fused: &fused}
	res, err := Train(context.Background(), p, hs, Options{Evals: []string{TrainSet}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*Result{plain, res} {
		if !bytes.Equal(modelBytes(t, r.Model), want) {
			t.Fatal("the model differs from the one trained in process")
		}
	}
	if into.Load() == 0 {
		t.Fatal("no histograms were added into a sum by a SumHolder")
	}
	if res.Traffic != plain.Traffic {
		t.Fatalf("traffic %+v with SumHolders, %+v without", res.Traffic, plain.Traffic)
	}
}
