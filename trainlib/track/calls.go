package track

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/google/uuid"

	"github.com/gotrain/gotrain/trainlib/internal/version"
	"github.com/gotrain/gotrain/trainlib/model"
)

// standardTags are the tags MLflow's own clients set on every run.
func (t *MLflow) standardTags(name string) []Tag {
	tags := []Tag{
		{"mlflow.runName", name},
		{"mlflow.source.name", t.opt.SourceName},
		{"mlflow.source.type", "LOCAL"},
		{"gotrain.version", version.Version},
	}
	if t.opt.GitCommit != "" {
		tags = append(tags, Tag{"mlflow.source.git.commit", t.opt.GitCommit})
	}
	if u := os.Getenv("USER"); u != "" {
		tags = append(tags, Tag{"mlflow.user", u})
	}
	return tags
}

// StartParent starts the run of a whole job in the configured experiment.
func (t *MLflow) StartParent(name string, params map[string]any, tags map[string]string) (Run, error) {
	ps, err := formatParams(params)
	if err != nil {
		return Run{}, err
	}
	ts := t.standardTags(name)
	for _, k := range sortedKeys(tags) {
		if err := checkTag(k, tags[k]); err != nil {
			return Run{}, err
		}
		ts = append(ts, Tag{k, tags[k]})
	}
	return t.startRun(name, "", ps, ts)
}

// StartChild starts a trial's run, tagged mlflow.parentRunId, below parent.
func (t *MLflow) StartChild(parent Run, trialID string, params map[string]any) (Run, error) {
	if err := t.known(parent); err != nil {
		return Run{}, err
	}
	ps, err := formatParams(params)
	if err != nil {
		return Run{}, err
	}
	ts := append(t.standardTags(trialID), Tag{"gotrain.trial_id", trialID})
	return t.startRun(trialID, parent.ID, ps, ts)
}

func (t *MLflow) startRun(name, parent string, params, tags []Tag) (Run, error) {
	id := uuid.NewString()
	tags = append(tags, Tag{runKeyTag, id})
	r := record{Kind: kindRun, Run: id, Parent: parent, Name: name, Experiment: t.cfg.experiment(), Time: nowMillis(), Tags: tags}
	if err := t.enqueue(r); err != nil {
		return Run{}, err
	}
	t.mu.Lock()
	t.runs[id] = true
	t.mu.Unlock()
	if len(params) > 0 {
		if err := t.enqueue(record{Kind: kindLog, Run: id, Params: params}); err != nil {
			return Run{}, err
		}
	}
	return Run{ID: id}, nil
}

func (t *MLflow) known(run Run) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.runs[run.ID] {
		return fmt.Errorf("mlflow tracker: unknown run %q (start it with StartParent or StartChild of this tracker)", run.ID)
	}
	return nil
}

// LogMetrics records metric values at step, all with the same timestamp.
func (t *MLflow) LogMetrics(run Run, step int, metrics map[string]float64) error {
	if err := t.known(run); err != nil {
		return err
	}
	now := nowMillis()
	ms := make([]Metric, 0, len(metrics))
	for _, k := range sortedKeys(metrics) {
		if k == "" || len(k) > maxKeyLength {
			return fmt.Errorf("mlflow tracker: metric name %q must have 1 to %d characters", k, maxKeyLength)
		}
		ms = append(ms, Metric{Key: k, Value: metrics[k], Timestamp: now, Step: int64(step)})
	}
	if len(ms) == 0 {
		return nil
	}
	return t.enqueue(record{Kind: kindLog, Run: run.ID, Metrics: ms})
}

// SetTags records tags on run.
func (t *MLflow) SetTags(run Run, tags map[string]string) error {
	if err := t.known(run); err != nil {
		return err
	}
	var ts []Tag
	for _, k := range sortedKeys(tags) {
		if err := checkTag(k, tags[k]); err != nil {
			return err
		}
		ts = append(ts, Tag{k, tags[k]})
	}
	if len(ts) == 0 {
		return nil
	}
	return t.enqueue(record{Kind: kindLog, Run: run.ID, Tags: ts})
}

// LogArtifact copies localPath (a file, or every file below a directory)
// into the spool and records it under artifactPath.
func (t *MLflow) LogArtifact(run Run, localPath, artifactPath string) error {
	if err := t.known(run); err != nil {
		return err
	}
	base, err := cleanArtifactPath(artifactPath)
	if err != nil {
		return err
	}
	st, err := os.Stat(localPath)
	if err != nil {
		return fmt.Errorf("log artifact: %w", err)
	}
	if !st.IsDir() {
		return t.logFile(run, localPath, base)
	}
	var files []string
	err = filepath.WalkDir(localPath, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("log artifact %s: %w", localPath, err)
	}
	sort.Strings(files)
	for _, f := range files {
		rel, _ := filepath.Rel(localPath, f)
		if err := t.logFile(run, f, base+"/"+filepath.ToSlash(rel)); err != nil {
			return err
		}
	}
	return nil
}

