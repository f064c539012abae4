package track

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"
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
	// ModelType is the model_type of logged models, a free label MLflow
	// searches by; empty (none) as mlflow.xgboost.log_model leaves it.
	ModelType string
}

// MLflow is a Tracker that sends to an MLflow tracking server through a
// spool and one sender goroutine; see the package documentation.
type MLflow struct {
	cfg    Config
	client *Client
	opt    MLflowOptions
	sp     *spool
	report func(string)

	mu       sync.Mutex // guards seq, runs to models, overflow, closed, writes to queue
	seq      int64
	runs     map[string]bool
	params   map[string][]Tag    // run → its params, for its logged models
	steps    map[string]*runStep // run → its metrics at its latest step
	models   map[string]string   // modelRef(run, name) → latest model key
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
		runs: map[string]bool{}, params: map[string][]Tag{}, steps: map[string]*runStep{}, models: map[string]string{},
		queue:   make(chan record, opt.QueueSize),
		closing: make(chan struct{}), done: make(chan struct{}), start: st}
	for _, r := range st.calls {
		t.remember(r)
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

// remember updates what the tracker knows of its runs from call r: the
// runs, their params, metrics at the latest step and logged models. The
// caller holds t.mu or owns t alone.
func (t *MLflow) remember(r record) {
	switch r.Kind {
	case kindRun:
		t.runs[r.Run] = true
	case kindLog:
		t.params[r.Run] = append(t.params[r.Run], r.Params...)
		if len(r.Metrics) > 0 {
			if t.steps[r.Run] == nil {
				t.steps[r.Run] = &runStep{}
			}
			t.steps[r.Run].add(r.Metrics)
		}
	case kindModel:
		t.models[modelRef(r.Run, r.Name)] = r.Model
	}
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
	t.remember(r)
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
