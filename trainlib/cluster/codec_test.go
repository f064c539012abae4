package cluster

import (
	"testing"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
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
	})
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
