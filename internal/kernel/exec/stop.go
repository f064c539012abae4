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
	exited := make(chan exitPanic, 1)
	done := make(chan execResult, 1)
	s.setExited(exited)
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
	case e := <-exited:
		s.setExited(nil)
		if !e.main {
			// Another goroutine of the cell exited: the program's own
			// goroutine is still running and is stopped as an interrupt
			// stops it, before the next cell may run.
			s.stop(started, done)
		}
		return reflect.Value{}, e
	case <-ctx.Done():
	}
	s.setExited(nil)
	if r, ok := s.stop(started, done); ok {
		return r.v, r.err
	}
	return reflect.Value{}, ctx.Err()
}

// stop ends the running program through yaegiStop once it has started
// (see execute), and waits for it up to interruptGrace: ok when it ended
// of itself before it could be stopped.
func (s *Session) stop(started chan struct{}, done chan execResult) (r execResult, ok bool) {
	select {
	case <-started:
		yaegiStop(s.interp)
	case r := <-done:
		return r, true
	case <-time.After(interruptGrace):
		return r, false
	}
	select {
	case <-done:
	case <-time.After(interruptGrace):
	}
	return r, false
}

// setExited sets the channel osExit reports the running program's exit
// on (rtStarted notes the goroutine that runs the program).
func (s *Session) setExited(c chan exitPanic) {
	s.curMu.Lock()
	s.exited, s.exitMain = c, 0
	s.curMu.Unlock()
}

// setStarted sets the channel the running program's rt Started closes.
func (s *Session) setStarted(c chan struct{}) {
	s.curMu.Lock()
	s.started = c
	s.curMu.Unlock()
}

// rtStarted is called as the first statement of every statement group,
// on the goroutine that runs the program.
func (s *Session) rtStarted() {
	s.curMu.Lock()
	c := s.started
	s.started = nil
	if c != nil {
		s.exitMain = goid()
	}
	s.curMu.Unlock()
	if c != nil {
		close(c)
	}
}
