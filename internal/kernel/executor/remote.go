package executor

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// Config describes the executors a Remote starts.
type Config struct {
	// Binary is the executor's program, which must call Serve; empty means
	// this process's own executable. Args are its arguments.
	Binary string
	Args   []string
	// MemoryLimit caps an executor's resident memory in bytes (0: none):
	// past it the executor is killed and the cell fails with "memory cap
	// exceeded". It is also the executor's garbage-collector soft limit.
	MemoryLimit int64
	// Log receives the supervisor's diagnostics; nil discards them.
	Log func(format string, args ...any)
}

// Remote is a Session whose cells run in an executor process. When an
// executor dies — a Go runtime fatal error, the memory cap, a kill — the
// cell that was running fails with the runtime's message and a note that
// the session's state is lost, and a fresh executor starts at once. It
// implements the kernel's Session interface.
type Remote struct {
	cfg    Config
	nextID atomic.Uint64

	mu     sync.Mutex
	proc   *process // nil after a start failed, until the next request
	closed bool
	// supervisors counts the running supervise goroutines, so Close
	// returns only after the last of them has logged its executor's end.
	supervisors sync.WaitGroup

	outMu sync.Mutex
	outs  map[uint64]exec.Output // recent cells' outputs by id
	last  exec.Output            // the latest cell's: late output goes there
}

// restartNote ends the error of a cell whose executor died.
const restartNote = "The kernel's cell process died, so a fresh one was started: everything earlier cells defined (variables, functions, types, imports) is lost and %who is empty. Run the cells you need again."

// Start makes a Remote and starts its first executor now, so the
// interpreter loads while the client connects.
func Start(cfg Config) (*Remote, error) {
	if cfg.Log == nil {
		cfg.Log = func(string, ...any) {}
	}
	if cfg.Binary == "" {
		self, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("executor: find this program to start it as the executor: %w", err)
		}
		cfg.Binary = self
	}
	r := &Remote{cfg: cfg, outs: map[uint64]exec.Output{}}
	r.mu.Lock()
	_, err := r.spawnLocked()
	r.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return r, nil
}

// spawnLocked starts an executor as r.proc; r.mu is held.
func (r *Remote) spawnLocked() (*process, error) {
	p, err := spawn(r.cfg.Binary, r.cfg.Args, r.cfg.MemoryLimit, handlers{output: r.output, input: r.input}, r.cfg.Log)
	if err != nil {
		return nil, err
	}
	r.proc = p
	r.cfg.Log("executor %d started (%s)", p.cmd.Process.Pid, r.cfg.Binary)
	r.supervisors.Add(1)
	go r.supervise(p)
	return p, nil
}

// supervise waits for p to die and replaces it at once, unless it was
// retired, never became ready (no restart loop for a broken binary: the
// next request tries again), or the session is closing. A death while no
// cell runs is shown under the latest cell.
func (r *Remote) supervise(p *process) {
	defer r.supervisors.Done()
	<-p.dead
	r.cfg.Log("executor %d ended: %s", p.cmd.Process.Pid, p.report.Value)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.replaceLocked(p)
}

// replaceLocked replaces the dead executor p if it is still the current
// one (supervise and ready both may notice first); r.mu is held.
func (r *Remote) replaceLocked(p *process) {
	if r.proc != p || r.closed {
		return
	}
	select {
	case <-p.ready:
	default:
		r.proc = nil
		return
	}
	if _, err := r.spawnLocked(); err != nil {
		r.cfg.Log("%v", err)
		r.proc = nil
	}
	r.outMu.Lock()
	last := r.last
	r.outMu.Unlock()
	if eo, ok := last.(exec.ErrorOutput); ok && p.cells.Load() == 0 {
		eo.Error(lost(p.report, "while no cell was running"))
	}
}

// lost is a dead executor's report with the note that state is gone.
func lost(e *exec.Error, when string) *exec.Error {
	out := *e
	out.Traceback = append(append([]string(nil), e.Traceback...), "", restartNote)
	if when != "" {
		out.Traceback[0] += " (" + when + ")"
	}
	return &out
}

// ready returns a live executor, starting one if needed, once its
// session has loaded.
func (r *Remote) ready(ctx context.Context) (*process, error) {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil, errors.New("the session is closed")
	}
	if p := r.proc; p != nil {
		select {
		case <-p.dead:
			r.replaceLocked(p)
		default:
		}
	}
	p := r.proc
	if p == nil {
		var err error
		if p, err = r.spawnLocked(); err != nil {
			r.mu.Unlock()
			return nil, err
		}
	}
	r.mu.Unlock()
	select {
	case <-p.ready:
		return p, nil
	case <-p.dead:
		return nil, fmt.Errorf("the kernel's cell process failed to start: %s", p.report.Value)
	case <-ctx.Done():
		return nil, errors.New("interrupted while the Go session was starting")
	}
}

// Execute implements the kernel's Session: it runs code in the executor,
// switching to another executor program when the cell asks (switch.go).
func (r *Remote) Execute(ctx context.Context, code string, out exec.Output) exec.Result {
	res := r.run(ctx, code, out)
	if res.Switch != nil {
		return r.switchExecutor(ctx, res.Switch, code, out)
	}
	return res
}

