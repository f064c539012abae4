package cluster

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// remoteHolder is a gbdt.Holder for one shard group, held by one worker at
// a time. It logs what rebuilds the group's state — its loads, the cuts,
// and per session the start, the trees of the finished rounds and the
// calls of the round in progress — so that when its worker is lost it can
// move to another worker, replay the log there, and retry the call: the
// driver sees no fault and the model does not change.
type remoteHolder struct {
	c   *Cluster
	gid int

	moveMu sync.Mutex // serialises moves
	mu     sync.Mutex // guards the fields below
	home   *workerConn
	loads  []wire.LoadRequest
	cuts   *gbdt.Cuts
	logs   map[gbdt.SessionID]*sessionLog
	moves  int
}

// sessionLog is what a session's state on a holder derives from: the
// start, the trees of the rounds finished since, and the round in
// progress call by call. A round has one tree per model output (class or
// quantile), and its first tree's gradients are every output's, taken
// from the margins before the round: so a round in progress is replayed
// as it ran, not rebuilt from its finished trees, whose leaf values would
// already be in the margins the gradients come from.
type sessionLog struct {
	start gbdt.StartRequest
	trees []gbdt.BinTree
	round []treeLog
}

// treeLog is one tree of the round in progress: its gradient request, the
// splits applied since, and, once the tree is finished, the finish.
type treeLog struct {
	grad   gbdt.GradientRequest
	splits []gbdt.SplitRequest
	finish *gbdt.FinishRequest
}

// outputs is the number of trees in a round of the session.
func (l *sessionLog) outputs() int { return max(1, len(l.start.BaseMargins)) }

// current is the tree in progress, nil before the round's first gradients.
func (l *sessionLog) current() *treeLog {
	if len(l.round) == 0 {
		return nil
	}
	return &l.round[len(l.round)-1]
}

// clone copies l deeply enough for a replay outside the lock.
func (l *sessionLog) clone() sessionLog {
	c := sessionLog{start: l.start, trees: slices.Clone(l.trees), round: slices.Clone(l.round)}
	for i := range c.round {
		c.round[i].splits = slices.Clone(c.round[i].splits)
	}
	return c
}

var _ gbdt.SumHolder = (*remoteHolder)(nil)

// worker returns the group's current worker.
func (h *remoteHolder) worker() *workerConn {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.home
}

// do calls method on the group's worker, moving the group to another
// worker and retrying when the worker is lost.
func (h *remoteHolder) do(ctx context.Context, method string, in, out any) error {
	for attempt := 0; ; attempt++ {
		w := h.worker()
		err := w.call(ctx, method, in, out)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if !isLost(err) || attempt >= h.c.maxMoves() {
			return err
		}
		if d, ok := out.(interface{ Decoded() bool }); ok && d.Decoded() {
			// The reply arrived and was added into a histogram sum
			// before the worker was lost: a retry would add it twice.
			// The call's work is done; the group moves at its next call.
			return nil
		}
		if merr := h.move(ctx, w); merr != nil {
			return fmt.Errorf("%v; moving its shards failed: %w", err, merr)
		}
	}
}

// move rebuilds the group on another worker, unless another call moved it
// already.
func (h *remoteHolder) move(ctx context.Context, from *workerConn) error {
	h.moveMu.Lock()
	defer h.moveMu.Unlock()
	if h.worker() != from {
		return nil
	}
	var last error
	for try := 0; try < h.c.maxMoves(); try++ {
		to, err := h.c.replacement(ctx, from)
		if err != nil {
			return err
		}
		if err = h.replay(ctx, to); err == nil {
			h.mu.Lock()
			h.home = to
			h.moves++
			h.mu.Unlock()
			return nil
		}
		if ctx.Err() != nil || !isLost(err) {
			return fmt.Errorf("cluster: rebuild group %d on %s: %w", h.gid, to.addr, err)
		}
		last, from = err, to
	}
	return fmt.Errorf("cluster: rebuild group %d: %w", h.gid, last)
}

