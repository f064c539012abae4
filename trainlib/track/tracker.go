package track

import (
	"context"

	"github.com/gotrain/gotrain/trainlib/model"
)

// Status is how a run ended, as MLflow names it.
type Status string

// Run statuses.
const (
	Finished Status = "FINISHED"
	Failed   Status = "FAILED"
	Killed   Status = "KILLED"
)

// Run is a handle on a tracked run, valid for the Tracker that made it.
type Run struct {
	// ID is the tracker's own id for the run (not the server's run id,
	// which may not be known yet).
	ID string
}

// Tracker records a tuning job as a tree of runs. Calls return quickly and
// never wait for the network; errors are about the call itself (an unknown
// run, a parameter MLflow would refuse, a missing file). Implementations are
// safe for concurrent use by trials running side by side.
type Tracker interface {
	// StartParent starts the run of a whole job.
	StartParent(name string, params map[string]any, tags map[string]string) (Run, error)
	// StartChild starts a trial's run below parent.
	StartChild(parent Run, trialID string, params map[string]any) (Run, error)
	// LogMetrics records metric values at a step (a boosting round).
	LogMetrics(run Run, step int, metrics map[string]float64) error
	// SetTags records string tags on run (for example the best trial's
	// id on the parent).
	SetTags(run Run, tags map[string]string) error
	// LogArtifact records a local file, or every file below a local
	// directory, under artifactPath. The content is captured at call time.
	LogArtifact(run Run, localPath, artifactPath string) error
	// LogModel records m as a model called artifactPath, produced by run,
	// loadable with mlflow.xgboost and mlflow.pyfunc (for MLflow, an
	// MLflow 3 logged model).
	LogModel(run Run, m *model.Model, artifactPath string) error
	// RegisterModel adds the model run logged as artifactPath as a new
	// version of the registered model name.
	RegisterModel(run Run, artifactPath, name string) error
	// End marks the run finished, failed or killed.
	End(run Run, status Status) error
	// Close waits, at most until ctx is done, for pending records to be
	// sent, then stops. What was not sent stays in the spool.
	Close(ctx context.Context) error
}

// Nop is a Tracker that records nothing; local result files are written
// separately. Its zero value is ready to use.
type Nop struct{}

var _ Tracker = Nop{}

// StartParent returns an empty handle.
func (Nop) StartParent(string, map[string]any, map[string]string) (Run, error) { return Run{}, nil }

// StartChild returns an empty handle.
func (Nop) StartChild(Run, string, map[string]any) (Run, error) { return Run{}, nil }

// LogMetrics does nothing.
func (Nop) LogMetrics(Run, int, map[string]float64) error { return nil }

// SetTags does nothing.
func (Nop) SetTags(Run, map[string]string) error { return nil }

// LogArtifact does nothing.
func (Nop) LogArtifact(Run, string, string) error { return nil }

// LogModel does nothing.
func (Nop) LogModel(Run, *model.Model, string) error { return nil }

// RegisterModel does nothing.
func (Nop) RegisterModel(Run, string, string) error { return nil }

// End does nothing.
func (Nop) End(Run, Status) error { return nil }

// Close does nothing.
func (Nop) Close(context.Context) error { return nil }
