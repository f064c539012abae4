package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"

	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// The messages of a tree's inner loop — gradients, histograms, splits and
// the finished tree with its evaluation — travel in a compact binary form
// written by hand instead of gob: every gob message carries its types'
// descriptions, which the other side compiles into a decoder anew for
// each message, and a histogram spends a byte on every empty bin. These
// messages start with binaryMark, a byte no gob message starts with (gob
// begins with the message's length, never 0), so Unmarshal tells the two
// forms apart and every other message stays gob.
//
// Integers are varints (zig-zag for signed ones), float64s and float32s
// their IEEE bits, little-endian; a slice is its length plus one (0 for a
// nil slice) and its elements; a string its length and bytes. A histogram
// sends only its non-empty bins: each as the count of empty bins skipped
// before it (a varint), a byte holding the lengths in bytes of its
// zig-zagged gradient and hessian sums (low and high nibble, 0 to 8), and
// those bytes, little-endian: fixed-point sums are long numbers of random
// length, which a loop over varint bytes decodes at a branch misprediction
// each, while these lengths let encoder and decoder move each value with
// one 8-byte store or load.
const binaryMark = 0

// MaxHistValues caps the histogram values one message may decode to (its
// empty bins take no bytes, so the message size alone does not bound
// them): the count the default message size allows as gob.
const MaxHistValues = 64 << 20

// marshalBinary returns v's binary form, or ok false when v's type
// travels as gob.
func marshalBinary(v any) (b []byte, ok bool, err error) {
	w := writer{buf: make([]byte, 1, 64)}
	w.buf[0] = binaryMark
	switch m := v.(type) {
	case *GradientsRequest:
		w.int(int64(m.Group))
		r := &m.Req
		w.str(string(r.Session))
		w.int(int64(r.Round))
		w.int(int64(r.Group))
		w.f64(r.Subsample)
		w.uint(r.Seed)
	case *GradientsResponse:
		w.int(m.Stats.Rows)
		w.f64(m.Stats.MaxAbsGrad)
		w.f64(m.Stats.MaxHess)
	case *HistRequest:
		w.int(int64(m.Group))
		w.str(string(m.Req.Session))
		w.int(int64(m.Req.Round))
		w.f64(m.Req.Scale)
		w.int32s(m.Req.Nodes)
	case *gbdt.HistResponse:
		w.hists(m.Hists)
	case *SplitRequest:
		w.int(int64(m.Group))
		w.str(string(m.Req.Session))
		w.splits(m.Req.Splits)
		w.int32s(m.Req.Build)
		w.int(int64(m.Req.Round))
		w.f64(m.Req.Scale)
	case *gbdt.SplitResponse:
		w.int64s(m.LeftRows)
		w.int64s(m.RightRows)
		w.hists(m.Hists)
	case *FinishRequest:
		w.int(int64(m.Group))
		r := &m.Req
		w.str(string(r.Session))
		w.int(int64(r.Round))
		w.int(int64(r.Group))
		w.tree(&r.Tree)
		w.strs(r.Sets)
		w.strs(r.Metrics)
	case *gbdt.EvalResponse:
		w.evals(m.Shards)
	default:
		return nil, false, nil
	}
	return w.buf, true, nil
}

// unmarshalBinary decodes b (which starts with binaryMark) into v.
func unmarshalBinary(b []byte, v any) error {
	r := reader{buf: b[1:], values: MaxHistValues}
	switch m := v.(type) {
	case *GradientsRequest:
		*m = GradientsRequest{Group: r.intn()}
		q := &m.Req
		q.Session = gbdt.SessionID(r.str())
		q.Round, q.Group = r.intn(), r.intn()
		q.Subsample, q.Seed = r.f64(), r.uint()
	case *GradientsResponse:
		*m = GradientsResponse{}
		m.Stats.Rows, m.Stats.MaxAbsGrad, m.Stats.MaxHess = r.int(), r.f64(), r.f64()
	case *HistRequest:
		*m = HistRequest{Group: r.intn()}
		m.Req.Session = gbdt.SessionID(r.str())
		m.Req.Round = r.intn()
		m.Req.Scale = r.f64()
		m.Req.Nodes = r.int32s()
	case *gbdt.HistResponse:
		*m = gbdt.HistResponse{Hists: r.hists()}
	case *SplitRequest:
		*m = SplitRequest{Group: r.intn()}
		m.Req.Session = gbdt.SessionID(r.str())
		m.Req.Splits = r.splits()
		m.Req.Build = r.int32s()
		m.Req.Round = r.intn()
		m.Req.Scale = r.f64()
	case *gbdt.SplitResponse:
		*m = gbdt.SplitResponse{LeftRows: r.int64s()}
		m.RightRows = r.int64s()
		m.Hists = r.hists()
	case *HistsInto:
		r.histsInto(m.Sum)
		m.decoded = r.err == nil
	case *SplitsInto:
		m.Resp = gbdt.SplitResponse{LeftRows: r.int64s()}
		m.Resp.RightRows = r.int64s()
		r.histsInto(m.Sum)
		m.decoded = r.err == nil
	case *FinishRequest:
		*m = FinishRequest{Group: r.intn()}
		q := &m.Req
		q.Session = gbdt.SessionID(r.str())
		q.Round, q.Group = r.intn(), r.intn()
		r.tree(&q.Tree)
		q.Sets, q.Metrics = r.strs(), r.strs()
	case *gbdt.EvalResponse:
		*m = gbdt.EvalResponse{Shards: r.evals()}
	default:
		return fmt.Errorf("a binary message for %T, which travels as gob", v)
	}
	if r.err == nil && len(r.buf) > 0 {
		r.err = fmt.Errorf("%d bytes left over", len(r.buf))
	}
	return r.err
}

