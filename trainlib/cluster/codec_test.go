package cluster

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"google.golang.org/grpc/mem"
)

// FuzzDecode feeds arbitrary bytes to the codec as an authenticated
// driver's requests: decoding must fail cleanly or give a value the
// worker's checks handle, never panic.
func FuzzDecode(f *testing.F) {
	var c wire.Codec
	seeds := []any{
		&wire.LoadRequest{Group: 1, Shards: []wire.ShardSpec{{Set: "train", Index: 2, Path: "x.csv"},
			{Set: "val", Data: &data.Dataset{Matrix: data.Matrix{Rows: 1, Cols: 2, Values: []float32{1, 2}}, Label: []float32{1}}}}},
		&wire.HistRequest{Group: 0, Req: gbdt.HistRequest{Session: "s", Round: 3, Scale: 1e6, Nodes: []int32{1, 2}}},
		&wire.SetCutsRequest{Cuts: &gbdt.Cuts{Values: [][]float32{{0.5, 1}}, HasMissing: []bool{true}}},
		&gbdt.HistResponse{Hists: []gbdt.NodeHist{{Node: 1, Bins: []int64{1, -2, 3}, Total: [2]int64{4, 5}, Rows: 6}}},
	}
	seeds = append(seeds, binaryMessages()...)
	for _, s := range seeds {
		b, err := c.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var l wire.LoadRequest
		if c.Unmarshal(b, &l) == nil {
			for _, s := range l.Shards {
				if s.Data != nil {
					_ = checkDataset(s.Data)
				}
			}
		}
		var h wire.HistRequest
		_ = c.Unmarshal(b, &h)
		var r gbdt.HistResponse
		_ = c.Unmarshal(b, &r)
		for _, m := range binaryMessages() {
			out := reflect.New(reflect.TypeOf(m).Elem()).Interface()
			_ = c.Unmarshal(b, out)
		}
		_ = c.Unmarshal(b, &wire.HistsInto{Sum: gbdt.NewHistSum([]int32{1, 2}, 3)})
		_ = c.Unmarshal(b, &wire.SplitsInto{Sum: gbdt.NewHistSum([]int32{1}, 4)})
	})
}

// binaryMessages are one of each message the codec writes in its binary
// form, with nil and empty slices where the seam tells them apart.
func binaryMessages() []any {
	tree := gbdt.BinTree{Feature: []int32{0, -1, -1}, Bin: []int32{3, 0, 0}, DefaultLeft: []bool{true, false, false},
		Left: []int32{1, -1, -1}, Right: []int32{2, -1, -1}, Value: []float32{0, -0.25, 1.5e-7},
		Categories: [][]int32{{1, 4}, nil, nil}}
	return []any{
		&wire.GradientsRequest{Group: 2, Req: gbdt.GradientRequest{Session: "trial-3", Round: 7, Group: 1, Subsample: 0.8, Seed: 1<<63 + 5}},
		&wire.GradientsResponse{Stats: gbdt.GradientStats{Rows: 123456, MaxAbsGrad: 0.75, MaxHess: 0.25}},
		&wire.HistRequest{Group: 1, Req: gbdt.HistRequest{Session: "s", Round: 9, Scale: 0x1p42, Nodes: []int32{0, 5, 6}}},
		&gbdt.HistResponse{Hists: []gbdt.NodeHist{
			{Node: 4, Bins: []int64{0, 0, 1 << 41, 3, 0, 0, 0, 0, -7, 0, 0, 0}, Total: [2]int64{1<<41 - 7, 3}, Rows: 12},
			{Node: 5, Bins: []int64{0, 0}, Total: [2]int64{0, 0}},
			{Node: 6},
			{Node: 7, Bins: []int64{0, 0, 5}, Rows: 1},
			{Node: 8, Bins: []int64{}},
		}},
		&wire.SplitRequest{Group: 3, Req: gbdt.SplitRequest{Session: "s", Splits: []gbdt.Split{
			{Node: 0, Feature: 12, Bin: 4, DefaultLeft: true, Left: 1, Right: 2},
			{Node: 2, Feature: 1, Bin: 0, Left: 3, Right: 4, Categories: []int32{0, 2, 9}},
		}, Build: []int32{1, 4}, Round: 3, Scale: 0x1p40}},
		&gbdt.SplitResponse{LeftRows: []int64{10, 0}, RightRows: []int64{5, 1 << 40}},
		&gbdt.SplitResponse{LeftRows: []int64{3}, RightRows: []int64{4},
			Hists: []gbdt.NodeHist{{Node: 1, Bins: []int64{0, 0, 2, 1}, Total: [2]int64{2, 1}, Rows: 3}}},
		&wire.FinishRequest{Group: 0, Req: gbdt.FinishRequest{Session: "s", Round: 4, Group: 0, Tree: tree,
			Sets: []string{"train", "val"}, Metrics: []string{"logloss", "auc"}}},
		&wire.FinishRequest{Req: gbdt.FinishRequest{Session: "s", Tree: gbdt.BinTree{Feature: []int32{-1}, Bin: []int32{0},
			DefaultLeft: []bool{false}, Left: []int32{-1}, Right: []int32{-1}, Value: []float32{0.5}}}},
		&gbdt.EvalResponse{Shards: []gbdt.ShardEval{
			{Set: "val", Index: 1, Count: 3, Sums: []float64{1.5, 3, 0.25, 3}, Scores: []float32{0.1, 0.9, 0.5},
				Labels: []float32{0, 1, 1}, Weights: []float32{}},
			{Set: "train", Index: 0, Count: 0},
		}},
		&gbdt.EvalResponse{},
	}
}

