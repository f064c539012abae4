package kernel

import (
	"context"
	"fmt"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// LazySession starts a Session in the background with start and lets the
// kernel serve before it is ready: kernel_info (all a client waits for to
// call the kernel ready) needs no interpreter, so launch-to-ready does not
// pay for loading it. Every Session method waits for start to finish; if
// it failed, cells fail with its error and the other methods answer empty.
func LazySession(start func() (Session, error)) Session {
	l := &lazySession{ready: make(chan struct{})}
	go func() {
		defer close(l.ready)
		defer func() {
			if r := recover(); r != nil {
				l.err = fmt.Errorf("the Go session panicked while starting: %v", r)
			}
		}()
		l.s, l.err = start()
		if l.err == nil && l.s == nil {
			l.err = fmt.Errorf("the Go session did not start")
		}
	}()
	return l
}

type lazySession struct {
	ready chan struct{}
	s     Session
	err   error
}

func (l *lazySession) wait() Session {
	<-l.ready
	if l.err != nil {
		return nil
	}
	return l.s
}

func (l *lazySession) Execute(ctx context.Context, code string, out exec.Output) exec.Result {
	select {
	case <-l.ready:
	case <-ctx.Done():
		return exec.Result{Err: &exec.Error{Name: "Interrupted", Value: "interrupted while the Go session was starting", Traceback: []string{"interrupted while the Go session was starting"}}}
	}
	s := l.wait()
	if s == nil {
		msg := fmt.Sprintf("the Go session failed to start: %v (restart the kernel; see the kernel's log)", l.err)
		return exec.Result{Err: &exec.Error{Name: "SessionError", Value: msg, Traceback: []string{msg}}}
	}
	return s.Execute(ctx, code, out)
}

func (l *lazySession) Complete(code string, cursorPos int) exec.CompleteResult {
	if s := l.wait(); s != nil {
		return s.Complete(code, cursorPos)
	}
	return exec.CompleteResult{Start: cursorPos, End: cursorPos}
}

func (l *lazySession) Inspect(code string, cursorPos, detailLevel int) (exec.MIMEBundle, bool) {
	if s := l.wait(); s != nil {
		return s.Inspect(code, cursorPos, detailLevel)
	}
	return nil, false
}

func (l *lazySession) IsComplete(code string) (string, string) {
	if s := l.wait(); s != nil {
		return s.IsComplete(code)
	}
	return "unknown", ""
}

func (l *lazySession) Close() error {
	if s := l.wait(); s != nil {
		return s.Close()
	}
	return nil
}