// replay rebuilds the group's state on w from the log.
func (h *remoteHolder) replay(ctx context.Context, w *workerConn) error {
	h.mu.Lock()
	loads, cuts := slices.Clone(h.loads), h.cuts
	logs := make(map[gbdt.SessionID]sessionLog, len(h.logs))
	for id, l := range h.logs {
		logs[id] = l.clone()
	}
	h.mu.Unlock()
	if err := w.call(ctx, mDrop, &wire.GroupRequest{Group: h.gid}, &wire.Done{}); err != nil {
		return err
	}
	for i := range loads {
		if err := w.call(ctx, mLoad, &loads[i], &wire.LoadResponse{}); err != nil {
			return err
		}
	}
	if cuts == nil {
		return nil
	}
	if err := w.call(ctx, mSetCuts, &wire.SetCutsRequest{Group: h.gid, Cuts: cuts}, &wire.Done{}); err != nil {
		return err
	}
	for _, l := range logs {
		start := l.start
		start.Trees = append(slices.Clone(start.Trees), l.trees...)
		if err := w.call(ctx, mStart, &wire.StartRequest{Group: h.gid, Req: start}, &wire.Done{}); err != nil {
			return err
		}
		for _, t := range l.round {
			if err := replayTree(ctx, w, h.gid, t); err != nil {
				return err
			}
		}
	}
	return nil
}

// replayTree replays one tree of a round in progress on w: its gradients,
// its splits and, if it was finished, its finish (without the evaluation,
// which the driver already has).
func replayTree(ctx context.Context, w *workerConn, gid int, t treeLog) error {
	if err := w.call(ctx, mGradients, &wire.GradientsRequest{Group: gid, Req: t.grad}, &wire.GradientsResponse{}); err != nil {
		return err
	}
	for _, s := range t.splits {
		if err := w.call(ctx, mSplits, &wire.SplitRequest{Group: gid, Req: s}, &gbdt.SplitResponse{}); err != nil {
			return err
		}
	}
	if t.finish == nil {
		return nil
	}
	fin := *t.finish
	fin.Sets, fin.Metrics = nil, nil
	return w.call(ctx, mFinish, &wire.FinishRequest{Group: gid, Req: fin}, &gbdt.EvalResponse{})
}

// log runs fn on session id's log under the lock.
func (h *remoteHolder) log(id gbdt.SessionID, fn func(l *sessionLog)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if l := h.logs[id]; l != nil {
		fn(l)
	}
}

// Shards implements gbdt.Holder.
func (h *remoteHolder) Shards(ctx context.Context) ([]gbdt.ShardInfo, error) {
	var out wire.ShardsResponse
	err := h.do(ctx, mShards, &wire.GroupRequest{Group: h.gid}, &out)
	return out.Shards, err
}

// Summaries implements gbdt.Holder.
func (h *remoteHolder) Summaries(ctx context.Context, req gbdt.SummaryRequest) ([]gbdt.ShardSummary, error) {
	var out wire.SummariesResponse
	err := h.do(ctx, mSummaries, &wire.SummariesRequest{Group: h.gid, Req: req}, &out)
	return out.Summaries, err
}

// SetCuts implements gbdt.Holder.
func (h *remoteHolder) SetCuts(ctx context.Context, cuts *gbdt.Cuts) error {
	if err := h.do(ctx, mSetCuts, &wire.SetCutsRequest{Group: h.gid, Cuts: cuts}, &wire.Done{}); err != nil {
		return err
	}
	h.mu.Lock()
	h.cuts = cuts
	h.mu.Unlock()
	return nil
}

// StartSession implements gbdt.Holder.
func (h *remoteHolder) StartSession(ctx context.Context, req gbdt.StartRequest) error {
	if err := h.do(ctx, mStart, &wire.StartRequest{Group: h.gid, Req: req}, &wire.Done{}); err != nil {
		return err
	}
	h.mu.Lock()
	h.logs[req.Session] = &sessionLog{start: req}
	h.mu.Unlock()
	return nil
}

