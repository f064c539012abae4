package cluster

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// worker is the state of a `gotrain worker` process: shard groups, each
// with its own gbdt.LocalHolder, and the bookkeeping for status and lease.
type worker struct {
	cpus int

	// ownLease is the worker's own --lease (0: not given, negative:
	// never exit); lastCall is the time (UnixNano) of the last
	// authenticated call; leaseNanos the lease a driver asked for in its
	// hello (0: none), which counts only when the worker has no lease of
	// its own.
	ownLease   time.Duration
	lastCall   atomic.Int64
	leaseNanos atomic.Int64
	busy       atomic.Int32
	helloed    atomic.Bool

	mu      sync.Mutex
	groups  map[int]*group
	lastErr string
}

// group is a set of shards held together, the unit a driver moves from a
// dead worker to a live one.
type group struct {
	shards []gbdt.Shard
	holder *gbdt.LocalHolder
	rows   int64
	names  []string
}

func newWorker(cpus int, lease time.Duration) *worker {
	if cpus <= 0 {
		cpus = runtime.GOMAXPROCS(0)
	}
	w := &worker{cpus: cpus, ownLease: lease, groups: map[int]*group{}}
	w.touch()
	return w
}

// touch records a call from the driver, renewing the lease.
func (w *worker) touch() { w.lastCall.Store(time.Now().UnixNano()) }

// noteErr keeps the last error for Status.
func (w *worker) noteErr(method string, err error) {
	w.mu.Lock()
	w.lastErr = method + ": " + err.Error()
	w.mu.Unlock()
}

// holder returns group g's holder.
func (w *worker) holder(g int) (*gbdt.LocalHolder, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	gr, ok := w.groups[g]
	if !ok || gr.holder == nil {
		return nil, fmt.Errorf("cluster: worker holds no group %d: load its shards first", g)
	}
	return gr.holder, nil
}

func (w *worker) hello(_ context.Context, in *wire.HelloRequest) (*wire.HelloResponse, error) {
	if in.Protocol != wire.ProtocolVersion {
		return nil, fmt.Errorf("cluster: protocol version mismatch: the worker speaks v%d, the driver v%d: run the same gotrain version on both sides", wire.ProtocolVersion, in.Protocol)
	}
	w.helloed.Store(true)
	w.touch()
	if in.LeaseMillis > 0 {
		w.leaseNanos.Store(in.LeaseMillis * int64(time.Millisecond))
	}
	return &wire.HelloResponse{Protocol: wire.ProtocolVersion, PID: os.Getpid(), CPUs: w.cpus}, nil
}

func (w *worker) ping(_ context.Context, in *wire.PingRequest) (*wire.PingResponse, error) {
	return &wire.PingResponse{Seq: in.Seq}, nil
}

func (w *worker) glob(_ context.Context, in *wire.GlobRequest) (*wire.GlobResponse, error) {
	files, err := data.Glob(in.Pattern)
	if err != nil {
		return nil, err
	}
	return &wire.GlobResponse{Files: files}, nil
}

// load reads the requested files, checks rows sent by the driver, and
// rebuilds the group's holder over all its shards.
func (w *worker) load(ctx context.Context, in *wire.LoadRequest) (*wire.LoadResponse, error) {
	var paths []string
	for _, s := range in.Shards {
		if s.Data == nil && s.Path == "" {
			return nil, fmt.Errorf("cluster: shard %d of %q has neither a path nor data", s.Index, s.Set)
		}
		if s.Data != nil {
			if err := checkDataset(s.Data); err != nil {
				return nil, fmt.Errorf("cluster: shard %d of %q: %w", s.Index, s.Set, err)
			}
		} else {
			paths = append(paths, s.Path)
		}
	}
	in.Options.Parallel = min(max(in.Options.Parallel, 1), w.cpus)
	var loaded []*data.Dataset
	var label []string
	var counts []int
	if len(paths) > 0 {
		var schema *data.Schema
		var err error
		if loaded, schema, err = data.LoadFiles(ctx, paths, in.Options); err != nil {
			var one *data.OneLabelValueError
			if errors.As(err, &one) {
				return &wire.LoadResponse{Label: []string{one.Value}, LabelCounts: []int{one.Count}, Undecided: true}, nil
			}
			return nil, err
		}
		if pos, neg, ok := schema.Positive(); ok {
			label, counts = []string{neg, pos}, labelCounts(loaded)
		}
	}
	w.mu.Lock()
	old := w.groups[in.Group]
	w.mu.Unlock()
	var shards []gbdt.Shard
	var names []string
	var cats [][]string
	if old != nil {
		shards, names = slices.Clone(old.shards), old.names
	}
	k := 0
	for _, s := range in.Shards {
		d := s.Data
		if d == nil {
			d = loaded[k]
			k++
		}
		if names == nil {
			names = d.Names
		}
		if cats == nil {
			cats = d.Categories
		}
		shards = append(shards, gbdt.Shard{Set: s.Set, Index: s.Index, Data: d})
	}
	h, err := gbdt.NewLocalHolder(shards, w.cpus)
	if err != nil {
		return nil, err
	}
	g := &group{shards: shards, holder: h, names: names}
	for _, s := range shards {
		g.rows += int64(s.Data.Rows)
	}
	w.mu.Lock()
	w.groups[in.Group] = g
	w.mu.Unlock()
	return &wire.LoadResponse{Rows: g.rows, Features: len(names), Names: names, Categories: cats, Label: label, LabelCounts: counts}, nil
}

