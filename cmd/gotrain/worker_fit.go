package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// clusterFlags are the flags that make `gotrain fit` train on worker
// processes: --spawn N [--cpus-per-worker C] spawns them on this
// machine, --addresses HOST:PORT,… reaches workers started elsewhere
// (secret from $GOTRAIN_TOKEN or --token-file), --ray URL runs --spawn
// workers as actors of a job on a Ray cluster.
type clusterFlags struct {
	spawn, cpus               int
	addresses, tokenFile, ray string
	hang                      time.Duration
	tls                       *cluster.TLSFlags
	tokens                    tokenFlags
}

// addClusterFlags registers the cluster flags on fs (gotrain fit's).
func addClusterFlags(fs *flag.FlagSet) *clusterFlags {
	c := &clusterFlags{}
	fs.IntVar(&c.spawn, "spawn", 0, "train on N worker processes spawned on this machine (0: in process), or N actors with --ray")
	fs.Var(workersFlag{&c.spawn, &c.addresses}, "workers", workersUsage)
	fs.IntVar(&c.cpus, "cpus-per-worker", 1, "CPUs of each spawned worker")
	fs.StringVar(&c.addresses, "addresses", "", "train on workers started elsewhere: `HOST:PORT,…` (secret from $"+cluster.TokenEnv+" or --token-file)")
	fs.StringVar(&c.tokenFile, "token-file", "", "file holding the cluster secret of --addresses workers")
	fs.StringVar(&c.ray, "ray", "", "train on --spawn workers run as actors of a job on a Ray cluster: its dashboard `URL` (http://head:8265), or auto for $RAY_ADDRESS, then $RAY_HEAD_SERVICE_HOST (token from $RAY_AUTH_TOKEN)")
	c.tls = cluster.AddTLSFlags(fs, false)
	c.tokens = addTokenFlags(fs, false)
	fs.DurationVar(&c.hang, "worker-timeout", 10*time.Second, "declare a worker lost when it leaves a heartbeat unanswered this long")
	return c
}

// enabled reports whether the flags ask for workers.
func (c *clusterFlags) enabled() bool { return c.spawn > 0 || c.addresses != "" || c.ray != "" }

// evalFiles is a validation set: its name and its files.
type evalFiles struct {
	Name  string
	Files []string
}

// fitOnCluster trains on the workers the flags name: training files and
// each validation set's files are dealt to the workers (file r, r+N, … to
// worker r), each worker reading its own. With one-hot encoding, the
// schema is scanned here first so that every worker makes the same
// features. How a two-valued label is read is written to note, the
// per-worker status to status at the end.
func (c *clusterFlags) fitOnCluster(ctx context.Context, p gbdt.Params, o data.Options, train []string, valid []evalFiles, opt gbdt.Options, note, status io.Writer) (*gbdt.Result, error) {
	cfg := cluster.Config{Spawn: c.spawn, CPUsPerWorker: c.cpus, TokenFile: c.tokenFile, HangTimeout: c.hang, Ray: c.ray, Log: os.Stderr}
	var err error
	if cfg.TLS, err = c.tls.Files(); err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	if c.ray != "" && c.addresses != "" {
		return nil, fmt.Errorf("fit: give --ray (workers on a Ray cluster) or --addresses (workers started elsewhere), not both")
	}
	if c.addresses != "" {
		if c.spawn > 0 {
			return nil, fmt.Errorf("fit: give --spawn (workers here) or --addresses (workers elsewhere), not both")
		}
		for _, a := range strings.Split(c.addresses, ",") {
			if a = strings.TrimSpace(a); a != "" {
				cfg.Addresses = append(cfg.Addresses, a)
			}
		}
	}
	if o.Schema == nil && (o.OneHot || o.NativeCategorical || len(o.Categorical) > 0) {
		s, err := data.ScanSchema(ctx, train, o)
		if err != nil {
			return nil, err
		}
		o.Schema = s
	}
	cl, err := cluster.Connect(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	defer cl.Close()
	if err := cl.LoadFiles(ctx, gbdt.TrainSet, train, o); err != nil {
		return nil, fmt.Errorf("fit: --train: %w", err)
	}
	if pos, neg, ok := cl.Positive(); ok {
		fmt.Fprintf(note, "fit: %s\n", data.LabelNote(o.Label, pos, neg, strings.TrimSpace(o.Positive) != ""))
	}
	for _, v := range valid {
		if err := cl.LoadFiles(ctx, v.Name, v.Files, o); err != nil {
			return nil, fmt.Errorf("fit: --val %s: %w", v.Name, err)
		}
	}
	res, err := cl.Train(ctx, p, opt)
	if status != nil {
		fmt.Fprint(status, cl.Status(context.WithoutCancel(ctx)))
	}
	return res, err
}

// fitWorkers is `gotrain fit` on worker processes: the same flags, data
// and output as fit, with the data dealt to the workers that cf names.
// fit.go calls it when cf.enabled().
func fitWorkers(ctx context.Context, cf *clusterFlags, f fitFlags, w io.Writer) error {
	p, o, files, err := f.setup()
	if err != nil {
		return err
	}
	opt := gbdt.Options{Evals: []string{gbdt.TrainSet}}
	valid, err := f.validSets()
	if err != nil {
		return err
	}
	for _, ev := range valid {
		opt.Evals = append(opt.Evals, ev.Name)
	}
	opt.Callback = func(r gbdt.RoundReport) bool {
		if !f.quiet {
			fmt.Fprint(w, formatRound(r))
		}
		return false
	}
	var status io.Writer
	if !f.quiet {
		status = w
	}
	res, err := cf.fitOnCluster(ctx, p, o, files, valid, opt, w, status)
	if err != nil {
		return err
	}
	return f.save(w, p, opt, res)
}