// Gradients implements gbdt.Holder.
func (h *remoteHolder) Gradients(ctx context.Context, req gbdt.GradientRequest) (gbdt.GradientStats, error) {
	var out wire.GradientsResponse
	if err := h.do(ctx, mGradients, &wire.GradientsRequest{Group: h.gid, Req: req}, &out); err != nil {
		return out.Stats, err
	}
	h.log(req.Session, func(l *sessionLog) {
		if req.Group == 0 {
			l.round = l.round[:0]
		}
		l.round = append(l.round, treeLog{grad: req})
	})
	return out.Stats, nil
}

// BuildHistograms implements gbdt.Holder.
func (h *remoteHolder) BuildHistograms(ctx context.Context, req gbdt.HistRequest) (*gbdt.HistResponse, error) {
	out := &gbdt.HistResponse{}
	err := h.do(ctx, mHist, &wire.HistRequest{Group: h.gid, Req: req}, out)
	return out, err
}

// BuildHistogramsInto implements gbdt.SumHolder: the histograms are
// added into sum as the reply is decoded.
func (h *remoteHolder) BuildHistogramsInto(ctx context.Context, req gbdt.HistRequest, sum *gbdt.HistSum) error {
	return h.do(ctx, mHist, &wire.HistRequest{Group: h.gid, Req: req}, &wire.HistsInto{Sum: sum})
}

// ApplySplits implements gbdt.Holder.
func (h *remoteHolder) ApplySplits(ctx context.Context, req gbdt.SplitRequest) (*gbdt.SplitResponse, error) {
	out := &gbdt.SplitResponse{}
	if err := h.do(ctx, mSplits, &wire.SplitRequest{Group: h.gid, Req: req}, out); err != nil {
		return nil, err
	}
	h.logSplits(req)
	return out, nil
}

// ApplySplitsInto implements gbdt.SumHolder: the histograms of req.Build
// are added into sum as the reply is decoded.
func (h *remoteHolder) ApplySplitsInto(ctx context.Context, req gbdt.SplitRequest, sum *gbdt.HistSum) (*gbdt.SplitResponse, error) {
	out := &wire.SplitsInto{Sum: sum}
	if err := h.do(ctx, mSplits, &wire.SplitRequest{Group: h.gid, Req: req}, out); err != nil {
		return nil, err
	}
	h.logSplits(req)
	return &out.Resp, nil
}

// logSplits logs applied splits for a replay.
func (h *remoteHolder) logSplits(req gbdt.SplitRequest) {
	// A replay routes the rows again; the histograms are not needed.
	logged := req
	logged.Build = nil
	h.log(req.Session, func(l *sessionLog) {
		if t := l.current(); t != nil {
			t.splits = append(t.splits, logged)
		}
	})
}

// FinishTree implements gbdt.Holder.
func (h *remoteHolder) FinishTree(ctx context.Context, req gbdt.FinishRequest) (*gbdt.EvalResponse, error) {
	out := &gbdt.EvalResponse{}
	if err := h.do(ctx, mFinish, &wire.FinishRequest{Group: h.gid, Req: req}, out); err != nil {
		return nil, err
	}
	h.log(req.Session, func(l *sessionLog) {
		t := l.current()
		if t == nil {
			return
		}
		fin := req
		t.finish = &fin
		if req.Group < l.outputs()-1 {
			return
		}
		// The round is complete: its trees replay as trees from now on.
		for _, t := range l.round {
			if t.finish != nil {
				l.trees = append(l.trees, t.finish.Tree)
			}
		}
		l.round = l.round[:0]
	})
	return out, nil
}

// Residuals implements gbdt.Holder. It changes no state, so it needs no
// log entry.
func (h *remoteHolder) Residuals(ctx context.Context, req gbdt.ResidualRequest) (*gbdt.ResidualResponse, error) {
	out := &gbdt.ResidualResponse{}
	err := h.do(ctx, mResiduals, &wire.ResidualsRequest{Group: h.gid, Req: req}, out)
	return out, err
}

// EndSession implements gbdt.Holder.
func (h *remoteHolder) EndSession(ctx context.Context, id gbdt.SessionID) error {
	h.mu.Lock()
	delete(h.logs, id)
	h.mu.Unlock()
	return h.do(ctx, mEnd, &wire.EndRequest{Group: h.gid, Session: id}, &wire.Done{})
}
