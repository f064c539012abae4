package exec

import (
	"context"
	"errors"
	"reflect"
	"time"
	_ "unsafe" // for go:linkname

	"github.com/traefik/yaegi/interp"
)

// yaegiStop is the interpreter's own stop: it ends the running program's
// interpreted loops and channel operations. yaegi only calls it from
// ExecuteWithContext, whose early return on cancellation races with its
// own goroutine (both write the named results: the race detector flags it
// in v0.16.1), so the session drives the program itself and stops it
// through this link.
//
//go:linkname yaegiStop github.com/traefik/yaegi/interp.(*Interpreter).stop
func yaegiStop(*interp.Interpreter)

// interruptGrace is how long an interrupted cell waits for compiled code
// that does not watch the context before it is abandoned and the cell
// reported as interrupted.
const interruptGrace = 2 * time.Second

// errGoexit is the error of a cell that called runtime.Goexit.
var errGoexit = errors.New("the cell called runtime.Goexit, which ended the cell; the kernel keeps running")

type execResult struct {
	v   reflect.Value
	err error
}

// execute runs a compiled program. ExecuteWithContext is given a context
// that is never cancelled, so it always waits for the program and never
// races; an interrupt stops the program through yaegiStop, but only once
// the program has signalled (rt Started) that ExecuteWithContext has set up
// its stop channel. A program that never started its body (declarations)
// is waited for, up to interruptGrace.
func (s *Session) execute(ctx context.Context, prog *interp.Program) (reflect.Value, error) {
	started := make(chan struct{})
	s.setStarted(started)
	done := make(chan execResult, 1)
	go func() {
		sent := false
		defer func() {
			// runtime.Goexit in a cell ends this goroutine without a result.
			if !sent {
				done <- execResult{err: errGoexit}
			}
		}()
		v, err := s.interp.ExecuteWithContext(context.Background(), prog)
		done <- execResult{v, err}
		sent = true
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
	}
	select {
	case <-started:
		yaegiStop(s.interp)
	case r := <-done:
		return r.v, r.err
	case <-time.After(interruptGrace):
		return reflect.Value{}, ctx.Err()
	}
	select {
	case <-done:
	case <-time.After(interruptGrace):
	}
	return reflect.Value{}, ctx.Err()
}

// setStarted sets the channel the running program's rt Started closes.
func (s *Session) setStarted(c chan struct{}) {
	s.curMu.Lock()
	s.started = c
	s.curMu.Unlock()
}

// rtStarted is called as the first statement of every statement group.
func (s *Session) rtStarted() {
	s.curMu.Lock()
	c := s.started
	s.started = nil
	s.curMu.Unlock()
	if c != nil {
		close(c)
	}
}
