package cluster

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/cluster/wire"
	"github.com/gotrain/gotrain/trainlib/data"
)

// maxMoves bounds how often one call moves its group.
func (c *Cluster) maxMoves() int {
	if c.cfg.MaxMoves > 0 {
		return c.cfg.MaxMoves
	}
	return 3
}

// LoadGlob spreads the CSV files matching pattern (listed by the first
// worker, on its file system, in natural order) over the shard groups as
// xgboost-ray does: file r, r+N, r+2N … to group r of N. Each worker reads
// only its own files. Set is gbdt.TrainSet or an eval set's name such as
// "val"; file r is shard r of the set, so the model depends on the file
// list, not on the number of workers. With one-hot encoding, give
// o.Schema (data.ScanSchema) so that every worker derives the same
// features.
func (c *Cluster) LoadGlob(ctx context.Context, set, pattern string, o data.Options) error {
	ctx = cellctx.Or(ctx)
	var files wire.GlobResponse
	if err := c.groups[0].do(ctx, mGlob, &wire.GlobRequest{Pattern: pattern}, &files); err != nil {
		return fmt.Errorf("cluster: list %s: %w", pattern, err)
	}
	return c.LoadFiles(ctx, set, files.Files, o)
}

// LoadFiles spreads files (paths as the workers see them) over the shard
// groups as LoadGlob does.
func (c *Cluster) LoadFiles(ctx context.Context, set string, files []string, o data.Options) error {
	ctx = cellctx.Or(ctx)
	n := len(c.groups)
	if len(files) < n {
		return fmt.Errorf("cluster: %d %s file(s) for %d workers: every worker needs at least one file; split the data into at least %d files or use fewer workers", len(files), set, n, n)
	}
	reqs := make([]wire.LoadRequest, n)
	for g := range reqs {
		reqs[g] = wire.LoadRequest{Group: g, Options: o}
	}
	for r, f := range files {
		reqs[r%n].Shards = append(reqs[r%n].Shards, wire.ShardSpec{Set: set, Index: r, Path: f})
	}
	return c.load(ctx, reqs)
}

// SendDataset cuts d (held by the driver, e.g. built in a cell) into
// shards consecutive pieces and sends piece r to group r mod N, as
// LoadFiles deals files. The shard count, not the worker count, decides
// the model; each piece must fit in a message (MaxMessage), so large data
// needs more shards.
func (c *Cluster) SendDataset(ctx context.Context, set string, d *data.Dataset, shards int) error {
	ctx = cellctx.Or(ctx)
	n := len(c.groups)
	if shards < n {
		return fmt.Errorf("cluster: %d shard(s) for %d workers: every worker needs at least one shard; ask for at least %d", shards, n, n)
	}
	if shards > d.Rows {
		return fmt.Errorf("cluster: %d shards of %d rows would leave shards empty; use at most %d shards", shards, d.Rows, d.Rows)
	}
	if err := checkDataset(d); err != nil {
		return fmt.Errorf("cluster: dataset: %w", err)
	}
	reqs := make([]wire.LoadRequest, n)
	for g := range reqs {
		reqs[g] = wire.LoadRequest{Group: g}
	}
	for r := 0; r < shards; r++ {
		lo, hi := r*d.Rows/shards, (r+1)*d.Rows/shards
		piece := &data.Dataset{Matrix: data.Matrix{Rows: hi - lo, Cols: d.Cols, Values: d.Values[lo*d.Cols : hi*d.Cols]}, Names: d.Names, Categories: d.Categories}
		if d.Label != nil {
			piece.Label = d.Label[lo:hi]
		}
		if size := 4 * int64(len(piece.Values)+len(piece.Label)); size > int64(c.cfg.maxMessage()) {
			return fmt.Errorf("cluster: a shard of %d rows is about %d bytes, over the %d-byte message cap: use more shards", piece.Rows, size, c.cfg.maxMessage())
		}
		reqs[r%n].Shards = append(reqs[r%n].Shards, wire.ShardSpec{Set: set, Index: r, Data: piece})
	}
	return c.load(ctx, reqs)
}

