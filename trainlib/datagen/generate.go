package datagen

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/gotrain/gotrain/trainlib/data"
)

// Result describes what Generate wrote.
type Result struct {
	// Files lists the written files: test_data.csv, then the training
	// shards, then the validation shards.
	Files []string
	// Removed lists the shards of an earlier run that were removed under
	// Force and not written again.
	Removed []string
	// Features names the feature columns (the label, credit, comes last).
	Features []string
	// TestRows, TrainRows and ValidationRows count the data rows written.
	TestRows, TrainRows, ValidationRows int
}

// Generate writes the data layout cfg describes (see the package comment).
// It checks the output directory first, so a refused overwrite costs
// nothing; then it writes every file atomically.
func Generate(ctx context.Context, cfg Config) (*Result, error) {
	c, err := cfg.resolved()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("datagen: create the output directory: %w", err)
	}
	old, stale, err := planFiles(c.Dir, c.TrainShards, c.ValidationShards, c.Force)
	if err != nil {
		return nil, err
	}
	t, err := loadTable(ctx, c.Dataset)
	if err != nil {
		return nil, err
	}
	parts, err := data.SplitIndices(t.rows(), []float64{1 - c.TestFraction, c.TestFraction}, c.Seed)
	if err != nil {
		return nil, err
	}
	train, test := parts[0], slices.Sorted(slices.Values(parts[1]))
	s, err := newSampler(ctx, t, train, c.Neighbours, c.Pool, c.Seed, c.Parallel)
	if err != nil {
		return nil, err
	}
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			return nil, fmt.Errorf("datagen: remove a file of the earlier run: %w", err)
		}
	}
	res := &Result{Removed: stale, Features: t.header()[:len(t.header())-1], TestRows: len(test),
		TrainRows: c.TrainShards * c.RowsPerShard, ValidationRows: c.ValidationShards * c.RowsPerShard}
	total := 1 + c.TrainShards + c.ValidationShards
	res.Files = make([]string, total)
	var mu sync.Mutex
	done := 0
	report := func(path string, rows int) {
		mu.Lock()
		defer mu.Unlock()
		done++
		if c.Progress != nil {
			c.Progress(Progress{File: path, Rows: rows, Done: done, Total: total})
		}
	}
	errs := make([]error, total)
	jobs := make([]func(), total)
	jobs[0] = func() {
		res.Files[0] = filepath.Join(c.Dir, TestFile)
		errs[0] = writeAtomic(res.Files[0], c.Force, func(w *bufio.Writer) error { return writeReal(w, t, test) })
		if errs[0] == nil {
			report(res.Files[0], len(test))
		}
	}
	for n := range c.TrainShards + c.ValidationShards {
		name := shardName(TrainPrefix, n)
		if n >= c.TrainShards {
			name = shardName(ValidationPrefix, n-c.TrainShards)
		}
		path := filepath.Join(c.Dir, name)
		res.Files[1+n] = path
		jobs[1+n] = func() {
			errs[1+n] = writeAtomic(path, c.Force, func(w *bufio.Writer) error {
				return writeSynthetic(ctx, w, s, c.Seed, n, c.RowsPerShard)
			})
			if errs[1+n] == nil {
				report(path, c.RowsPerShard)
			}
		}
	}
	if err := runAll(ctx, jobs, c.Parallel); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return res, nil
}

// writeReal writes the given real rows of t with a header.
func writeReal(w *bufio.Writer, t *table, rows []int) error {
	w.WriteString(strings.Join(t.header(), ",") + "\n")
	var b []byte
	for _, i := range rows {
		b = t.appendRow(b[:0], t.row(i), t.label[i])
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// writeSynthetic writes shard n: rows synthetic rows, the classes
// alternating so each shard is balanced, from the random stream (seed, n).
func writeSynthetic(ctx context.Context, w *bufio.Writer, s *sampler, seed uint64, n, rows int) error {
	rng := rand.New(rand.NewPCG(seed, 0x7368617264<<20|uint64(n))) // "shard", n
	w.WriteString(strings.Join(s.t.header(), ",") + "\n")
	x := make([]float64, len(s.t.attrs))
	votes := make([]int, s.maxLvl)
	var b []byte
	for r := range rows {
		if r%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		c := uint8((r + n) % 2)
		s.synth(rng, c, x, votes)
		b = s.t.appendRow(b[:0], x, c)
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