// TestBinaryMessagesRoundTrip checks that every message of a tree's inner
// loop comes back exactly as sent, nil slices nil and empty ones empty,
// and that a histogram's empty bins take no bytes.
func TestBinaryMessagesRoundTrip(t *testing.T) {
	var c wire.Codec
	for _, in := range binaryMessages() {
		b, err := c.Marshal(in)
		if err != nil {
			t.Fatalf("%T: %v", in, err)
		}
		out := reflect.New(reflect.TypeOf(in).Elem()).Interface()
		if err := c.Unmarshal(b, out); err != nil {
			t.Fatalf("%T: %v", in, err)
		}
		if !reflect.DeepEqual(in, out) {
			t.Errorf("%T: sent %+v, received %+v", in, in, out)
		}
		for n := 0; n < len(b); n++ {
			if err := c.Unmarshal(b[:n], reflect.New(reflect.TypeOf(in).Elem()).Interface()); err == nil {
				t.Errorf("%T cut to %d of %d bytes decoded without error", in, n, len(b))
			}
		}
	}
	sparse := &gbdt.HistResponse{Hists: []gbdt.NodeHist{{Node: 1, Bins: make([]int64, 20000)}}}
	sparse.Hists[0].Bins[5000], sparse.Hists[0].Bins[5001] = 1<<40, 1<<39
	b, err := c.Marshal(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 32 {
		t.Errorf("a histogram of 10000 bins, one non-empty, took %d bytes", len(b))
	}
}

// TestBinaryHistogramBounded checks that a histogram message cannot make
// the receiver allocate more than wire.MaxHistValues values, however few
// bytes claim them.
func TestBinaryHistogramBounded(t *testing.T) {
	var c wire.Codec
	big := &gbdt.HistResponse{Hists: []gbdt.NodeHist{{Node: 1, Bins: make([]int64, wire.MaxHistValues/2)}, {Node: 2, Bins: make([]int64, wire.MaxHistValues/2+2)}}}
	b, err := c.Marshal(big)
	if err != nil {
		t.Fatal(err)
	}
	var out gbdt.HistResponse
	err = c.Unmarshal(b, &out)
	if err == nil || !strings.Contains(err.Error(), "at most") {
		t.Fatalf("a message of %d histogram values decoded: %v", wire.MaxHistValues+2, err)
	}
}

func TestCodecRoundTrip(t *testing.T) {
	var c wire.Codec
	in := &gbdt.HistResponse{Hists: []gbdt.NodeHist{{Node: 3, Bins: []int64{-1 << 40, 0, 7}, Total: [2]int64{9, 10}, Rows: 11}}}
	b, err := c.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out gbdt.HistResponse
	if err := c.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if h := out.Hists[0]; h.Node != 3 || h.Bins[0] != -1<<40 || h.Bins[2] != 7 || h.Total != [2]int64{9, 10} || h.Rows != 11 {
		t.Fatalf("round trip gave %+v", out)
	}
	if err := c.Unmarshal([]byte{0xff, 0x00, 0x13}, &out); err == nil {
		t.Fatal("garbage decoded without error")
	}
}

// TestHistogramValuesOfEveryLength round-trips bins whose values take
// every byte length from 0 to 8, both signs, and the int64 extremes, at
// the end of a message too (where fewer than 8 bytes follow a value).
func TestHistogramValuesOfEveryLength(t *testing.T) {
	var c wire.Codec
	var bins []int64
	for shift := 0; shift < 63; shift += 3 {
		v := int64(1) << shift
		bins = append(bins, v, -v, v-1, 1-v, 0, 0)
	}
	bins = append(bins, math.MaxInt64, math.MinInt64, math.MinInt64, 0, 0, math.MaxInt64, -1, 1)
	for cut := len(bins) - 3; cut <= len(bins); cut++ {
		in := &gbdt.SplitResponse{LeftRows: []int64{1}, RightRows: []int64{2},
			Hists: []gbdt.NodeHist{{Node: 3, Bins: slices.Clone(bins[:cut]), Total: [2]int64{math.MinInt64, math.MaxInt64}, Rows: 5}}}
		b, err := c.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var out gbdt.SplitResponse
		if err := c.Unmarshal(b, &out); err != nil {
			t.Fatalf("%d bins: %v", cut, err)
		}
		if !reflect.DeepEqual(in, &out) {
			t.Fatalf("%d bins: sent %v, received %v", cut, in.Hists[0].Bins, out.Hists[0].Bins)
		}
		for n := 0; n < len(b); n++ {
			if err := c.Unmarshal(b[:n], &gbdt.SplitResponse{}); err == nil {
				t.Errorf("%d bins cut to %d of %d bytes decoded without error", cut, n, len(b))
			}
		}
	}
}

// TestBufferCodecDecodesSplitMessages checks that the codec gRPC uses
// (wire.BufferCodec) decodes a message that arrived in many buffers as
// Codec decodes it whole, binary and gob messages alike, and that the
// decoded values do not share the buffers' memory.
func TestBufferCodecDecodesSplitMessages(t *testing.T) {
	var c wire.Codec
	var bc wire.BufferCodec
	msgs := append(binaryMessages(), &wire.LoadRequest{Group: 1, Shards: []wire.ShardSpec{{Set: "train", Index: 2, Path: "x.csv"}}})
	for _, m := range msgs {
		out, err := bc.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		b := out.Materialize()
		for _, size := range []int{1, 7, len(b)} {
			var split mem.BufferSlice
			for lo := 0; lo < len(b); lo += size {
				split = append(split, mem.SliceBuffer(slices.Clone(b[lo:min(lo+size, len(b))])))
			}
			want := reflect.New(reflect.TypeOf(m).Elem()).Interface()
			if err := c.Unmarshal(b, want); err != nil {
				t.Fatal(err)
			}
			got := reflect.New(reflect.TypeOf(m).Elem()).Interface()
			if err := bc.Unmarshal(split, got); err != nil {
				t.Fatalf("%T in buffers of %d bytes: %v", m, size, err)
			}
			for _, buf := range split {
				clear(buf.ReadOnlyData())
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%T in buffers of %d bytes decoded as %+v, whole as %+v", m, size, got, want)
			}
		}
	}
}
