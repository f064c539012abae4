package cluster

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// TestRepliesAddedIntoSum decodes histogram replies of several workers
// straight into one gbdt.HistSum (as the driver does) and checks the sums,
// the row counts and the wire-size estimate against the decoded replies
// added one by one; replies cut short, or of the wrong nodes or width,
// fail and spoil the sum.
func TestRepliesAddedIntoSum(t *testing.T) {
	var c wire.Codec
	nodes := []int32{4, 7}
	var vals []int64
	for shift := 0; shift < 63; shift += 3 {
		v := int64(1) << shift
		vals = append(vals, v, -v, v-1, 1-v, 0, 0)
	}
	vals = append(vals, math.MaxInt64/4, math.MinInt64/4, 0, 0, 0, 0, 0, 0, 0, -1, 1)
	for _, width := range []int{len(vals), len(vals) - 1} {
		reply := func(w int) []gbdt.NodeHist {
			var hs []gbdt.NodeHist
			for k, n := range nodes {
				bins := make([]int64, width)
				for i := range bins {
					bins[i] = vals[(i+3*w+k)%width]
				}
				hs = append(hs, gbdt.NodeHist{Node: n, Bins: bins, Total: [2]int64{int64(w), -int64(k)}, Rows: int64(10*w + k)})
			}
			return hs
		}
		into, want := gbdt.NewHistSum(nodes, width), gbdt.NewHistSum(nodes, width)
		var split gbdt.SplitResponse
		for w := range 3 {
			var b []byte
			var err error
			if w == 1 {
				b, err = c.Marshal(&gbdt.SplitResponse{LeftRows: []int64{5}, RightRows: []int64{6}, Hists: reply(w)})
			} else {
				b, err = c.Marshal(&gbdt.HistResponse{Hists: reply(w)})
			}
			if err != nil {
				t.Fatal(err)
			}
			if w == 1 {
				out := &wire.SplitsInto{Sum: into}
				if err := c.Unmarshal(b, out); err != nil {
					t.Fatal(err)
				}
				if !out.Decoded() {
					t.Fatal("a decoded reply does not say so")
				}
				split = out.Resp
			} else {
				out := &wire.HistsInto{Sum: into}
				if err := c.Unmarshal(b, out); err != nil {
					t.Fatal(err)
				}
				if !out.Decoded() {
					t.Fatal("a decoded reply does not say so")
				}
			}
			if err := want.AddHists(&gbdt.HistResponse{Hists: reply(w)}); err != nil {
				t.Fatal(err)
			}
		}
		got, n := into.Hists()
		exp, _ := want.Hists()
		if n != 3 {
			t.Fatalf("%d replies added, want 3", n)
		}
		for k := range exp {
			if got[k].Node != exp[k].Node || got[k].Rows != exp[k].Rows || got[k].Total != exp[k].Total || !slices.Equal(got[k].Bins, exp[k].Bins) {
				t.Fatalf("width %d: node %d summed wrong", width, nodes[k])
			}
		}
		if !slices.Equal(split.LeftRows, []int64{5}) || !slices.Equal(split.RightRows, []int64{6}) {
			t.Fatalf("split counts %v %v", split.LeftRows, split.RightRows)
		}
		if into.WireBytes() != want.WireBytes() {
			t.Fatalf("width %d: wire estimate %d decoding, %d from the histograms", width, into.WireBytes(), want.WireBytes())
		}
		// Every truncation fails, and spoils the sum once it was
		// counted in it.
		b, err := c.Marshal(&gbdt.HistResponse{Hists: reply(0)})
		if err != nil {
			t.Fatal(err)
		}
		for cut := 1; cut < len(b); cut++ {
			sum := gbdt.NewHistSum(nodes, width)
			out := &wire.HistsInto{Sum: sum}
			if err := c.Unmarshal(b[:cut], out); err == nil || out.Decoded() {
				t.Fatalf("width %d: a reply cut to %d of %d bytes decoded", width, cut, len(b))
			}
			if _, n := sum.Hists(); n > 0 && sum.Err() == nil {
				t.Fatalf("width %d: a reply cut to %d of %d bytes was counted in an unspoiled sum", width, cut, len(b))
			}
		}
	}
	for _, bad := range []struct {
		hists []gbdt.NodeHist
		msg   string
	}{
		{[]gbdt.NodeHist{{Node: 4, Bins: make([]int64, 6)}}, "answered 1 histograms for 2 nodes"},
		{[]gbdt.NodeHist{{Node: 4, Bins: make([]int64, 6)}, {Node: 8, Bins: make([]int64, 6)}}, "node 8 where node 7"},
		{[]gbdt.NodeHist{{Node: 4, Bins: make([]int64, 6)}, {Node: 7, Bins: make([]int64, 8)}}, "8 values, expected 6"},
		{[]gbdt.NodeHist{{Node: 4, Bins: make([]int64, 6)}, {Node: 7}}, "0 values, expected 6"},
	} {
		b, err := c.Marshal(&gbdt.HistResponse{Hists: bad.hists})
		if err != nil {
			t.Fatal(err)
		}
		sum := gbdt.NewHistSum(nodes, 6)
		err = c.Unmarshal(b, &wire.HistsInto{Sum: sum})
		if err == nil || !strings.Contains(err.Error(), bad.msg) || sum.Err() == nil {
			t.Fatalf("error %v, want one saying %q (sum spoiled: %v)", err, bad.msg, sum.Err())
		}
	}
}
