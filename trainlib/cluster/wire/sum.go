package wire

import (
	"encoding/binary"
	"fmt"
	"math/bits"

	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// HistsInto receives a gbdt.HistResponse on the driver by adding its
// histograms into Sum as they are decoded (gbdt.SumHolder), instead of
// into histograms of its own: the bytes on the wire are those of a
// gbdt.HistResponse.
type HistsInto struct {
	Sum     *gbdt.HistSum
	decoded bool
}

// Decoded reports that the reply was decoded, so its histograms are in
// Sum: a retry of the call would add them twice.
func (h *HistsInto) Decoded() bool { return h.decoded }

// SplitsInto receives a gbdt.SplitResponse as HistsInto does: row counts
// into Resp, histograms added into Sum.
type SplitsInto struct {
	Resp    gbdt.SplitResponse
	Sum     *gbdt.HistSum
	decoded bool
}

// Decoded reports that the reply was decoded (see HistsInto.Decoded).
func (s *SplitsInto) Decoded() bool { return s.decoded }

// histsInto decodes histograms written by writer.hists into sum, with
// the checks of reader.hists, holding the sum's lock throughout.
func (r *reader) histsInto(sum *gbdt.HistSum) {
	n := r.count(5)
	if r.err != nil {
		return
	}
	if err := sum.Lock(max(n, 0)); err != nil {
		sum.Unlock(nil)
		r.fail(err)
		return
	}
	var lens [65]int64
	for k := range max(n, 0) {
		node, rows := r.int32(), r.int()
		var total [2]int64
		total[0], total[1] = r.int(), r.int()
		width := r.uint()
		if r.err != nil {
			break
		}
		if width > 0 {
			width--
		}
		if width > uint64(r.values) {
			r.fail(fmt.Errorf("a histogram of %d values (at most %d in a message)", width, r.values))
			break
		}
		dst, err := sum.Node(k, node, int(width), rows, total)
		if err != nil {
			r.fail(err)
			break
		}
		r.values -= int(width)
		pairs := (width + 1) / 2
		nz := r.uint()
		if r.err != nil {
			break
		}
		if nz > pairs || nz > uint64(len(r.buf)/3) {
			r.fail(fmt.Errorf("%d non-empty bins of %d", nz, pairs))
			break
		}
		if err := addBins(r.buf, dst, nz, &r.buf, &lens); err != nil {
			r.fail(err)
			break
		}
	}
	sum.CountLens(&lens)
	sum.Unlock(r.err)
}

// addBins decodes nz non-empty bins (see writer.hists) from buf, adds
// them into bins (a fresh histogram's zeros, or a running sum), counts
// the zig-zagged values by bit length in lens (for the wire-size
// estimate) and leaves the rest of buf in rest. A value with 8 bytes of
// buf after its start is read with one load and masked to its length:
// the driver decodes every worker's histograms of every level, on the
// tree's critical path.
func addBins(buf []byte, bins []int64, nz uint64, rest *[]byte, lens *[65]int64) error {
	pairs := uint64(len(bins)+1) / 2
	at := uint64(0)
	i := 0
	for range nz {
		if i >= len(buf) {
			return errShort
		}
		gap := uint64(buf[i])
		if gap < 0x80 {
			i++
		} else {
			var n int
			if gap, n = binary.Uvarint(buf[i:]); n <= 0 {
				return fmt.Errorf("bad varint")
			}
			i += n
		}
		if gap >= pairs-at {
			return fmt.Errorf("a bin past the histogram's end")
		}
		at += gap
		if i >= len(buf) {
			return errShort
		}
		lg, ls := int(buf[i]&15), int(buf[i]>>4)
		i++
		if lg > 8 || ls > 8 {
			return fmt.Errorf("a value of more than 8 bytes")
		}
		if i+lg+ls > len(buf) {
			return errShort
		}
		zg, zs := loadLE(buf, i, lg), loadLE(buf, i+lg, ls)
		i += lg + ls
		lens[bits.Len64(zg)]++
		lens[bits.Len64(zs)]++
		bins[2*at] += int64(zg>>1) ^ -int64(zg&1)
		if 2*at+1 < uint64(len(bins)) {
			bins[2*at+1] += int64(zs>>1) ^ -int64(zs&1)
		} else if zs != 0 {
			return fmt.Errorf("a value past the histogram's end")
		}
		at++
	}
	*rest = buf[i:]
	return nil
}
