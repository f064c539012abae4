package job

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/track"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// RegisteredModel is the Model Registry name the best model is registered
// under.
const RegisteredModel = "gotrain-credit"

// Tracking is an MLflow connection: the server named by
// MLFLOW_TRACKING_URI, or a local one started under OutDir/mlflow.
type Tracking struct {
	// URL is where to look at the runs in a browser.
	URL string
	// Unreachable, when set, says that the server did not answer when
	// connecting: the run tree is spooled in OutDir and sent if the server
	// answers by the end of LogMLflow, else by `gotrain mlflow sync`.
	Unreachable error
	// Wait bounds how long LogMLflow waits for the server to take the run
	// tree; 0 means $GOTRAIN_MLFLOW_WAIT, else DefaultMLflowWait.
	Wait   time.Duration
	cfg    track.Config
	server *track.Server
}

// DefaultMLflowWait is how long LogMLflow waits for the server to take the
// run tree before it leaves the rest in the spool.
const DefaultMLflowWait = 3 * time.Minute

// MLflowWaitEnv overrides DefaultMLflowWait (a Go duration: 30s, 5m).
const MLflowWaitEnv = "GOTRAIN_MLFLOW_WAIT"

// wait is the bound of LogMLflow's wait.
func (t *Tracking) wait() (time.Duration, error) {
	if t.Wait > 0 {
		return t.Wait, nil
	}
	if v := os.Getenv(MLflowWaitEnv); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return 0, fmt.Errorf("mlflow: %s=%q: give a positive duration such as 30s or 5m", MLflowWaitEnv, v)
		}
		return d, nil
	}
	return DefaultMLflowWait, nil
}

// ConnectMLflow returns the tracking server to log to: the environment's
// when MLFLOW_TRACKING_URI is set, otherwise a local `mlflow server`
// (from the Python environment) started in OutDir/mlflow. Close it when
// done. A server named by MLFLOW_TRACKING_URI that does not answer is not
// an error: Tracking.Unreachable says so, and the run tree is spooled.
func (j *Job) ConnectMLflow(ctx context.Context) (*Tracking, error) {
	ctx = cellctx.Or(ctx)
	// A local server outlives ctx (a notebook cell's): it stops on Close.
	cfg, srv, err := track.Connect(context.WithoutCancel(ctx), filepath.Join(j.cfg.OutDir, "mlflow"))
	if err != nil && srv == nil && os.Getenv(track.EnvTrackingURI) != "" && cfg.TrackingURI != "" {
		return &Tracking{cfg: cfg, URL: cfg.TrackingURI, Unreachable: err}, nil
	}
	if err != nil {
		if strings.Contains(err.Error(), track.EnvTrackingURI) {
			return nil, fmt.Errorf("mlflow: %w", err) // it already names the way out
		}
		return nil, fmt.Errorf("mlflow: %w (set %s to use a running server)", err, track.EnvTrackingURI)
	}
	t := &Tracking{cfg: cfg, server: srv, URL: cfg.TrackingURI}
	return t, nil
}

// Close stops the local server, if one was started. A nil Tracking (what a
// failed ConnectMLflow returns) has nothing to close, so a notebook's later
// cell does not fail a second time.
func (t *Tracking) Close() error {
	if t == nil || t.server == nil {
		return nil
	}
	s := t.server
	t.server = nil // a second Close has nothing to do
	return s.Close()
}

// LogMLflow records a tuning run as an MLflow run tree: one parent run
// with the job's settings, the test scores, the result files and the best
// model (registered as RegisteredModel), and one child run per trial with
// its parameters and per-round metrics. It waits for everything to reach
// the server at most Tracking.Wait (or until ctx is done); what is left
// stays in OutDir's spool and the error is a *track.UnsentError saying how
// to send it. It returns the parent's name.
//
// Run again with the same OutDir, it logs no second tree: the tree already
// in OutDir's spool is continued (the trials it lacks) or replayed (only
// what the server has not acknowledged), so a rerun of an interrupted or
// finished job leaves one tree and one model version. (Run, the batch
// job, logs the same tree as it goes: each trial as it ends.)
func (j *Job) LogMLflow(ctx context.Context, t *Tracking, res *tune.Results, s Scores, f Files) (string, error) {
	ctx = cellctx.Or(ctx)
	tree, err := j.startTree(t)
	if err != nil {
		return "", err
	}
	return tree.name, tree.close(ctx, tree.finish(res, s, f))
}

// runTree is a job's MLflow run tree, recorded as the job goes: the parent
// run before tuning, a child run as each trial ends (into the spool at
// once, whether the server answers or not), the scores, files and model
// at the end. On a spool that already holds part of the tree (a rerun with
// the same OutDir) it adds only what is missing.
type runTree struct {
	j      *Job
	t      *Tracking
	tr     *track.MLflow
	name   string
	parent track.Run
	logged map[string]bool // trials whose child run the spool holds
	// complete: the spool holds the whole tree (a finished job's), which
	// is only replayed; broken: a rerun found the end of the tree cut
	// short, so its calls are replayed as they are and nothing is added.
	complete bool
	broken   error
	err      error // the first error logging a trial, reported at the end
}

