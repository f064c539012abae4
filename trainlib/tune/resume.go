package tune

import (
	"context"
	"sync"

	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// continuing wraps one holder for one trial attempt that continues from
// a checkpoint: the session starts from the checkpoint's trees, round
// numbers are shifted by the rounds already done (row subsampling hashes
// the round, so the continuation samples as an uninterrupted run), and
// the first holder records each finished tree in bin space for the next
// checkpoint.
//
// colsample_bytree below 1 draws features in the driver from the round
// number the driver sees, which restarts at 0: such trials continue, but
// not tree for tree.
type continuing struct {
	gbdt.Holder
	prefix []gbdt.BinTree
	offset int
	rec    *treeLog // nil on every holder but the first
}

// treeLog collects the bin trees one attempt finished.
type treeLog struct {
	mu    sync.Mutex
	trees []gbdt.BinTree
}

func (l *treeLog) add(t gbdt.BinTree) {
	l.mu.Lock()
	l.trees = append(l.trees, t)
	l.mu.Unlock()
}

func (l *treeLog) last() gbdt.BinTree {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.trees[len(l.trees)-1]
}

// wrapHolders returns holders continuing from prefix after offset rounds,
// recording finished trees into rec.
func wrapHolders(hs []gbdt.Holder, prefix []gbdt.BinTree, rec *treeLog) []gbdt.Holder {
	out := make([]gbdt.Holder, len(hs))
	for i, h := range hs {
		c := &continuing{Holder: h, prefix: prefix, offset: len(prefix)}
		if i == 0 {
			c.rec = rec
		}
		out[i] = c
	}
	return out
}

// StartSession adds the checkpoint's trees to the margins.
func (c *continuing) StartSession(ctx context.Context, req gbdt.StartRequest) error {
	req.Trees = append(append([]gbdt.BinTree(nil), c.prefix...), req.Trees...)
	return c.Holder.StartSession(ctx, req)
}

// Gradients shifts the round.
func (c *continuing) Gradients(ctx context.Context, req gbdt.GradientRequest) (gbdt.GradientStats, error) {
	req.Round += c.offset
	return c.Holder.Gradients(ctx, req)
}

// BuildHistograms shifts the round.
func (c *continuing) BuildHistograms(ctx context.Context, req gbdt.HistRequest) (*gbdt.HistResponse, error) {
	req.Round += c.offset
	return c.Holder.BuildHistograms(ctx, req)
}

// FinishTree shifts the round and records the tree.
func (c *continuing) FinishTree(ctx context.Context, req gbdt.FinishRequest) (*gbdt.EvalResponse, error) {
	req.Round += c.offset
	r, err := c.Holder.FinishTree(ctx, req)
	if err == nil && c.rec != nil {
		c.rec.add(req.Tree)
	}
	return r, err
}