// writer appends a message's binary form to buf.
type writer struct{ buf []byte }

func (w *writer) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *writer) int(v int64)   { w.buf = binary.AppendVarint(w.buf, v) }
func (w *writer) f64(v float64) { w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v)) }
func (w *writer) f32(v float32) { w.buf = binary.LittleEndian.AppendUint32(w.buf, math.Float32bits(v)) }

func (w *writer) bool(v bool) {
	if v {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

func (w *writer) str(s string) {
	w.uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

// count writes a slice's length plus one, or 0 for nil.
func (w *writer) count(n int, isNil bool) {
	if isNil {
		w.uint(0)
		return
	}
	w.uint(uint64(n) + 1)
}

func (w *writer) strs(v []string) {
	w.count(len(v), v == nil)
	for _, s := range v {
		w.str(s)
	}
}

func (w *writer) int32s(v []int32) {
	w.count(len(v), v == nil)
	for _, x := range v {
		w.int(int64(x))
	}
}

func (w *writer) int64s(v []int64) {
	w.count(len(v), v == nil)
	for _, x := range v {
		w.int(x)
	}
}

func (w *writer) f64s(v []float64) {
	w.count(len(v), v == nil)
	for _, x := range v {
		w.f64(x)
	}
}

func (w *writer) f32s(v []float32) {
	w.count(len(v), v == nil)
	for _, x := range v {
		w.f32(x)
	}
}

func (w *writer) bools(v []bool) {
	w.count(len(v), v == nil)
	for _, x := range v {
		w.bool(x)
	}
}

// hists writes node histograms, each with its non-empty bins only (bins
// are gradient/hessian pairs; an odd last value pairs with a 0). The
// buffer is grown once for all of them, and the bins are appended to a
// local slice: appending through w.buf costs a GC write barrier per value
// while a collection runs, and growing per histogram copied the message
// over and over.
func (w *writer) hists(hs []gbdt.NodeHist) {
	w.count(len(hs), hs == nil)
	nzs := make([]int, len(hs))
	size := 0
	for i := range hs {
		nzs[i] = nonEmptyBins(hs[i].Bins)
		// Six varints of at most 10 bytes, then what appendBins needs.
		size += 60 + binsRoom(nzs[i])
	}
	b := slices.Grow(w.buf, size)
	for i := range hs {
		h := &hs[i]
		b = binary.AppendVarint(b, int64(h.Node))
		b = binary.AppendVarint(b, h.Rows)
		b = binary.AppendVarint(b, h.Total[0])
		b = binary.AppendVarint(b, h.Total[1])
		if h.Bins == nil {
			b = binary.AppendUvarint(b, 0)
			continue
		}
		b = binary.AppendUvarint(b, uint64(len(h.Bins))+1)
		b = binary.AppendUvarint(b, uint64(nzs[i]))
		b = appendBins(b, h.Bins, nzs[i])
	}
	w.buf = b
}

// binsRoom is the room appendBins needs for nz non-empty bins: at most
// 27 bytes a bin (a varint gap, the lengths, two values), and 8 bytes of
// slack for the last value's 8-byte store.
func binsRoom(nz int) int { return 27*nz + 8 }

// appendBins appends the nz non-empty bins of bins to b (growing it
// unless hists did already).
func appendBins(b []byte, bins []int64, nz int) []byte {
	b = slices.Grow(b, binsRoom(nz))
	n := len(b)
	// Values are stored 8 bytes at a time, then n advances by their
	// length: the slack past the last value is cut off at the end.
	b = b[:cap(b)]
	gap := uint64(0)
	for k := 0; k < len(bins); k += 2 {
		g, s := bins[k], int64(0)
		if k+1 < len(bins) {
			s = bins[k+1]
		}
		if g == 0 && s == 0 {
			gap++
			continue
		}
		if gap < 0x80 {
			b[n] = byte(gap)
			n++
		} else {
			n += binary.PutUvarint(b[n:], gap)
		}
		zg, zs := zigzag(g), zigzag(s)
		lg, ls := (bits.Len64(zg)+7)/8, (bits.Len64(zs)+7)/8
		b[n] = byte(lg | ls<<4)
		n++
		binary.LittleEndian.PutUint64(b[n:], zg)
		n += lg
		binary.LittleEndian.PutUint64(b[n:], zs)
		n += ls
		gap = 0
	}
	return b[:n]
}

// zigzag maps signed to unsigned values, small magnitudes to small ones.
func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

// nonEmptyBins counts the bins (value pairs, an odd last value with a 0)
// of bins that are not both 0.
func nonEmptyBins(bins []int64) int {
	nz := 0
	k := 0
	for ; k+1 < len(bins); k += 2 {
		if bins[k] != 0 || bins[k+1] != 0 {
			nz++
		}
	}
	if k < len(bins) && bins[k] != 0 {
		nz++
	}
	return nz
}

func (w *writer) splits(ss []gbdt.Split) {
	w.count(len(ss), ss == nil)
	for _, s := range ss {
		w.int(int64(s.Node))
		w.int(int64(s.Feature))
		w.int(int64(s.Bin))
		w.bool(s.DefaultLeft)
		w.int(int64(s.Left))
		w.int(int64(s.Right))
		w.int32s(s.Categories)
	}
}

func (w *writer) tree(t *gbdt.BinTree) {
	w.int32s(t.Feature)
	w.int32s(t.Bin)
	w.bools(t.DefaultLeft)
	w.int32s(t.Left)
	w.int32s(t.Right)
	w.f32s(t.Value)
	w.count(len(t.Categories), t.Categories == nil)
	for _, c := range t.Categories {
		w.int32s(c)
	}
}

func (w *writer) evals(es []gbdt.ShardEval) {
	w.count(len(es), es == nil)
	for _, e := range es {
		w.str(e.Set)
		w.int(int64(e.Index))
		w.int(e.Count)
		w.f64s(e.Sums)
		w.f32s(e.Scores)
		w.f32s(e.Labels)
		w.f32s(e.Weights)
	}
}

// reader decodes a binary message; the first error sticks and later
// reads return zero values. values is what is left of MaxHistValues.
type reader struct {
	buf    []byte
	err    error
	values int
}

var errShort = errors.New("message ends early")

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.buf = nil
}

func (r *reader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.fail(fmt.Errorf("bad varint"))
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *reader) int() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.fail(fmt.Errorf("bad varint"))
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// intn reads an int that must fit an int32 (groups, rounds, indices).
func (r *reader) intn() int {
	v := r.int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail(fmt.Errorf("integer %d out of range", v))
		return 0
	}
	return int(v)
}

func (r *reader) int32() int32 { return int32(r.intn()) }

func (r *reader) f64() float64 {
	if r.err != nil {
		return 0
	}
	if len(r.buf) < 8 {
		r.fail(errShort)
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.buf))
	r.buf = r.buf[8:]
	return v
}

