package gbdt

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/gotrain/gotrain/trainlib/data"
)

// TrainSet is the Set name of training shards; ValSet is the validation
// set's, the one name validation goes by everywhere (the job's and tune's
// eval set, their "val-logloss" metrics, gotrain fit --val).
const (
	TrainSet = "train"
	ValSet   = "val"
)

// Shard is one piece of a data set handed to a LocalHolder: Set is
// TrainSet or an eval set's name, Index its position in that set's shard
// list (shard order decides the cuts and the sums), Data its rows.
type Shard struct {
	Set   string
	Index int
	Data  *data.Dataset
}

// LocalHolder holds shards in process and does the row-level work over
// them on parallel goroutines. Its binned training shards serve any number
// of sessions, concurrently.
type LocalHolder struct {
	shards []*localShard

	mu       sync.Mutex
	cuts     *Cuts
	fp       uint64
	sessions map[SessionID]*session
	threads  int
	// denseOnly keeps dense bins whatever the data (tests compare both).
	denseOnly bool
}

// localShard is a shard with its binned values (training shards only).
type localShard struct {
	info ShardInfo
	data *data.Dataset
	// bins holds Rows×Features bin codes, row by row (for histograms);
	// nil when sparse.
	bins   []uint8
	sparse *sparseBins
	// cols holds the same bin codes column by column (feature f's codes
	// are cols[f*Rows:(f+1)*Rows]), for routing rows: a split reads one
	// feature of a node's rows in ascending order, which this layout
	// streams where the row-major one touches a cache line per row.
	cols []uint8
	// off, nb and def describe the binning for binAt: each feature's first
	// global bin, its bin count and (sparse only) its left-out bin.
	off, nb []int
	def     []uint8
	// evalBins holds an eval shard's bin codes, row by row, for walking
	// new trees over its rows (walkEval); nil for training shards and
	// when a feature with 256 cuts has a NaN (its code would not fit).
	evalBins []uint8
}

// NewLocalHolder returns a holder of shards using at most threads
// goroutines per call (0 means GOMAXPROCS). Training shards must have
// labels.
func NewLocalHolder(shards []Shard, threads int) (*LocalHolder, error) {
	if threads <= 0 {
		threads = runtime.GOMAXPROCS(0)
	}
	h := &LocalHolder{sessions: map[SessionID]*session{}, threads: threads}
	for _, s := range shards {
		if s.Data == nil {
			return nil, fmt.Errorf("gbdt: shard %d of %s has no data", s.Index, s.Set)
		}
		if s.Data.Label == nil || len(s.Data.Label) != s.Data.Rows {
			return nil, fmt.Errorf("gbdt: shard %d of %s has no label column; load it with a label", s.Index, s.Set)
		}
		if s.Data.Weight != nil && len(s.Data.Weight) != s.Data.Rows {
			return nil, fmt.Errorf("gbdt: shard %d of %s has %d weights for %d rows", s.Index, s.Set, len(s.Data.Weight), s.Data.Rows)
		}
		sum, wsum := 0.0, float64(s.Data.Rows)
		if s.Data.Weight == nil {
			for _, y := range s.Data.Label {
				sum += float64(y)
			}
		} else {
			wsum = 0
			for r, y := range s.Data.Label {
				w := s.Data.Weight[r]
				if !(w >= 0) || math.IsInf(float64(w), 0) {
					return nil, fmt.Errorf("gbdt: shard %d of %s, row %d: weight %v; weights must be finite and ≥ 0", s.Index, s.Set, r+1, w)
				}
				sum += float64(y) * float64(w)
				wsum += float64(w)
			}
		}
		h.shards = append(h.shards, &localShard{
			info: ShardInfo{Set: s.Set, Index: s.Index, Rows: s.Data.Rows, Features: s.Data.Cols, LabelSum: sum, WeightSum: wsum,
				Names: s.Data.Names, Categories: s.Data.Categories},
			data: s.Data,
		})
	}
	return h, nil
}

// Shards implements Holder.
func (h *LocalHolder) Shards(ctx context.Context) ([]ShardInfo, error) {
	out := make([]ShardInfo, len(h.shards))
	for i, s := range h.shards {
		out[i] = s.info
	}
	return out, nil
}

// Summaries implements Holder.
func (h *LocalHolder) Summaries(ctx context.Context, req SummaryRequest) ([]ShardSummary, error) {
	var sel []*localShard
	for _, s := range h.shards {
		if s.info.Set == req.Set {
			sel = append(sel, s)
		}
	}
	out := make([]ShardSummary, len(sel))
	type job struct{ s, f int }
	var jobs []job
	for i, s := range sel {
		out[i] = ShardSummary{Index: s.info.Index, Features: make([]Summary, s.data.Cols)}
		for f := 0; f < s.data.Cols; f++ {
			jobs = append(jobs, job{i, f})
		}
	}
	// One column buffer and sort scratch per goroutine: the sketch's
	// garbage was what made the heap grow beyond the data.
	cols := make([][]float32, h.threads)
	scratch := make([]sortScratch, h.threads)
	err := parallelFor(ctx, h.threads, len(jobs), func(w, t int) {
		j := jobs[t]
		d := sel[j.s].data
		if cap(cols[w]) < d.Rows {
			cols[w] = make([]float32, d.Rows)
		}
		col := cols[w][:d.Rows]
		for r := range col {
			col[r] = d.Values[r*d.Cols+j.f]
		}
		if d.Weight != nil {
			out[j.s].Features[j.f] = summarizeWeighted(col, d.Weight, req.Size)
			return
		}
		out[j.s].Features[j.f] = summarizeInPlace(col, req.Size, &scratch[w])
	})
	return out, err
}

