package kernel

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// fakeSession is a tiny exec.Session-compatible interpreter of one-word
// commands, enough to drive every protocol path of the kernel:
//
//	print TEXT   stream TEXT to stdout      eprint TEXT  stream to stderr
//	value TEXT   execute_result TEXT         fail         an error result
//	display ID   display_data with ID        update ID    update_display_data
//	clear        clear_output                wait         block until interrupted
//	input PROMPT ask for a line, return it   big N        print N bytes
//	spawn        a goroutine that prints "late" once release is closed
//	panic        panic inside Execute        set V / get  session state
//
// Lines run in order; the first error stops the cell.
type fakeSession struct {
	mu      sync.Mutex
	state   string
	release chan struct{}
	closed  bool
}

func newFakeSession() *fakeSession { return &fakeSession{release: make(chan struct{})} }

func (s *fakeSession) Execute(ctx context.Context, code string, out exec.Output) exec.Result {
	var res exec.Result
	for _, line := range strings.Split(code, "\n") {
		cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch cmd {
		case "":
		case "print":
			out.Stream("stdout", arg)
		case "eprint":
			out.Stream("stderr", arg)
		case "value":
			res.Value = exec.MIMEBundle{"text/plain": arg}
		case "fail":
			return exec.Result{Err: &exec.Error{Name: "Failure", Value: "asked to fail", Traceback: []string{"line 1: asked to fail"}}}
		case "display":
			out.Display(exec.MIMEBundle{"text/html": "<b>" + arg + "</b>", "text/plain": arg}, nil, arg, false)
		case "update":
			out.Display(exec.MIMEBundle{"text/plain": "updated " + arg}, nil, arg, true)
		case "clear":
			out.ClearOutput(arg == "wait")
		case "wait":
			<-ctx.Done()
			return exec.Result{Err: &exec.Error{Name: "Interrupted", Value: ctx.Err().Error()}}
		case "input":
			v, err := out.Input(arg, false)
			if err != nil {
				return exec.Result{Err: &exec.Error{Name: "InputError", Value: err.Error()}}
			}
			res.Value = exec.MIMEBundle{"text/plain": "got " + v}
		case "big":
			n, _ := strconv.Atoi(arg)
			chunk := strings.Repeat("0123456789abcdé\n", 512) // 8,704 bytes, a 2-byte rune inside
			for n > 0 {
				c := chunk[:min(n, len(chunk))]
				out.Stream("stdout", c)
				n -= len(c)
			}
		case "spawn":
			go func() {
				<-s.release
				out.Stream("stdout", "late")
			}()
		case "lateerror":
			go func() {
				<-s.release
				out.(exec.ErrorOutput).Error(&exec.Error{Name: "GoroutinePanic", Value: "late", Traceback: []string{"panic: late"}})
			}()
		case "panic":
			panic("fake session panic")
		case "set":
			s.mu.Lock()
			s.state = arg
			s.mu.Unlock()
		case "get":
			s.mu.Lock()
			res.Value = exec.MIMEBundle{"text/plain": s.state}
			s.mu.Unlock()
		default:
			return exec.Result{Err: &exec.Error{Name: "Unknown", Value: fmt.Sprintf("unknown command %q", cmd)}}
		}
	}
	return res
}

func (s *fakeSession) Complete(code string, cursorPos int) exec.CompleteResult {
	return exec.CompleteResult{Matches: []string{"print", "panic"}, Start: 0, End: cursorPos}
}

func (s *fakeSession) Inspect(code string, cursorPos, detailLevel int) (exec.MIMEBundle, bool) {
	if strings.HasPrefix(code, "print") {
		return exec.MIMEBundle{"text/plain": "print TEXT: stream TEXT"}, true
	}
	return nil, false
}

func (s *fakeSession) IsComplete(code string) (string, string) {
	if strings.HasSuffix(code, "{") {
		return "incomplete", "\t"
	}
	return "complete", ""
}

func (s *fakeSession) Close() error {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	return nil
}