// run runs code in the current executor.
func (r *Remote) run(ctx context.Context, code string, out exec.Output) exec.Result {
	p, err := r.ready(ctx)
	if err != nil {
		msg := err.Error()
		return exec.Result{Err: &exec.Error{Name: "SessionError", Value: msg, Traceback: []string{msg}}}
	}
	id := r.nextID.Add(1)
	r.outMu.Lock()
	r.outs[id], r.last = out, out
	for old := range r.outs {
		if old+4 < id {
			delete(r.outs, old)
		}
	}
	r.outMu.Unlock()
	p.cells.Add(1) // until the result: a death meanwhile is this cell's
	m := &msg{T: tExecute, ID: id, Code: code}
	if c, ok := out.(exec.CountedOutput); ok {
		m.Count = c.ExecutionCount()
	}
	ch, err := p.request(m)
	done := ctx.Done()
	for err == nil {
		select {
		case m, ok := <-ch:
			if ok && m.Result != nil {
				p.cells.Add(-1)
				return *m.Result
			}
			err = errors.New("the executor died")
		case <-done:
			done = nil
			p.c.send(&msg{T: tInterrupt, ID: id})
		}
	}
	<-p.dead
	return exec.Result{Err: lost(p.report, "")}
}

// query sends a request that does not run a cell and waits for its
// result; nil if the executor died meanwhile.
func (r *Remote) query(m *msg) *msg {
	p, err := r.ready(context.Background())
	if err != nil {
		return nil
	}
	m.ID = r.nextID.Add(1)
	ch, err := p.request(m)
	if err != nil {
		return nil
	}
	res, ok := <-ch
	if !ok {
		return nil
	}
	return res
}

// Complete implements the kernel's Session.
func (r *Remote) Complete(code string, cursorPos int) exec.CompleteResult {
	if m := r.query(&msg{T: tComplete, Code: code, Pos: cursorPos}); m != nil && m.Complete != nil {
		return *m.Complete
	}
	return exec.CompleteResult{Start: cursorPos, End: cursorPos}
}

// Inspect implements the kernel's Session.
func (r *Remote) Inspect(code string, cursorPos, detailLevel int) (exec.MIMEBundle, bool) {
	if m := r.query(&msg{T: tInspect, Code: code, Pos: cursorPos, Detail: detailLevel}); m != nil {
		return m.Data, m.Flag
	}
	return nil, false
}

// IsComplete implements the kernel's Session.
func (r *Remote) IsComplete(code string) (string, string) {
	if m := r.query(&msg{T: tIsComplete, Code: code}); m != nil {
		return m.Status, m.Text
	}
	return "unknown", ""
}

// Restart replaces the executor by a fresh one running binary with args
// (empty binary: the current ones) and returns once it is ready. This is
// the seam for a session that needs another executor program, e.g. one
// built with more compiled packages: everything earlier cells defined is
// lost, so the caller replays the cells it needs or tells the user.
// Call it between cells: a running cell fails as if its executor died.
func (r *Remote) Restart(ctx context.Context, binary string, args []string) error {
	r.mu.Lock()
	if binary != "" {
		r.cfg.Binary, r.cfg.Args = binary, args
	}
	old := r.proc
	_, err := r.spawnLocked()
	r.mu.Unlock()
	if old != nil {
		go retire(old)
	}
	if err != nil {
		return err
	}
	_, err = r.ready(ctx)
	return err
}

// retire ends an executor that is no longer current: its socket closes,
// so it exits; killed if it does not within a second.
func retire(p *process) {
	p.c.close()
	select {
	case <-p.dead:
	case <-time.After(time.Second):
		p.kill("")
		<-p.dead
	}
}

// Close implements the kernel's Session: it ends the executor.
func (r *Remote) Close() error {
	r.mu.Lock()
	r.closed = true
	p := r.proc
	r.mu.Unlock()
	if p != nil {
		retire(p)
	}
	r.supervisors.Wait()
	return nil
}

// Pid is the current executor's process id, 0 when none runs.
func (r *Remote) Pid() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.proc == nil {
		return 0
	}
	return r.proc.cmd.Process.Pid
}

// outFor is the output of cell id, or the latest cell's.
func (r *Remote) outFor(id uint64) exec.Output {
	r.outMu.Lock()
	defer r.outMu.Unlock()
	if o := r.outs[id]; o != nil {
		return o
	}
	if r.last != nil {
		return r.last
	}
	return discard{}
}

// output shows what an executor sent for a cell, in the order it came.
func (r *Remote) output(m *msg) {
	out := r.outFor(m.ID)
	switch m.T {
	case tStream:
		out.Stream(m.Name, m.Text)
	case tDisplay:
		out.Display(m.Data, m.Meta, m.DisplayID, m.Flag)
	case tClear:
		out.ClearOutput(m.Flag)
	case tGoError:
		if eo, ok := out.(exec.ErrorOutput); ok && m.Err != nil {
			eo.Error(m.Err)
		} else if m.Err != nil {
			out.Stream("stderr", m.Err.Name+": "+m.Err.Value+"\n")
		}
	}
}

// input answers an executor's input request through the cell's output
// (which asks the client) without holding up the messages behind it.
func (r *Remote) input(p *process, m *msg) {
	out := r.outFor(m.ID)
	go func() {
		v, err := out.Input(m.Text, m.Flag)
		reply := &msg{T: tInputReply, ID: uint64(m.Pos), Text: v}
		if errors.Is(err, exec.ErrNoStdin) {
			reply.Status = "no_stdin"
		} else if err != nil {
			reply.Status = err.Error()
		}
		p.c.send(reply)
	}()
}

// discard is the output before any cell ran.
type discard struct{}

func (discard) Stream(string, string)                                 {}
func (discard) Display(exec.MIMEBundle, map[string]any, string, bool) {}
func (discard) ClearOutput(bool)                                      {}
func (discard) Input(string, bool) (string, error)                    { return "", exec.ErrNoStdin }
