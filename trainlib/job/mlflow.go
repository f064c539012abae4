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
// in OutDir's spool is replayed (only what the server has not
// acknowledged), so a rerun of an interrupted or finished job leaves one
// tree and one model version.
func (j *Job) LogMLflow(ctx context.Context, t *Tracking, res *tune.Results, s Scores, f Files) (string, error) {
	ctx = cellctx.Or(ctx)
	wait, err := t.wait()
	if err != nil {
		return "", err
	}
	had, err := track.ReadSpooledTree(j.cfg.OutDir)
	if err != nil {
		return "", fmt.Errorf("mlflow: %w", err)
	}
	tr, err := track.NewMLflow(t.cfg, track.MLflowOptions{Dir: j.cfg.OutDir, SourceName: "gotrain train"})
	if err != nil {
		return "", fmt.Errorf("mlflow: %w", err)
	}
	name := had.Parent
	if name == "" {
		name = "tune-" + time.Now().UTC().Format("20060102-150405")
		err = j.logTree(tr, name, res, s, f)
	} else if !had.Complete {
		err = fmt.Errorf("the run tree %s in %s was cut short while it was being recorded; its calls are replayed as they are (move %s aside to log a fresh tree)",
			name, j.cfg.OutDir, track.SpoolFile)
	}
	wctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	closeErr := tr.Close(wctx)
	var unsent *track.UnsentError
	if errors.As(closeErr, &unsent) && err == nil {
		return name, closeErr // already says "mlflow: … gotrain mlflow sync"
	}
	if err := errors.Join(err, closeErr); err != nil {
		return name, fmt.Errorf("mlflow: %w", err)
	}
	return name, nil
}

func (j *Job) logTree(tr *track.MLflow, name string, res *tune.Results, s Scores, f Files) error {
	params := map[string]any{"ray_actors": j.cfg.Spawn, "cpus_per_actor": j.cfg.CPUsPerWorker,
		"tune_samples": j.cfg.Samples, "num_boost_round": j.cfg.Rounds, "seed": int(j.cfg.Seed)}
	parent, err := tr.StartParent(name, params, map[string]string{"metric": res.Metric, "mode": res.Mode})
	if err != nil {
		return err
	}
	for _, trial := range res.Trials {
		if err := logTrial(tr, parent, trial); err != nil {
			return errors.Join(err, tr.End(parent, track.Failed))
		}
	}
	if err := tr.LogMetrics(parent, 0, map[string]float64{"test-accuracy": s.Accuracy, "test-auc": s.AUC}); err != nil {
		return err
	}
	for _, p := range append(append(f.Importance, f.Explanation, f.DominoStats), j.BestFiles()...) {
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
