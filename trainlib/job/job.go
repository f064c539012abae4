package job

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// Job is a connected cluster with the tutorial's data loaded: training
// shards and validation shards on the workers, the test set here.
type Job struct {
	cfg      Config
	cl       *cluster.Cluster
	features []string
	// Test is test_data.csv, read by the driver to score models.
	Test *data.Dataset
}

// Start connects the workers cfg describes and loads the data of
// cfg.DataDir: the training shards as set "train" and the validation
// shards as set "val" on the workers (each worker reads its own shards),
// the test file here. Close the Job when done; it stops spawned workers.
func Start(ctx context.Context, cfg Config) (*Job, error) {
	ctx = cellctx.Or(ctx)
	cfg = cfg.withDefaults()
	if err := cfg.check(); err != nil {
		return nil, err
	}
	testPath := filepath.Join(cfg.DataDir, TestFile)
	opts := data.Options{Label: Label, BinaryLabel: true}
	test, schema, err := data.LoadFiles(ctx, []string{testPath}, opts)
	if err != nil {
		return nil, fmt.Errorf("load the test set: %w", err)
	}
	cc := cluster.Config{Spawn: cfg.Spawn, CPUsPerWorker: cfg.CPUsPerWorker, Addresses: cfg.Addresses, Ray: cfg.Ray,
		TokenFile: cfg.TokenFile, TLS: cfg.TLS, Log: cfg.Log}
	// ctx (a notebook cell's) bounds the connecting; the workers serve the
	// next cells until Close.
	cl, err := cluster.Connect(ctx, cc)
	if err != nil {
		return nil, fmt.Errorf("connect the workers: %w", err)
	}
	j := &Job{cfg: cfg, cl: cl, Test: test[0], features: test[0].Names}
	opts.Schema = schema
	for _, s := range []struct{ set, pattern string }{{gbdt.TrainSet, TrainPattern}, {gbdt.ValSet, ValidationPattern}} {
		if err := cl.LoadGlob(ctx, s.set, filepath.Join(cfg.DataDir, s.pattern), opts); err != nil {
			return nil, errors.Join(fmt.Errorf("load %s shards %s: %w", s.set, s.pattern, err), j.Close())
		}
	}
	return j, nil
}

// Config returns the job's configuration with the defaults filled in.
func (j *Job) Config() Config { return j.cfg }

// Features names the model's input columns, in order.
func (j *Job) Features() []string { return j.features }

// Status describes the workers and the shards each holds.
func (j *Job) Status(ctx context.Context) cluster.Status {
	return j.cl.Status(ctx)
}

// Close stops spawned workers and disconnects from the others.
func (j *Job) Close() error {
	return j.cl.Close()
}