// load sends every group its load, in parallel, and logs it for replay.
// A label of two words is read the same way on every worker: the first
// load that meets one picks its positive value from the counts of all the
// groups (as one process reading every file would) and reloads the groups
// that picked the other; later loads are pinned to that choice.
func (c *Cluster) load(ctx context.Context, reqs []wire.LoadRequest) error {
	c.mu.Lock()
	label := c.label
	c.mu.Unlock()
	if err := pinLabel(reqs, label); err != nil {
		return err
	}
	resps, err := c.send(ctx, reqs)
	if err != nil {
		return err
	}
	var reload []int
	if label == nil {
		if label, reload, err = agreeOnLabel(reqs, resps); err != nil {
			return err
		}
	}
	// Groups whose files hold one of the label's values loaded nothing:
	// load them again, now that the choice is made.
	for g := range resps {
		if resps[g].Undecided {
			if err := c.groups[g].do(ctx, mLoad, &reqs[g], &resps[g]); err != nil {
				return fmt.Errorf("cluster: load group %d: %w", g, err)
			}
		}
	}
	for g := range reqs {
		h := c.groups[g]
		h.mu.Lock()
		h.loads = append(h.loads, reqs[g])
		h.cuts = nil
		h.mu.Unlock()
	}
	for _, g := range reload {
		h := c.groups[g]
		if err := h.replay(ctx, h.worker()); err != nil {
			return fmt.Errorf("cluster: reload group %d with the label's positive value %q: %w", g, label[1], err)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.label == nil {
		c.label = label
	}
	for g, r := range resps {
		if c.categories == nil {
			c.categories = r.Categories
		}
		if c.names == nil {
			c.names = r.Names
		} else if !slices.Equal(c.names, r.Names) {
			return fmt.Errorf("cluster: group %d has features %v, group 0 %v: load every shard with the same columns (give data.Options.Schema with one-hot encoding)", g, clip(r.Names), clip(c.names))
		}
	}
	return nil
}

// send sends every group its load, in parallel.
func (c *Cluster) send(ctx context.Context, reqs []wire.LoadRequest) ([]wire.LoadResponse, error) {
	resps := make([]wire.LoadResponse, len(reqs))
	errs := make([]error, len(reqs))
	var wg sync.WaitGroup
	for g := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[g] = c.groups[g].do(ctx, mLoad, &reqs[g], &resps[g])
		}()
	}
	wg.Wait()
	for g, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("cluster: load group %d: %w", g, err)
		}
	}
	return resps, nil
}

// pinLabel makes loads without a Schema read a two-valued label as label
// (negative, positive) says, when an earlier load fixed it; a load asking
// for the other positive value is refused.
func pinLabel(reqs []wire.LoadRequest, label []string) error {
	if label == nil {
		return nil
	}
	for g := range reqs {
		o := &reqs[g].Options
		pos, neg := strings.TrimSpace(o.Positive), strings.TrimSpace(o.Negative)
		switch {
		case o.Schema != nil:
		case (pos != "" && pos != label[1]) || (neg != "" && neg != label[0]):
			return fmt.Errorf("cluster: the data loaded before reads the label with %s = 1 and %s = 0; Positive %q would read it the other way: load every set with the same Positive", label[1], label[0], o.Positive)
		default:
			o.Positive, o.Negative = label[1], label[0]
		}
	}
	return nil
}

// agreeOnLabel picks how a two-valued label is read from every group's
// counts of this load: the Positive asked for, else the less frequent
// value overall (data.BinaryLevels). It returns the choice, negative then
// positive (nil when the label holds 0s and 1s), and the groups that read
// it the other way; every group's request is pinned to the choice
// (Positive and Negative), for a reload, for the groups whose files held
// one value only (Undecided), and for replays.
func agreeOnLabel(reqs []wire.LoadRequest, resps []wire.LoadResponse) ([]string, []int, error) {
	counts := map[string]int{}
	for _, r := range resps {
		for i, v := range r.Label {
			if i < len(r.LabelCounts) {
				counts[v] += r.LabelCounts[i]
			}
		}
	}
	if len(counts) == 0 {
		return nil, nil, nil
	}
	o := reqs[0].Options
	label, err := data.BinaryLevels(o.Label, counts, o.Positive)
	if strings.TrimSpace(o.Negative) != "" && strings.TrimSpace(o.Positive) != "" {
		label, err = []string{strings.TrimSpace(o.Negative), strings.TrimSpace(o.Positive)}, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("cluster: %w", err)
	}
	var reload []int
	for g, r := range resps {
		if r.Label == nil {
			continue
		}
		reqs[g].Options.Positive, reqs[g].Options.Negative = label[1], label[0]
		if !r.Undecided && !slices.Equal(r.Label, label) {
			reload = append(reload, g)
		}
	}
	return label, reload, nil
}

// Positive returns the label value read as 1 and the one read as 0 when
// the loaded label holds two words (Y/N), ok false when it holds 0s and
// 1s or nothing is loaded. Every worker reads it the same way: the value
// data.Options.Positive names, else the less frequent over all the files of
// the first set loaded.
func (c *Cluster) Positive() (positive, negative string, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.label == nil {
		return "", "", false
	}
	return c.label[1], c.label[0], true
}

// clip shortens a name list for an error message.
func clip(names []string) []string {
	if len(names) > 8 {
		return append(slices.Clone(names[:8]), "…")
	}
	return names
}
