package executor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"sync"
	"syscall"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// Descriptors a supervisor hands its executor (Start sets them up).
const (
	fdConn  = 3 // the executor's end of the socket pair
	fdCrash = 4 // write end of the pipe the runtime copies a fatal error to
)

// maxStack bounds a goroutine's stack in the executor.
const maxStack = 256 << 20

// memoryEnv tells the executor its memory cap in bytes, for the garbage
// collector's soft limit (the supervisor enforces the hard one).
const memoryEnv = "GOTRAIN_EXECUTOR_MEMORY"

// Serve is the executor's main: it runs cells in a session made with opts
// for the supervisor that started this process (see Start), until the
// supervisor goes away. Any binary that calls it can serve as an executor,
// e.g. one built with more compiled packages.
func Serve(opts exec.Options) error {
	syscall.CloseOnExec(fdConn)
	syscall.CloseOnExec(fdCrash)
	crash := os.NewFile(fdCrash, "crash output")
	if err := debug.SetCrashOutput(crash, debug.CrashOptions{}); err != nil {
		return fmt.Errorf("executor: route fatal errors to the supervisor: %w", err)
	}
	crash.Close()
	// The supervisor ignores SIGINT between cells, and an executor started
	// then inherits that. Caught here (and dropped: interrupts come as
	// messages), it is back to the default in the processes cells start.
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
	// Runaway recursion in compiled code hits this sooner than Go's 1 GB
	// default, so its fatal error comes in a second or two, not ten.
	debug.SetMaxStack(maxStack)
	if n, err := strconv.ParseInt(os.Getenv(memoryEnv), 10, 64); err == nil && n > 0 {
		// The collector works harder near the cap; past it the supervisor kills.
		debug.SetMemoryLimit(n / 10 * 9)
	}
	nc, err := net.FileConn(os.NewFile(fdConn, "executor socket"))
	if err != nil {
		return fmt.Errorf("executor: not started by a kernel supervisor (fd %d): %w", fdConn, err)
	}
	uc, ok := nc.(*net.UnixConn)
	if !ok {
		return fmt.Errorf("executor: fd %d is not a unix socket", fdConn)
	}
	s, err := exec.New(opts)
	if err != nil {
		return err
	}
	// First byte: the captured stderr's read end rides along, so the
	// supervisor can read a fatal error's message after this process died,
	// and, where the platform has one, the journal of what this process
	// read from it (the message may be read and not yet forwarded).
	var fds []int
	if f, err := s.CapturedStderr(); err != nil {
		opts.Log("%v", err)
	} else if f != nil {
		fds = append(fds, int(f.Fd()))
		defer f.Close()
		if j, err := s.StderrJournal(); err != nil {
			opts.Log("%v", err)
		} else if j != nil {
			fds = append(fds, int(j.Fd()))
			defer j.Close()
		}
	}
	var rights []byte
	if len(fds) > 0 {
		rights = syscall.UnixRights(fds...)
	}
	if _, _, err := uc.WriteMsgUnix([]byte{0}, rights, nil); err != nil {
		return fmt.Errorf("executor: greet the supervisor: %w", err)
	}
	srv := &server{s: s, c: newConn(uc), cells: map[uint64]context.CancelFunc{}, inputs: map[uint64]chan *msg{}}
	if err := srv.c.send(&msg{T: tReady, Pid: os.Getpid()}); err != nil {
		return err
	}
	err = srv.loop()
	if errors.Is(err, io.EOF) {
		return nil // the supervisor closed the session
	}
	return err
}

// server is the executor's side of the protocol.
type server struct {
	s *exec.Session
	c *conn

	mu      sync.Mutex
	cells   map[uint64]context.CancelFunc // running cells, to interrupt
	inputs  map[uint64]chan *msg          // input requests waiting for a reply
	inputID uint64
}