// startTree opens OutDir's spool and starts the parent run there, or
// takes up the tree it already holds.
func (j *Job) startTree(t *Tracking) (*runTree, error) {
	if _, err := t.wait(); err != nil {
		return nil, err
	}
	had, err := track.ReadSpooledTree(j.cfg.OutDir)
	if err != nil {
		return nil, fmt.Errorf("mlflow: %w", err)
	}
	tr, err := track.NewMLflow(t.cfg, track.MLflowOptions{Dir: j.cfg.OutDir, SourceName: "gotrain train"})
	if err != nil {
		return nil, fmt.Errorf("mlflow: %w", err)
	}
	tree := &runTree{j: j, t: t, tr: tr, name: had.Parent, parent: had.Run, logged: had.Children, complete: had.Complete}
	switch {
	case had.Parent == "":
		tree.name = "tune-" + time.Now().UTC().Format("20060102-150405")
		params := map[string]any{"ray_actors": j.cfg.Spawn, "cpus_per_actor": j.cfg.CPUsPerWorker,
			"tune_samples": j.cfg.Samples, "num_boost_round": j.cfg.Rounds, "seed": int(j.cfg.Seed)}
		if tree.parent, err = tr.StartParent(tree.name, params, map[string]string{"metric": tuneMetric, "mode": tuneMode}); err != nil {
			return nil, errors.Join(fmt.Errorf("mlflow: %w", err), tr.Close(context.Background()))
		}
	case had.Finishing && !had.Complete:
		tree.broken = fmt.Errorf("the run tree %s in %s was cut short while its end was being recorded; its calls are replayed as they are (move %s aside to log a fresh tree)",
			tree.name, j.cfg.OutDir, track.SpoolFile)
	}
	return tree, nil
}

// trial logs one ended trial as a child run, unless the tree has it.
func (tree *runTree) trial(trial *tune.Trial) {
	if tree.complete || tree.broken != nil || tree.logged[trial.ID] || !trialEnded(trial) {
		return
	}
	tree.logged[trial.ID] = true
	if err := logTrial(tree.tr, tree.parent, trial); err != nil && tree.err == nil {
		tree.err = fmt.Errorf("trial %s: %w", trial.ID, err)
	}
}

// trialEnded reports whether a trial ended for good.
func trialEnded(t *tune.Trial) bool {
	return t.Status == tune.Terminated || t.Status == tune.Stopped || t.Status == tune.Errored
}

// finish logs the trials the tree lacks (ended in an earlier run, say),
// then the test scores, the result files and the best model, and ends
// the parent run.
func (tree *runTree) finish(res *tune.Results, s Scores, f Files) error {
	if tree.complete {
		return nil
	}
	if tree.broken != nil {
		return tree.broken
	}
	for _, trial := range res.Trials {
		tree.trial(trial)
	}
	if tree.err != nil {
		return errors.Join(tree.err, tree.tr.End(tree.parent, track.Failed))
	}
	tr, parent := tree.tr, tree.parent
	if err := tr.LogMetrics(parent, 0, map[string]float64{"test-accuracy": s.Accuracy, "test-auc": s.AUC}); err != nil {
		return err
	}
	for _, p := range append(append(f.Importance, f.Explanation, f.DominoStats), tree.j.BestFiles()...) {
		if err := tr.LogArtifact(parent, p, "results"); err != nil {
			return err
		}
	}
	if err := tr.LogModel(parent, res.BestModel, "model"); err != nil {
		return err
	}
	if err := tr.RegisterModel(parent, "model", RegisteredModel); err != nil {
		return err
	}
	return tr.End(parent, track.Finished)
}

// close waits for the server to take the tree, at most Tracking.Wait or
// until ctx is done; err is what logging it said. What is left stays in
// the spool: the error is then a *track.UnsentError, which says how to
// send it.
func (tree *runTree) close(ctx context.Context, err error) error {
	wait, werr := tree.t.wait()
	if werr != nil {
		wait = DefaultMLflowWait
	}
	wctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	closeErr := tree.tr.Close(wctx)
	var unsent *track.UnsentError
	if errors.As(closeErr, &unsent) && err == nil {
		return closeErr // already says "mlflow: … gotrain mlflow sync"
	}
	if err := errors.Join(err, closeErr); err != nil {
		return fmt.Errorf("mlflow: %w", err)
	}
	return nil
}

// logTrial logs one trial as a child run: its sampled parameters and every
// round's metrics.
func logTrial(tr *track.MLflow, parent track.Run, trial *tune.Trial) error {
	child, err := tr.StartChild(parent, trial.ID, map[string]any(trial.Config))
	if err != nil {
		return err
	}
	rounds := 0
	for _, h := range trial.History {
		rounds = max(rounds, len(h))
	}
	for r := range rounds {
		m := map[string]float64{}
		for k, h := range trial.History {
			if r < len(h) {
				m[k] = h[r]
			}
		}
		if err := tr.LogMetrics(child, r, m); err != nil {
			return err
		}
	}
	status := track.Finished
	if trial.Status == tune.Errored {
		status = track.Failed
	}
	return tr.End(child, status)
}