func (r *reader) f32() float32 {
	if r.err != nil {
		return 0
	}
	if len(r.buf) < 4 {
		r.fail(errShort)
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(r.buf))
	r.buf = r.buf[4:]
	return v
}

func (r *reader) bool() bool {
	if r.err != nil {
		return false
	}
	if len(r.buf) < 1 || r.buf[0] > 1 {
		r.fail(fmt.Errorf("bad boolean"))
		return false
	}
	v := r.buf[0] == 1
	r.buf = r.buf[1:]
	return v
}

func (r *reader) str() string {
	n := r.uint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.buf)) {
		r.fail(errShort)
		return ""
	}
	s := string(r.buf[:n])
	r.buf = r.buf[n:]
	return s
}

// count reads a slice length written by writer.count: -1 for nil. Each
// element takes at least size bytes, so a length the rest of the message
// cannot hold is refused before anything is allocated.
func (r *reader) count(size int) int {
	n := r.uint()
	if r.err != nil || n == 0 {
		return -1
	}
	n--
	if n > uint64(len(r.buf)/size) {
		r.fail(fmt.Errorf("a list of %d elements in %d bytes", n, len(r.buf)))
		return -1
	}
	return int(n)
}

func (r *reader) strs() []string {
	n := r.count(1)
	if n < 0 {
		return nil
	}
	v := make([]string, n)
	for i := range v {
		v[i] = r.str()
	}
	return v
}

