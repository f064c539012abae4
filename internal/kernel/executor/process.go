package executor

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	osexec "os/exec"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// crashGrace is how long a dying executor may take to finish writing its
// fatal error once the runtime started reporting it, before it is killed
// (its last writes can block on a pipe nobody drains).
const crashGrace = 2 * time.Second

// keepCrash bounds what is kept of a dying executor's output for the
// report: the message comes first, the goroutine stacks after it.
const keepCrash = 64 << 10

// process is one executor child as the supervisor sees it.
type process struct {
	cmd      *osexec.Cmd
	c        *conn
	memLimit int64
	log      func(string, ...any)

	cells atomic.Int32  // cells sent and not answered
	ready chan struct{} // closed when the executor's session is loaded
	dead  chan struct{} // closed once it exited and why is known (report)

	mu       sync.Mutex
	waiting  map[uint64]chan *msg // requests waiting for their result
	report   *exec.Error          // why it died, when it did
	killed   string               // why the supervisor killed it, if it did
	tail     []byte               // the last stderr text it forwarded
	crash    []byte               // what the runtime wrote to the crash pipe
	errText  []byte               // what was left in its captured stderr
	stderr   *os.File             // read end of its captured stderr, or nil
	crashed  chan struct{}        // closed when the crash pipe first has data
	crashEOF chan struct{}        // closed when the crash pipe is read to its end
	reading  sync.WaitGroup       // the captured-stderr drain

	journal     []byte        // the end of its stderr journal (readJournal)
	hasJournal  bool          // it sent one
	journalEOF  chan struct{} // closed when the journal is read to its end, or there is none
	journalOnce sync.Once
}

// spawn starts binary args as an executor: fd 3 is its end of a fresh
// unix socket pair (nothing else can connect to it), fd 4 the pipe the Go
// runtime copies a fatal error to. It dies with the supervisor and lives
// in its own process group, so only the supervisor interrupts it.
func spawn(binary string, args []string, memLimit int64, on handlers, logf func(string, ...any)) (*process, error) {
	syscall.ForkLock.RLock() // no other fork inherits the pair before CloseOnExec
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err == nil {
		syscall.CloseOnExec(fds[0])
		syscall.CloseOnExec(fds[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, fmt.Errorf("executor: socket pair: %w", err)
	}
	mine, theirs := os.NewFile(uintptr(fds[0]), "executor socket"), os.NewFile(uintptr(fds[1]), "executor socket")
	defer theirs.Close()
	crashR, crashW, err := os.Pipe()
	if err != nil {
		mine.Close()
		return nil, fmt.Errorf("executor: crash pipe: %w", err)
	}
	defer crashW.Close()
	cmd := osexec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr // the executor's log; cells' output is captured inside
	cmd.ExtraFiles = []*os.File{theirs, crashW}
	cmd.Env = append(os.Environ(), memoryEnv+"="+strconv.FormatInt(memLimit, 10), "GODEBUG="+godebug())
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		mine.Close()
		crashR.Close()
		return nil, fmt.Errorf("executor: start %s: %w", binary, err)
	}
	nc, err := net.FileConn(mine)
	mine.Close()
	if err != nil {
		cmd.Process.Kill()
		crashR.Close()
		return nil, fmt.Errorf("executor: %w", err)
	}
	p := &process{cmd: cmd, c: newConn(nc), memLimit: memLimit, log: logf, ready: make(chan struct{}), dead: make(chan struct{}), waiting: map[uint64]chan *msg{}, crashed: make(chan struct{}), crashEOF: make(chan struct{}), journalEOF: make(chan struct{})}
	go p.watchCrash(crashR)
	go p.serve(nc.(*net.UnixConn), on)
	go p.wait()
	if memLimit > 0 {
		go p.watchMemory(memLimit)
	}
	return p, nil
}

// godebug is the executor's GODEBUG: this process's, and goroutine labels
// in stack traces, so a fatal error's stacks name the cell each goroutine
// belongs to (see crashedIn).
func godebug() string {
	if v := os.Getenv("GODEBUG"); v != "" {
		return v + ",tracebacklabels=1"
	}
	return "tracebacklabels=1"
}

// handlers receive what the executor sends besides results.
type handlers struct {
	output func(m *msg)             // stream, display, clear, go_error: in order
	input  func(p *process, m *msg) // an input request: answered from another goroutine
}

// serve reads the executor's greeting (with its captured stderr), then
// every message until the executor goes away.
func (p *process) serve(uc *net.UnixConn, on handlers) {
	defer p.failWaiting()
	b, oob := make([]byte, 1), make([]byte, syscall.CmsgSpace(2*4))
	_, oobn, _, _, err := uc.ReadMsgUnix(b, oob)
	if err != nil {
		p.journalDone()
		return
	}
	var fds []int
	if cms, err := syscall.ParseSocketControlMessage(oob[:oobn]); err == nil && len(cms) == 1 {
		fds, _ = syscall.ParseUnixRights(&cms[0])
	}
	for _, fd := range fds {
		syscall.CloseOnExec(fd)
		syscall.SetNonblock(fd, true) // pollable: reads get deadlines
	}
	if len(fds) > 2 { // not this protocol: keep none
		for _, fd := range fds {
			syscall.Close(fd)
		}
		fds = nil
	}
	if len(fds) > 0 {
		p.mu.Lock()
		p.stderr = os.NewFile(uintptr(fds[0]), "executor stderr")
		p.mu.Unlock()
	}
	if len(fds) == 2 {
		p.mu.Lock()
		p.hasJournal = true
		p.mu.Unlock()
		go p.readJournal(os.NewFile(uintptr(fds[1]), "executor stderr journal"))
	} else {
		p.journalDone()
	}
	for {
		m, err := p.c.recv()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
				p.log("executor %d: %v", p.cmd.Process.Pid, err)
				p.kill("it sent a malformed message")
			}
			return
		}
		switch m.T {
		case tReady:
			close(p.ready)
		case tResult:
			p.mu.Lock()
			ch := p.waiting[m.ID]
			delete(p.waiting, m.ID)
			p.mu.Unlock()
			if ch != nil {
				ch <- m
			}
		case tInput:
			on.input(p, m)
		case tStream:
			if m.Name == "stderr" {
				p.mu.Lock()
				p.tail = append(p.tail, m.Text...)
				if len(p.tail) > keepCrash {
					p.tail = append([]byte(nil), p.tail[len(p.tail)-keepCrash/2:]...)
				}
				p.mu.Unlock()
			}
			on.output(m)
		default:
			on.output(m)
		}
	}
}

