package job

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/track"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// RunOptions add what the batch job needs around a Config.
type RunOptions struct {
	// MLflow logs the run tree (see LogMLflow). The server is checked
	// before tuning starts; one that does not answer is reported and the
	// tree spooled, never failing the job. MLflowWait bounds the wait for
	// the server at the end (see Tracking.Wait).
	MLflow     bool
	MLflowWait time.Duration
	// Log receives progress lines; Progress shows the live trial table
	// (a tune.Terminal on the command line). Both may be nil.
	Log      io.Writer
	Progress tune.Display
}

// Summary is what Run did.
type Summary struct {
	Generated bool
	Best      *tune.Trial
	Scores    Scores
	Files     Files
	// MLflowRun names the parent run, MLflowURL the server, when logged.
	// MLflowUnsent, when set, says what the server has not taken yet and
	// how to send it (`gotrain mlflow sync`).
	MLflowRun, MLflowURL, MLflowUnsent string
}

// Run is the whole batch job: data (generated when missing), workers,
// tuning, the best model's test scores and every result file in OutDir,
// and, when asked, the MLflow run tree.
func Run(ctx context.Context, cfg Config, o RunOptions) (_ *Summary, err error) {
	ctx = cellctx.Or(ctx)
	log := o.Log
	if log == nil {
		log = io.Discard
	}
	cfg = cfg.withDefaults()
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if cfg.Log == nil {
		cfg.Log = o.Log
	}
	if _, err := os.Stat(cfg.OutDir); errors.Is(err, fs.ErrNotExist) {
		// A job that fails before writing anything leaves no empty folder.
		defer func() {
			if err != nil {
				_ = os.Remove(cfg.OutDir) // removes only an empty folder
			}
		}()
	}
	if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	var sum Summary
	if sum.Generated, err = EnsureData(ctx, cfg.DataDir, cfg.Seed, log); err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "connecting %s and loading %s\n", workersText(cfg), cfg.DataDir)
	j, err := Start(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer j.Close()
	var tree *runTree
	if o.MLflow {
		// Checked before the tuning: a server that is not there is known
		// now, and never costs the job its results. The tree goes into the
		// spool as the job goes, each trial as it ends.
		t, err := j.ConnectMLflow(ctx)
		if err != nil {
			return nil, err
		}
		defer t.Close()
		t.Wait = o.MLflowWait
		if t.Unreachable != nil {
			fmt.Fprintf(log, "MLflow: %v; the run tree is kept in %s from the first trial on and sent when the server answers (at the end, else run `gotrain mlflow sync %s`)\n",
				t.Unreachable, filepath.Join(cfg.OutDir, track.SpoolFile), cfg.OutDir)
		}
		if tree, err = j.startTree(t); err != nil {
			return nil, err
		}
		sum.MLflowURL, sum.MLflowRun = t.URL, tree.name
		defer func() {
			if tree != nil { // the job failed or was interrupted: keep what is spooled, wait for nothing
				cancelled, cancel := context.WithCancel(context.Background())
				cancel()
				tree.close(cancelled, nil)
			}
		}()
	}
	fmt.Fprintf(log, "tuning: %d trials of %d rounds\n", cfg.Samples, cfg.Rounds)
	var onEnd func(*tune.Trial)
	if tree != nil {
		onEnd = tree.trial
	}
	res, err := j.tune(ctx, o.Progress, onEnd)
	if err != nil {
		return nil, err
	}
	sum.Best = res.Best
	if sum.Scores, err = j.Evaluate(ctx, res.BestModel); err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "best trial %s (eta %.4g, max_depth %v): %s\n", res.Best.ID, res.Best.Config["eta"], res.Best.Config["max_depth"], sum.Scores)
	if sum.Files, err = j.Save(ctx, res.BestModel, sum.Scores); err != nil {
		return nil, err
	}
	if tree != nil {
		fmt.Fprintf(log, "logging to MLflow at %s\n", sum.MLflowURL)
		t := tree.t
		err := tree.close(ctx, tree.finish(res, sum.Scores, sum.Files))
		tree = nil
		var unsent *track.UnsentError
		if errors.As(err, &unsent) {
			sum.MLflowUnsent, err = unsent.Error(), nil
			fmt.Fprintln(log, unsent.Error())
		}
		if err = errors.Join(err, t.Close()); err != nil {
			return nil, err
		}
	}
	return &sum, nil
}

func workersText(cfg Config) string {
	if len(cfg.Addresses) > 0 {
		return fmt.Sprintf("%d remote workers", len(cfg.Addresses))
	}
	if cfg.Ray != "" {
		return fmt.Sprintf("%d Ray actors × %d CPUs (%s)", cfg.Spawn, cfg.CPUsPerWorker, cfg.Ray)
	}
	return fmt.Sprintf("%d local workers × %d CPUs", cfg.Spawn, cfg.CPUsPerWorker)
}
