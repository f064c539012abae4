package exec

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is an Output that keeps everything a cell shows, in order.
type recorder struct {
	mu       sync.Mutex
	events   []event
	inputs   []string // answers for Input, consumed in order
	noStdin  bool
	prompted int
}

// event is one thing a cell showed.
type event struct {
	kind     string // "stdout", "stderr", "display", "update", "clear", "error"
	text     string
	data     MIMEBundle
	id       string
	errValue *Error
}

func (r *recorder) Stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n := len(r.events); n > 0 && r.events[n-1].kind == name {
		r.events[n-1].text += text
		return
	}
	r.events = append(r.events, event{kind: name, text: text})
}

func (r *recorder) Display(data MIMEBundle, _ map[string]any, id string, update bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := "display"
	if update {
		k = "update"
	}
	r.events = append(r.events, event{kind: k, data: data, id: id})
}

func (r *recorder) ClearOutput(wait bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, event{kind: "clear"})
}

func (r *recorder) Input(prompt string, password bool) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.noStdin {
		return "", ErrNoStdin
	}
	r.prompted++
	if len(r.inputs) == 0 {
		return "", context.Canceled
	}
	s := r.inputs[0]
	r.inputs = r.inputs[1:]
	return s, nil
}

func (r *recorder) Error(e *Error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, event{kind: "error", errValue: e})
}

// text returns everything streamed to name.
func (r *recorder) text(name string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	for _, e := range r.events {
		if e.kind == name {
			b.WriteString(e.text)
		}
	}
	return b.String()
}

func (r *recorder) snapshot() []event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]event(nil), r.events...)
}

// newSession starts a session closed at the end of the test.
// The session's log is kept and shown after Close: with -v, t.Logf writes
// to fd 1 at once, which the session captures into the cell under test.
func newSession(t *testing.T) *Session {
	t.Helper()
	var mu sync.Mutex
	var logs []string
	s, err := New(Options{Log: func(format string, args ...any) {
		mu.Lock()
		logs = append(logs, fmt.Sprintf(format, args...))
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		mu.Lock()
		defer mu.Unlock()
		for _, l := range logs {
			t.Log(l)
		}
	})
	return s
}

// run executes a cell with a fresh recorder and a safety timeout.
func run(t *testing.T, s *Session, code string) (Result, *recorder) {
	t.Helper()
	return runWithin(t, s, code, 20*time.Second)
}

// runWithin executes a cell with a fresh recorder and a safety timeout of
// at least timeout, which only turns a hang into a failure: it stretches
// to the test binary's own deadline (go test -timeout) less a margin, so
// a loaded machine (the first cell type-checks the standard library from
// source, slowly under -race) never fails a cell that would have
// finished, and a real hang still fails with the cell's name before the
// binary's timeout panics.
func runWithin(t *testing.T, s *Session, code string, timeout time.Duration) (Result, *recorder) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), safetyTimeout(t, timeout))
	defer cancel()
	r := &recorder{}
	return s.Execute(ctx, code, r), r
}

// safetyTimeout is the time a cell may take before the harness calls it
// hung: until the test binary's deadline less a minute for the failure
// report (at least floor), or 10 minutes when the binary has none.
func safetyTimeout(t *testing.T, floor time.Duration) time.Duration {
	deadline, ok := t.Deadline()
	if !ok {
		return max(floor, 10*time.Minute)
	}
	return max(floor, time.Until(deadline)-time.Minute)
}

// mustRun executes a cell that must succeed.
func mustRun(t *testing.T, s *Session, code string) (Result, *recorder) {
	t.Helper()
	res, r := run(t, s, code)
	if res.Err != nil {
		t.Fatalf("cell %q failed: %s: %s\n%s", code, res.Err.Name, res.Err.Value, strings.Join(res.Err.Traceback, "\n"))
	}
	return res, r
}

// plain returns a result's text/plain value.
func plain(res Result) string {
	s, _ := res.Value["text/plain"].(string)
	return s
}