// request sends m and returns where its result will arrive; the channel
// is closed instead if the executor dies first.
func (p *process) request(m *msg) (chan *msg, error) {
	ch := make(chan *msg, 1)
	p.mu.Lock()
	select {
	case <-p.dead:
		p.mu.Unlock()
		return nil, errors.New("the executor is gone")
	default:
	}
	p.waiting[m.ID] = ch
	p.mu.Unlock()
	if err := p.c.send(m); err != nil {
		p.mu.Lock()
		delete(p.waiting, m.ID)
		p.mu.Unlock()
		return nil, err
	}
	return ch, nil
}

func (p *process) failWaiting() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for id, ch := range p.waiting {
		close(ch)
		delete(p.waiting, id)
	}
}

// watchCrash collects what the runtime copies to the crash pipe. Its first
// bytes mean the executor is dying: from then on the supervisor drains
// its captured stderr itself (the executor's own reader has stopped, and
// the runtime may block on a full pipe), and kills it after crashGrace.
func (p *process) watchCrash(r *os.File) {
	defer close(p.crashEOF)
	defer r.Close()
	buf := make([]byte, 32<<10)
	for first := true; ; first = false {
		n, err := r.Read(buf)
		if n > 0 {
			p.mu.Lock()
			if len(p.crash) < keepCrash {
				p.crash = append(p.crash, buf[:min(n, keepCrash-len(p.crash))]...)
			}
			p.mu.Unlock()
			if first {
				p.drainStderr()
				close(p.crashed)
				time.AfterFunc(crashGrace, func() { p.kill("") })
			}
		}
		if err != nil {
			return
		}
	}
}

// readJournal keeps the end of the executor's stderr journal: a copy of
// everything its forwarder read from its captured stderr, taken before
// the read (see exec.Session.StderrJournal), until the executor is gone.
func (p *process) readJournal(f *os.File) {
	defer p.journalDone()
	defer f.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := f.Read(buf)
		if n > 0 {
			p.mu.Lock()
			p.journal = append(p.journal, buf[:n]...)
			if len(p.journal) > keepCrash {
				p.journal = append(p.journal[:0], p.journal[len(p.journal)-keepCrash/2:]...)
			}
			p.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// journalDone marks the journal read to its end (or absent).
func (p *process) journalDone() { p.journalOnce.Do(func() { close(p.journalEOF) }) }

// drainStderr reads the executor's captured stderr until it dies (wait
// then sets a deadline), keeping the start.
func (p *process) drainStderr() {
	p.mu.Lock()
	f := p.stderr
	p.mu.Unlock()
	if f == nil {
		return
	}
	p.reading.Add(1)
	go func() {
		defer p.reading.Done()
		buf := make([]byte, 32<<10)
		for {
			n, err := f.Read(buf)
			p.mu.Lock()
			if len(p.errText) < keepCrash {
				p.errText = append(p.errText, buf[:min(n, keepCrash-len(p.errText))]...)
			}
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
}

// wait reaps the executor, collects what it wrote while dying and works
// out the report, then marks it dead.
func (p *process) wait() {
	state := p.cmd.Wait()
	select { // the crash pipe ends with the executor (or a child it left)
	case <-p.crashEOF:
	case <-time.After(time.Second):
	}
	p.mu.Lock()
	f := p.stderr
	p.mu.Unlock()
	select {
	case <-p.crashed:
	default:
		p.drainStderr() // no crash output: still look at what fd 2 got last
	}
	if f != nil {
		f.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	}
	p.reading.Wait()
	select { // the journal's write end dies with the executor
	case <-p.journalEOF:
	case <-time.After(time.Second):
	}
	p.c.close()
	p.mu.Lock()
	// What the executor's forwarder read is in the journal (all of it) or
	// in the text it forwarded (all it delivered); what it had not read,
	// in errText.
	read := p.tail
	if p.hasJournal {
		read = exec.WithoutSyncMarkers(p.journal)
	}
	p.report = deathReport(p.killed, state, string(read)+string(p.errText), string(p.crash), p.memLimit)
	if f != nil {
		f.Close()
	}
	p.mu.Unlock()
	close(p.dead)
}

// kill ends the executor; why (if not empty) becomes its report.
func (p *process) kill(why string) {
	p.mu.Lock()
	if why != "" && p.killed == "" {
		p.killed = why
	}
	p.mu.Unlock()
	select {
	case <-p.dead:
	default:
		p.cmd.Process.Kill()
	}
}

// watchMemory kills the executor when its resident memory passes limit:
// runaway allocation ends as an error instead of a swap storm.
func (p *process) watchMemory(limit int64) {
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.dead:
			return
		case <-t.C:
			rss, err := residentBytes(p.cmd.Process.Pid)
			if err != nil {
				continue
			}
			if rss > limit {
				p.kill(fmt.Sprintf("memory cap %s exceeded: the cell's process had %s resident", formatBytes(limit), formatBytes(rss)))
				return
			}
		}
	}
}
