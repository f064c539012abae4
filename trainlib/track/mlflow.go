package track

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/gotrain/gotrain/trainlib"
	"github.com/gotrain/gotrain/trainlib/model"
)

// MLflowOptions tune an MLflow tracker.
type MLflowOptions struct {
	// Dir is the job's output directory; the spool lives there. Required.
	Dir string
	// QueueSize bounds the calls held in memory for the sender (4096 when
	// zero). Beyond it calls are only in the spool and are read back from
	// there, so a long outage costs disk, not memory.
	QueueSize int
	// Report receives one line when the server becomes unreachable, when it
	// is back, and when it refuses a call for good. Lines go to os.Stderr
	// when nil.
	Report func(msg string)
	// MinBackoff and MaxBackoff bound the wait between retries (250 ms and
	// 10 s when zero); the wait doubles after each failure.
	MinBackoff, MaxBackoff time.Duration
	// SourceName is the mlflow.source.name tag (the program's name when
	// empty); GitCommit the mlflow.source.git.commit tag (the binary's VCS
	// revision when empty and known).
	SourceName, GitCommit string
	// Model describes the Python environment of logged model directories.
	Model ModelDirOptions
}

// MLflow is a Tracker that sends to an MLflow tracking server through a
// spool and one sender goroutine; see the package documentation.
type MLflow struct {
	cfg    Config
	client *Client
	opt    MLflowOptions
	sp     *spool
	report func(string)

	mu       sync.Mutex // guards seq, runs, overflow, closed, writes to queue
	seq      int64
	runs     map[string]bool
	overflow bool
	closed   bool

	queue   chan record
	closing chan struct{}
	done    chan struct{}
	cancel  context.CancelFunc
	start   *spoolState
}

var _ Tracker = (*MLflow)(nil)

// NewMLflow returns a tracker for the server cfg names, spooling in
// opt.Dir. It does not wait for the server: calls made while it is
// unreachable are sent when it answers. Calls left unsent in the spool by an
// earlier process are sent first.
func NewMLflow(cfg Config, opt MLflowOptions) (*MLflow, error) {
	if opt.Dir == "" {
		return nil, fmt.Errorf("mlflow tracker: no output directory given for the spool")
	}
	c, err := NewClient(cfg)
	if err != nil {
		return nil, err
	}
	if opt.QueueSize <= 0 {
		opt.QueueSize = 4096
	}
	if opt.MinBackoff <= 0 {
		opt.MinBackoff = 250 * time.Millisecond
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = 10 * time.Second
	}
	if opt.SourceName == "" {
		opt.SourceName = filepath.Base(os.Args[0])
	}
	if opt.GitCommit == "" {
		opt.GitCommit = vcsRevision()
	}
	report := opt.Report
	if report == nil {
		report = func(s string) { fmt.Fprintln(os.Stderr, s) }
	}
	sp, err := openSpool(opt.Dir)
	if err != nil {
		return nil, err
	}
	st, err := readSpool(opt.Dir)
	if err != nil {
		sp.close()
		return nil, err
	}
	t := &MLflow{cfg: cfg, client: c, opt: opt, sp: sp, report: report, seq: st.maxSeq,
		runs: map[string]bool{}, queue: make(chan record, opt.QueueSize),
		closing: make(chan struct{}), done: make(chan struct{}), start: st}
	for _, r := range st.calls {
		if r.Kind == kindRun {
			t.runs[r.Run] = true
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	go t.sendLoop(ctx)
	return t, nil
}

// URL returns the tracking server's URL.
func (t *MLflow) URL() string { return t.client.URL() }

// vcsRevision returns the git commit the binary was built from, if known.
func vcsRevision() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" {
			return s.Value
		}
	}
	return ""
}

// enqueue numbers r, appends it to the spool and hands it to the sender
// without waiting.
func (t *MLflow) enqueue(r record) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return fmt.Errorf("mlflow tracker: already closed")
	}
	t.seq++
	r.Seq = t.seq
	if err := t.sp.append(r); err != nil {
		t.seq--
		return err
	}
	if !t.overflow {
		select {
		case t.queue <- r:
		default:
			t.overflow = true // the sender reads the rest from the spool
		}
	}
	return nil
}

