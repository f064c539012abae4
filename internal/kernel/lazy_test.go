package kernel

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

func TestLazySessionWaitsThenDelegates(t *testing.T) {
	release := make(chan struct{})
	fake := newFakeSession()
	l := LazySession(func() (Session, error) { <-release; return fake, nil })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r := l.Execute(ctx, "value 1", discardOutput{}); r.Err == nil || r.Err.Name != "Interrupted" {
		t.Errorf("interrupted while starting: %+v", r)
	}
	close(release)
	if r := l.Execute(context.Background(), "value 1", discardOutput{}); r.Err != nil || r.Value["text/plain"] != "1" {
		t.Errorf("after start: %+v", r)
	}
	if st, _ := l.IsComplete("x {"); st != "incomplete" {
		t.Errorf("IsComplete = %s", st)
	}
}

func TestLazySessionStartFailureIsACellError(t *testing.T) {
	l := LazySession(func() (Session, error) { return nil, errors.New("no fds") })
	r := l.Execute(context.Background(), "1", discardOutput{})
	if r.Err == nil || !strings.Contains(r.Err.Value, "no fds") || len(r.Err.Traceback) != 1 {
		t.Errorf("result = %+v", r)
	}
	if c := l.Complete("ab", 2); c.Start != 2 || c.End != 2 {
		t.Errorf("Complete = %+v", c)
	}
	if err := l.Close(); err != nil {
		t.Error(err)
	}
	p := LazySession(func() (Session, error) { panic("boom") })
	if r := p.Execute(context.Background(), "1", discardOutput{}); r.Err == nil || !strings.Contains(r.Err.Value, "boom") {
		t.Errorf("panic while starting: %+v", r)
	}
	var _ exec.Output = discardOutput{}
}