func (r *reader) int32s() []int32 {
	n := r.count(1)
	if n < 0 {
		return nil
	}
	v := make([]int32, n)
	for i := range v {
		v[i] = r.int32()
	}
	return v
}

func (r *reader) int64s() []int64 {
	n := r.count(1)
	if n < 0 {
		return nil
	}
	v := make([]int64, n)
	for i := range v {
		v[i] = r.int()
	}
	return v
}

func (r *reader) f64s() []float64 {
	n := r.count(8)
	if n < 0 {
		return nil
	}
	v := make([]float64, n)
	for i := range v {
		v[i] = r.f64()
	}
	return v
}

func (r *reader) f32s() []float32 {
	n := r.count(4)
	if n < 0 {
		return nil
	}
	v := make([]float32, n)
	for i := range v {
		v[i] = r.f32()
	}
	return v
}

func (r *reader) bools() []bool {
	n := r.count(1)
	if n < 0 {
		return nil
	}
	v := make([]bool, n)
	for i := range v {
		v[i] = r.bool()
	}
	return v
}

func (r *reader) hists() []gbdt.NodeHist {
	n := r.count(5)
	if n < 0 {
		return nil
	}
	hs := make([]gbdt.NodeHist, n)
	for i := range hs {
		h := &hs[i]
		h.Node, h.Rows = r.int32(), r.int()
		h.Total[0], h.Total[1] = r.int(), r.int()
		width := r.uint()
		if r.err != nil {
			return nil
		}
		if width == 0 {
			continue // nil bins
		}
		width--
		if width > uint64(r.values) {
			r.fail(fmt.Errorf("a histogram of %d values (at most %d in a message)", width, r.values))
			return nil
		}
		r.values -= int(width)
		pairs := (width + 1) / 2
		nz := r.uint()
		if r.err != nil {
			return nil
		}
		if nz > pairs || nz > uint64(len(r.buf)/3) {
			r.fail(fmt.Errorf("%d non-empty bins of %d", nz, pairs))
			return nil
		}
		h.Bins = make([]int64, width)
		var lens [65]int64 // not wanted here
		if err := addBins(r.buf, h.Bins, nz, &r.buf, &lens); err != nil {
			r.fail(err)
			return nil
		}
	}
	return hs
}

// loadLE returns the n ≤ 8 bytes of buf at i (which buf holds) as a
// little-endian number (0 for n = 0: a shift by 64 leaves no bits).
func loadLE(buf []byte, i, n int) uint64 {
	if i+8 <= len(buf) {
		return binary.LittleEndian.Uint64(buf[i:]) & (^uint64(0) >> (64 - 8*uint(n)))
	}
	var v uint64
	for k := n - 1; k >= 0; k-- {
		v = v<<8 | uint64(buf[i+k])
	}
	return v
}

func (r *reader) splits() []gbdt.Split {
	n := r.count(7)
	if n < 0 {
		return nil
	}
	ss := make([]gbdt.Split, n)
	for i := range ss {
		s := &ss[i]
		s.Node, s.Feature, s.Bin = r.int32(), r.int32(), r.int32()
		s.DefaultLeft = r.bool()
		s.Left, s.Right = r.int32(), r.int32()
		s.Categories = r.int32s()
	}
	return ss
}

func (r *reader) tree(t *gbdt.BinTree) {
	t.Feature, t.Bin = r.int32s(), r.int32s()
	t.DefaultLeft = r.bools()
	t.Left, t.Right = r.int32s(), r.int32s()
	t.Value = r.f32s()
	n := r.count(1)
	if n < 0 {
		return
	}
	t.Categories = make([][]int32, n)
	for i := range t.Categories {
		t.Categories[i] = r.int32s()
	}
}

func (r *reader) evals() []gbdt.ShardEval {
	n := r.count(7)
	if n < 0 {
		return nil
	}
	es := make([]gbdt.ShardEval, n)
	for i := range es {
		e := &es[i]
		e.Set = r.str()
		e.Index, e.Count = r.intn(), r.int()
		e.Sums = r.f64s()
		e.Scores, e.Labels, e.Weights = r.f32s(), r.f32s(), r.f32s()
	}
	return es
}