// logFile snapshots one file into the spool's blob directory and enqueues
// its upload.
func (t *MLflow) logFile(run Run, file, artifactPath string) error {
	blob := filepath.Join(SpoolBlobDir, uuid.NewString())
	if err := copyFile(file, filepath.Join(t.opt.Dir, blob)); err != nil {
		return fmt.Errorf("log artifact %s: %w", artifactPath, err)
	}
	return t.enqueue(record{Kind: kindArtifact, Run: run.ID, File: blob, Path: artifactPath})
}

// LogModel records m as an MLflow 3 logged model called artifactPath,
// produced by run: see logModelDir.
func (t *MLflow) LogModel(run Run, m *model.Model, artifactPath string) error {
	return t.logModelDir(run, artifactPath, func(dir string) error { return SaveMLflowModel(dir, m, t.opt.Model) })
}

// LogModelFile records an XGBoost model file (JSON or UBJSON) as an MLflow
// 3 logged model called artifactPath, produced by run.
func (t *MLflow) LogModelFile(run Run, modelFile, artifactPath string) error {
	return t.logModelDir(run, artifactPath, func(dir string) error { return SaveMLflowModelFile(dir, modelFile, t.opt.Model) })
}

// logModelDir writes the model directory with save, snapshots its files
// into the spool and enqueues one model call. The call carries what
// MLflow's own log_model sends: the run's params, the standard source tags,
// and the run's metrics at its latest step (the step the model is linked
// at), to be recorded on the model.
func (t *MLflow) logModelDir(run Run, name string, save func(dir string) error) error {
	if err := t.known(run); err != nil {
		return err
	}
	if err := checkModelName(name); err != nil {
		return err
	}
	dir, err := os.MkdirTemp(filepath.Join(t.opt.Dir, SpoolBlobDir), "model-")
	if err != nil {
		return fmt.Errorf("log model: %w", err)
	}
	defer os.RemoveAll(dir)
	if err := save(dir); err != nil {
		return err
	}
	files, err := t.snapshotDir(dir)
	if err != nil {
		return fmt.Errorf("log model %s: %w", name, err)
	}
	key := uuid.NewString()
	var tags []Tag
	for _, tg := range t.standardTags(name) {
		if tg.Key != "mlflow.runName" {
			tags = append(tags, tg)
		}
	}
	tags = append(tags, Tag{modelKeyTag, key})
	t.mu.Lock()
	params := append([]Tag(nil), t.params[run.ID]...)
	step, metrics := t.steps[run.ID].snapshot()
	t.mu.Unlock()
	return t.enqueue(record{Kind: kindModel, Run: run.ID, Name: name, Model: key, Files: files,
		Step: step, Params: params, Tags: tags, Metrics: metrics, ModelType: t.opt.ModelType})
}

// snapshotDir copies every regular file below dir into the spool's blob
// directory, in path order.
func (t *MLflow) snapshotDir(dir string) ([]spoolFile, error) {
	var files []spoolFile
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		blob := filepath.Join(SpoolBlobDir, uuid.NewString())
		if err := copyFile(p, filepath.Join(t.opt.Dir, blob)); err != nil {
			return err
		}
		files = append(files, spoolFile{File: blob, Path: filepath.ToSlash(rel)})
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, err
}

// checkModelName applies MLflow's rule for logged model names.
func checkModelName(name string) error {
	if name == "" || strings.ContainsAny(name, "/:.%\"'") {
		return fmt.Errorf("log model: name %q must be non-empty and without / : . %% \" or ' (MLflow's rule for logged model names), such as \"model\"", name)
	}
	return nil
}

// modelRef keys the latest model a run logged under a name.
func modelRef(run, name string) string { return run + "\x00" + name }

// RegisterModel registers the model that run logged as artifactPath (with
// LogModel) as a new version of the registered model name (created when
// absent), with the logged model as its source. When run logged no model
// under that name, the version's source is the run's artifact directory
// artifactPath (a model directory logged with LogArtifact), as
// mlflow.register_model does for a runs:/ URI.
func (t *MLflow) RegisterModel(run Run, artifactPath, name string) error {
	if err := t.known(run); err != nil {
		return err
	}
	if name == "" {
		return fmt.Errorf("register model: empty registered model name")
	}
	p, err := cleanArtifactPath(artifactPath)
	if err != nil {
		return err
	}
	t.mu.Lock()
	key := t.models[modelRef(run.ID, p)]
	t.mu.Unlock()
	return t.enqueue(record{Kind: kindRegister, Run: run.ID, Path: p, Name: name, Model: key})
}

// End marks run finished, failed or killed.
func (t *MLflow) End(run Run, status Status) error {
	if err := t.known(run); err != nil {
		return err
	}
	switch status {
	case Finished, Failed, Killed:
	default:
		return fmt.Errorf("end run: status %q is not FINISHED, FAILED or KILLED", status)
	}
	return t.enqueue(record{Kind: kindEnd, Run: run.ID, Status: status, Time: nowMillis()})
}