// labelCounts counts the rows of ds whose label is 0 and 1.
func labelCounts(ds []*data.Dataset) []int {
	counts := make([]int, 2)
	for _, d := range ds {
		for _, l := range d.Label {
			if l == 1 {
				counts[1]++
			} else {
				counts[0]++
			}
		}
	}
	return counts
}

// checkDataset rejects a Dataset whose sizes disagree, before anything
// indexes it.
func checkDataset(d *data.Dataset) error {
	if d.Rows < 0 || d.Cols < 0 || int64(d.Rows)*int64(d.Cols) != int64(len(d.Values)) {
		return fmt.Errorf("%d values for %d rows × %d columns", len(d.Values), d.Rows, d.Cols)
	}
	if d.Label != nil && len(d.Label) != d.Rows {
		return fmt.Errorf("%d labels for %d rows", len(d.Label), d.Rows)
	}
	if d.Names != nil && len(d.Names) != d.Cols {
		return fmt.Errorf("%d names for %d columns", len(d.Names), d.Cols)
	}
	return nil
}

func (w *worker) drop(_ context.Context, in *wire.GroupRequest) (*wire.Done, error) {
	w.mu.Lock()
	if in.Group < 0 {
		clear(w.groups)
	} else {
		delete(w.groups, in.Group)
	}
	w.mu.Unlock()
	return &wire.Done{OK: true}, nil
}

func (w *worker) shards(ctx context.Context, in *wire.GroupRequest) (*wire.ShardsResponse, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	s, err := h.Shards(ctx)
	return &wire.ShardsResponse{Shards: s}, err
}

func (w *worker) summaries(ctx context.Context, in *wire.SummariesRequest) (*wire.SummariesResponse, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	if in.Req.Size < 2 || in.Req.Size > 1<<20 {
		return nil, fmt.Errorf("cluster: summary size %d is out of range [2, %d]", in.Req.Size, 1<<20)
	}
	s, err := h.Summaries(ctx, in.Req)
	return &wire.SummariesResponse{Summaries: s}, err
}

func (w *worker) setCuts(ctx context.Context, in *wire.SetCutsRequest) (*wire.Done, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	if in.Cuts == nil || len(in.Cuts.HasMissing) != len(in.Cuts.Values) {
		return nil, fmt.Errorf("cluster: malformed cuts: one HasMissing flag per feature needed")
	}
	for f, vs := range in.Cuts.Values {
		if len(vs) == 0 {
			return nil, fmt.Errorf("cluster: malformed cuts: feature %d has no cut", f)
		}
	}
	return &wire.Done{OK: true}, h.SetCuts(ctx, in.Cuts)
}

func (w *worker) start(ctx context.Context, in *wire.StartRequest) (*wire.Done, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	if in.Req.Threads <= 0 || in.Req.Threads > w.cpus {
		in.Req.Threads = w.cpus
	}
	return &wire.Done{OK: true}, h.StartSession(ctx, in.Req)
}

func (w *worker) gradients(ctx context.Context, in *wire.GradientsRequest) (*wire.GradientsResponse, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	st, err := h.Gradients(ctx, in.Req)
	return &wire.GradientsResponse{Stats: st}, err
}

func (w *worker) hist(ctx context.Context, in *wire.HistRequest) (*gbdt.HistResponse, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	return h.BuildHistograms(ctx, in.Req)
}

func (w *worker) splits(ctx context.Context, in *wire.SplitRequest) (*gbdt.SplitResponse, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	return h.ApplySplits(ctx, in.Req)
}

func (w *worker) finish(ctx context.Context, in *wire.FinishRequest) (*gbdt.EvalResponse, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	return h.FinishTree(ctx, in.Req)
}

func (w *worker) residuals(ctx context.Context, in *wire.ResidualsRequest) (*gbdt.ResidualResponse, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	return h.Residuals(ctx, in.Req)
}

func (w *worker) end(ctx context.Context, in *wire.EndRequest) (*wire.Done, error) {
	h, err := w.holder(in.Group)
	if err != nil {
		return nil, err
	}
	return &wire.Done{OK: true}, h.EndSession(ctx, in.Session)
}

func (w *worker) status(_ context.Context, _ *wire.StatusRequest) (*wire.StatusResponse, error) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	w.mu.Lock()
	defer w.mu.Unlock()
	st := &wire.StatusResponse{PID: os.Getpid(), CPUs: w.cpus, MemBytes: ms.HeapAlloc, Busy: int(w.busy.Load()), LastErr: w.lastErr}
	for id, g := range w.groups {
		st.Groups = append(st.Groups, id)
		st.Shards += len(g.shards)
		st.Rows += g.rows
	}
	slices.Sort(st.Groups)
	return st, nil
}

// lease is how long the worker waits for a silent driver before it exits
// (0: forever). The worker's own --lease is its word: a driver cannot
// extend or shorten it, and a negative one keeps the worker up for the
// next driver. Without one, the lease the driver asked for holds, else a
// minute.
func (w *worker) lease() time.Duration {
	switch {
	case w.ownLease < 0:
		return 0
	case w.ownLease > 0:
		return w.ownLease
	case w.leaseNanos.Load() > 0:
		return time.Duration(w.leaseNanos.Load())
	}
	return time.Minute
}

// everHello reports whether a driver has said hello (the lease runs only
// then, so a standing worker waits for its first driver forever).
func (w *worker) everHello() bool { return w.helloed.Load() }