// SetCuts implements Holder: it bins the training shards.
func (h *LocalHolder) SetCuts(ctx context.Context, cuts *Cuts) error {
	fp := cuts.Fingerprint()
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cuts != nil && h.fp == fp {
		return nil
	}
	if len(h.sessions) > 0 {
		return fmt.Errorf("gbdt: the holder's shards are binned with other cuts, used by %d running sessions; trainings that share holders must share cuts (the same max_bin), or end the other sessions first", len(h.sessions))
	}
	for f := range cuts.Values {
		if cuts.NumBins(f) > 256 {
			return fmt.Errorf("gbdt: feature %d has %d bins; at most 256 fit a byte (lower max_bin)", f, cuts.NumBins(f))
		}
	}
	keys := cutKeys(cuts)
	for _, s := range h.shards {
		if s.info.Set != TrainSet {
			if err := s.binEval(ctx, cuts, keys, h.threads); err != nil {
				return err
			}
			continue
		}
		if s.data.Cols != len(cuts.Values) {
			return fmt.Errorf("gbdt: shard %d has %d features but the cuts have %d", s.info.Index, s.data.Cols, len(cuts.Values))
		}
		bins := make([]uint8, s.data.Rows*s.data.Cols)
		d := s.data
		const chunk = 4096
		n := (d.Rows + chunk - 1) / chunk
		err := parallelFor(ctx, h.threads, n, func(_, t int) {
			binRows(bins, d, keys, t*chunk, min((t+1)*chunk, d.Rows))
		})
		if err != nil {
			return err
		}
		cols := make([]uint8, len(bins))
		err = parallelFor(ctx, h.threads, n, func(_, t int) {
			transposeRows(cols, bins, d.Rows, d.Cols, t*chunk, min((t+1)*chunk, d.Rows))
		})
		if err != nil {
			return err
		}
		s.bins, s.sparse, s.cols = bins, nil, cols
	}
	def, err := h.maybeSparsify(ctx, cuts)
	if err != nil {
		return err
	}
	off, _ := cuts.Offsets()
	nb := make([]int, len(off))
	for f := range nb {
		nb[f] = cuts.NumBins(f)
	}
	for _, s := range h.shards {
		s.off, s.nb, s.def = off, nb, def
	}
	h.cuts, h.fp = cuts, fp
	return nil
}

// session returns the state of session id.
func (h *LocalHolder) session(id SessionID) (*session, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.sessions[id]
	if !ok {
		return nil, fmt.Errorf("gbdt: session %q is unknown on this holder; start it first (StartSession)", id)
	}
	return s, nil
}

// EndSession implements Holder.
func (h *LocalHolder) EndSession(ctx context.Context, id SessionID) error {
	h.mu.Lock()
	delete(h.sessions, id)
	h.mu.Unlock()
	return nil
}

// binEval bins an eval shard's rows with cuts (keys are their cutKeys),
// for walkEval; it leaves evalBins nil when the shard's columns differ
// from the cuts' or a NaN's code would not fit a byte (a feature with
// 256 cuts has a NaN), and walkEval then walks the raw values.
func (s *localShard) binEval(ctx context.Context, cuts *Cuts, keys [][]uint32, threads int) error {
	s.evalBins = nil
	d := s.data
	if d.Cols != len(cuts.Values) {
		return nil
	}
	for f, cs := range cuts.Values {
		if len(cs) < 256 {
			continue
		}
		for r := 0; r < d.Rows; r++ {
			if v := d.Values[r*d.Cols+f]; v != v {
				return nil
			}
		}
	}
	bins := make([]uint8, d.Rows*d.Cols)
	const chunk = 4096
	err := parallelFor(ctx, threads, (d.Rows+chunk-1)/chunk, func(_, t int) {
		binRows(bins, d, keys, t*chunk, min((t+1)*chunk, d.Rows))
	})
	if err != nil {
		return err
	}
	s.evalBins = bins
	return nil
}

// binRows writes the bin codes of rows [lo, hi) of d into bins; keys are
// the cuts' keys (cutKeys).
func binRows(bins []uint8, d *data.Dataset, keys [][]uint32, lo, hi int) {
	nf := d.Cols
	for r := lo; r < hi; r++ {
		row := d.Values[r*nf : (r+1)*nf]
		out := bins[r*nf : (r+1)*nf]
		for f, v := range row {
			ks := keys[f]
			if v != v {
				out[f] = uint8(len(ks))
			} else {
				out[f] = uint8(binOf(ks, int64(floatKey(v))))
			}
		}
	}
}

// transposeRows copies rows [lo, hi) of the row-major codes bins (rows ×
// nf) into the column-major cols.
func transposeRows(cols, bins []uint8, rows, nf, lo, hi int) {
	for r := lo; r < hi; r++ {
		for f, b := range bins[r*nf : (r+1)*nf] {
			cols[f*rows+r] = b
		}
	}
}