func nowMillis() int64 { return time.Now().UnixMilli() }

// standardTags are the tags MLflow's own clients set on every run.
func (t *MLflow) standardTags(name string) []Tag {
	tags := []Tag{
		{"mlflow.runName", name},
		{"mlflow.source.name", t.opt.SourceName},
		{"mlflow.source.type", "LOCAL"},
		{"gotrain.version", trainlib.Version},
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

// LogModel records m as an MLflow model directory at artifactPath.
func (t *MLflow) LogModel(run Run, m *model.Model, artifactPath string) error {
	return t.logModelDir(run, artifactPath, func(dir string) error { return SaveMLflowModel(dir, m, t.opt.Model) })
}

// LogModelFile records an XGBoost model file (JSON or UBJSON) as an MLflow
// model directory at artifactPath.
func (t *MLflow) LogModelFile(run Run, modelFile, artifactPath string) error {
	return t.logModelDir(run, artifactPath, func(dir string) error { return SaveMLflowModelFile(dir, modelFile, t.opt.Model) })
}

func (t *MLflow) logModelDir(run Run, artifactPath string, save func(dir string) error) error {
	if err := t.known(run); err != nil {
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
	return t.LogArtifact(run, dir, artifactPath)
}

// RegisterModel registers the model logged at artifactPath of run as a new
// version of the registered model name (created when absent).
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
	return t.enqueue(record{Kind: kindRegister, Run: run.ID, Path: p, Name: name})
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

// UnsentError says how many calls Close left in the spool and how to send
// them.
type UnsentError struct {
	Count int
	Dir   string
	URL   string
}

func (e *UnsentError) Error() string {
	return fmt.Sprintf("mlflow: %d tracking calls not sent to %s yet; they are kept in %s: run `gotrain mlflow sync %s` when the server answers",
		e.Count, e.URL, filepath.Join(e.Dir, SpoolFile), e.Dir)
}

// Close stops accepting calls and waits until everything is sent or ctx is
// done. Calls not sent by then stay in the spool and Close returns an
// *UnsentError.
func (t *MLflow) Close(ctx context.Context) error {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return nil
	}
	t.closed = true
	close(t.closing)
	t.mu.Unlock()
	select {
	case <-t.done:
	case <-ctx.Done():
		t.cancel()
		<-t.done
	}
	t.cancel()
	if err := t.sp.close(); err != nil {
		return err
	}
	st, err := readSpool(t.opt.Dir)
	if err != nil {
		return err
	}
	if n := len(st.pending()); n > 0 {
		return &UnsentError{Count: n, Dir: t.opt.Dir, URL: t.URL()}
	}
	return nil
}

// formatParams renders parameter values as MLflow strings, refusing what
// MLflow would refuse.
func formatParams(params map[string]any) ([]Tag, error) {
	out := make([]Tag, 0, len(params))
	for _, k := range sortedKeys(params) {
		var s string
		switch v := params[k].(type) {
		case float64:
			s = strconv.FormatFloat(v, 'g', -1, 64)
		case float32:
			s = strconv.FormatFloat(float64(v), 'g', -1, 32)
		case string:
			s = v
		default:
			s = fmt.Sprint(v)
		}
		if k == "" || len(k) > maxKeyLength {
			return nil, fmt.Errorf("mlflow param name %q must have 1 to %d characters", k, maxKeyLength)
		}
		if len(s) > maxParamValue {
			return nil, fmt.Errorf("mlflow param %q has %d characters; MLflow keeps at most %d: log it as an artifact instead", k, len(s), maxParamValue)
		}
		out = append(out, Tag{k, s})
	}
	return out, nil
}

func checkTag(k, v string) error {
	if k == "" || len(k) > maxKeyLength {
		return fmt.Errorf("mlflow tag name %q must have 1 to %d characters", k, maxKeyLength)
	}
	if len(v) > maxTagValue {
		return fmt.Errorf("mlflow tag %q has %d characters; MLflow keeps at most %d: log it as an artifact instead", k, len(v), maxTagValue)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
