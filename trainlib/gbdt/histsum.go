package gbdt

import (
	"context"
	"fmt"
	"sync"
)

// HistSum is where the holders' histograms of one tree level are summed
// as they arrive, when the holders are across a network: a holder that
// implements SumHolder adds its histograms into it while it decodes them
// (no per-holder copy of every histogram, no second pass to sum them, and
// the first reply is summed while the next is still on its way); the
// driver adds the replies of other holders itself. Sums are int64, so the
// order the holders arrive in does not change them.
type HistSum struct {
	mu    sync.Mutex
	nodes []int32
	width int
	bins  [][]int64
	total [][2]int64
	rows  []int64
	added int
	// wire counts the histograms' bytes on the wire as NodeHist.wireSize
	// would (for Traffic): 24 + width per histogram, plus, per non-zero
	// value, the bytes of its varint past the first, from the count of
	// values of each bit length (lens[b], b ≥ 1).
	wire int64
	lens [65]int64
	err  error
}

// SumHolder is a Holder that can add the histograms it would return into
// a HistSum itself (the cluster's remote holders, as they decode them).
// The calls are those of Holder with the response's histograms added
// into sum instead of returned; a call that fails may have added part of
// them, and the sum is then spoiled.
type SumHolder interface {
	Holder
	BuildHistogramsInto(ctx context.Context, req HistRequest, sum *HistSum) error
	ApplySplitsInto(ctx context.Context, req SplitRequest, sum *HistSum) (*SplitResponse, error)
}

// NewHistSum returns a zeroed sum for the histograms of nodes, of width
// values each, as the driver makes one per tree level.
func NewHistSum(nodes []int32, width int) *HistSum {
	s := &HistSum{nodes: nodes, width: width, bins: make([][]int64, len(nodes)),
		total: make([][2]int64, len(nodes)), rows: make([]int64, len(nodes))}
	for k := range nodes {
		s.bins[k] = make([]int64, width, width+2)
	}
	return s
}

// Hists returns the sums so far, one NodeHist per node (sharing the
// sum's memory), and how many holders were added.
func (s *HistSum) Hists() ([]NodeHist, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	hs := make([]NodeHist, len(s.nodes))
	for k, n := range s.nodes {
		hs[k] = NodeHist{Node: n, Bins: s.bins[k], Total: s.total[k], Rows: s.rows[k]}
	}
	return hs, s.added
}

// Err returns the error that spoiled the sum, if any.
func (s *HistSum) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// newSum returns a zeroed sum for the histograms of nodes, its buffers
// taken from the driver's spares.
func (d *driver) newSum(nodes []int32) *HistSum {
	width := 2 * d.nbins
	s := &HistSum{nodes: nodes, width: width, bins: make([][]int64, len(nodes)),
		total: make([][2]int64, len(nodes)), rows: make([]int64, len(nodes))}
	for k := range nodes {
		var b []int64
		if n := len(d.spare); n > 0 {
			b, d.spare = d.spare[n-1][:width], d.spare[:n-1]
			clear(b)
		} else {
			// Two more for the root's totals (see takeSum).
			b = make([]int64, width, width+2)
		}
		s.bins[k] = b
	}
	return s
}

// recycle keeps a histogram no node needs any more for a later sum.
func (d *driver) recycle(h []int64) {
	if d.fuse && cap(h) >= 2*d.nbins && len(d.spare) < 256 {
		d.spare = append(d.spare, h)
	}
}

// Lock starts adding one holder's histograms of Nodes (in order), n of
// them: it fails when n is not the number of nodes asked for. Every Lock
// needs an Unlock, which counts the holder as added.
func (s *HistSum) Lock(n int) error {
	s.mu.Lock()
	if n != len(s.nodes) {
		return s.fail(fmt.Errorf("answered %d histograms for %d nodes", n, len(s.nodes)))
	}
	return s.err
}

// Node returns the bins to add the k-th histogram into (values of
// zig-zagged bit length b are counted with CountLens) after checking its
// node id and width; rows and totals are added.
func (s *HistSum) Node(k int, node int32, width int, rows int64, total [2]int64) ([]int64, error) {
	if k < 0 || k >= len(s.nodes) || node != s.nodes[k] {
		return nil, s.fail(fmt.Errorf("sent a histogram of node %d where node %d was asked for", node, s.nodes[min(max(k, 0), len(s.nodes)-1)]))
	}
	if width != s.width {
		return nil, s.fail(fmt.Errorf("sent a histogram of %d values, expected %d (are its cuts the session's?)", width, s.width))
	}
	s.rows[k] += rows
	s.total[k][0] += total[0]
	s.total[k][1] += total[1]
	s.wire += int64(24 + width)
	return s.bins[k], nil
}

// CountLens adds counts of zig-zagged non-zero values by bit length
// (lens[b] values of bit length b; lens[0], zeros, is ignored) for the
// wire-size estimate.
func (s *HistSum) CountLens(lens *[65]int64) {
	for b := 1; b < len(lens); b++ {
		s.lens[b] += lens[b]
	}
}

// Unlock ends one holder's histograms; err, when not nil, spoils the sum.
func (s *HistSum) Unlock(err error) {
	if err != nil {
		s.fail(err)
	}
	s.added++
	s.mu.Unlock()
}

// fail records the first error (under the lock).
func (s *HistSum) fail(err error) error {
	if s.err == nil {
		s.err = err
	}
	return s.err
}

// AddHists adds one holder's histograms of the sum's nodes, in order (what
// the driver does with the reply of a holder that is not a SumHolder).
func (s *HistSum) AddHists(r *HistResponse) error {
	n := 0
	if r != nil {
		n = len(r.Hists)
	}
	if err := s.Lock(n); err != nil {
		s.Unlock(nil)
		return err
	}
	var err error
	for k := range r.Hists {
		nh := &r.Hists[k]
		var dst []int64
		if dst, err = s.Node(k, nh.Node, len(nh.Bins), nh.Rows, nh.Total); err != nil {
			break
		}
		for i, v := range nh.Bins[:len(dst)] {
			dst[i] += v
		}
		s.wire += nh.wireSize() - int64(24+len(nh.Bins))
	}
	s.Unlock(err)
	return err
}

// WireBytes estimates the added histograms' size on the wire as
// Traffic.HistBytes counts it (protobuf's: a byte a value, more for
// large values).
func (s *HistSum) WireBytes() int64 {
	n := s.wire
	for b := 1; b < len(s.lens); b++ {
		n += s.lens[b] * int64(varintExtra[b&63])
	}
	return n
}

// takeSum checks that every holder added its histograms of ids into sum
// and stores the sums in the nodes (the root's totals appended as two
// trailing values, as mergeHists does).
func (d *driver) takeSum(sum *HistSum, nodes []buildNode, ids []int32) error {
	sum.mu.Lock()
	defer sum.mu.Unlock()
	if sum.err != nil {
		return sum.err
	}
	if sum.added != len(d.holders) {
		return fmt.Errorf("%d of %d holders sent their histograms", sum.added, len(d.holders))
	}
	for k, id := range ids {
		h := sum.bins[k]
		if id == 0 {
			h = append(h, sum.total[k][0], sum.total[k][1])
		}
		nodes[id].hist = h
	}
	d.traffic.HistBytes += sum.WireBytes()
	return nil
}