func (srv *server) loop() error {
	for {
		m, err := srv.c.recv()
		if err != nil {
			return err
		}
		switch m.T {
		case tExecute:
			ctx, cancel := context.WithCancel(context.Background())
			srv.mu.Lock()
			srv.cells[m.ID] = cancel
			srv.mu.Unlock()
			go srv.execute(ctx, m)
		case tInterrupt:
			srv.mu.Lock()
			if cancel := srv.cells[m.ID]; cancel != nil {
				cancel()
			}
			srv.mu.Unlock()
		case tInputReply:
			srv.mu.Lock()
			ch := srv.inputs[m.ID]
			delete(srv.inputs, m.ID)
			srv.mu.Unlock()
			if ch != nil {
				ch <- m
			}
		case tComplete, tInspect, tIsComplete:
			go srv.query(m)
		}
	}
}

func (srv *server) execute(ctx context.Context, m *msg) {
	res := srv.s.Execute(ctx, m.Code, &proxyOutput{srv: srv, id: m.ID, count: m.Count})
	srv.mu.Lock()
	srv.cells[m.ID]()
	delete(srv.cells, m.ID)
	srv.mu.Unlock()
	if err := srv.c.send(&msg{T: tResult, ID: m.ID, Result: &res}); err != nil {
		e := "the cell's result cannot be sent: " + err.Error()
		srv.send(&msg{T: tResult, ID: m.ID, Result: &exec.Result{Err: &exec.Error{Name: "ResultTooLarge", Value: e, Traceback: []string{e}}}})
	}
}

func (srv *server) query(m *msg) {
	r := &msg{T: tResult, ID: m.ID}
	switch m.T {
	case tComplete:
		c := srv.s.Complete(m.Code, m.Pos)
		r.Complete = &c
	case tInspect:
		r.Data, r.Flag = srv.s.Inspect(m.Code, m.Pos, m.Detail)
	case tIsComplete:
		r.Status, r.Text = srv.s.IsComplete(m.Code)
	}
	srv.send(r)
}

// send sends m; when the supervisor is gone there is no one left to serve.
func (srv *server) send(m *msg) error {
	err := srv.c.send(m)
	if err != nil && !errors.Is(err, errUnsendable) {
		os.Exit(0)
	}
	return err
}

// proxyOutput is the exec.Output of one cell: it sends what the cell
// shows to the supervisor, tagged with the cell's id.
type proxyOutput struct {
	srv   *server
	id    uint64
	count int
}

var (
	_ exec.Output        = (*proxyOutput)(nil)
	_ exec.ErrorOutput   = (*proxyOutput)(nil)
	_ exec.CountedOutput = (*proxyOutput)(nil)
)

// ExecutionCount implements exec.CountedOutput: the client's count for
// the cell, as the supervisor sent it.
func (p *proxyOutput) ExecutionCount() int { return p.count }

func (p *proxyOutput) Stream(name, text string) {
	p.srv.send(&msg{T: tStream, ID: p.id, Name: name, Text: text})
}

func (p *proxyOutput) Display(data exec.MIMEBundle, metadata map[string]any, displayID string, update bool) {
	if err := p.srv.send(&msg{T: tDisplay, ID: p.id, Data: data, Meta: metadata, DisplayID: displayID, Flag: update}); err != nil {
		p.Stream("stderr", "display not shown: "+err.Error()+"\n")
	}
}

func (p *proxyOutput) ClearOutput(wait bool) {
	p.srv.send(&msg{T: tClear, ID: p.id, Flag: wait})
}

func (p *proxyOutput) Error(e *exec.Error) {
	p.srv.send(&msg{T: tGoError, ID: p.id, Err: e})
}

// Input asks the supervisor, which asks the client, and waits for the
// answer (the supervisor answers with an error when the cell is
// interrupted or the client allows no input).
func (p *proxyOutput) Input(prompt string, password bool) (string, error) {
	srv := p.srv
	ch := make(chan *msg, 1)
	srv.mu.Lock()
	srv.inputID++
	seq := srv.inputID
	srv.inputs[seq] = ch
	srv.mu.Unlock()
	srv.send(&msg{T: tInput, ID: p.id, Pos: int(seq), Text: prompt, Flag: password})
	r := <-ch
	switch {
	case r.Status == "no_stdin":
		return "", exec.ErrNoStdin
	case r.Status != "":
		return "", errors.New(r.Status)
	}
	return r.Text, nil
}
