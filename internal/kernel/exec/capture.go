package exec

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// syncMarker is written into a captured pipe to learn when everything
// written before it has been forwarded. It cannot be produced by accident:
// it contains bytes that are not valid UTF-8 text.
var syncMarker = []byte("\xff\xfegotrain-sync\xfe\xff")

// WithoutSyncMarkers returns b without the sync markers a session writes
// into its captured pipes (a copy of what was read from one has them).
func WithoutSyncMarkers(b []byte) []byte { return bytes.ReplaceAll(b, syncMarker, nil) }

// syncTimeout bounds how long the end of a cell waits for captured output
// that a cell may have made unreadable (e.g. by closing the descriptor).
const syncTimeout = 2 * time.Second

// streamSink is where captured text goes: the running cell's Output.
type streamSink func(name, text string)

// forwarder reads one captured pipe and forwards its text, whole UTF-8
// sequences only, to the sink, and reports every sync marker it sees.
// Reading and delivering are separate goroutines joined by a queue, so a
// write to fd 1 or 2 never waits for the sink: otherwise a kernel goroutine
// (or a library it uses) logging to stderr while the sink waits for that
// goroutine would deadlock.
type forwarder struct {
	name  string
	r     io.Reader
	sink  streamSink
	marks chan struct{}
	done  chan struct{}

	mu      sync.Mutex
	cond    *sync.Cond
	queue   []byte
	eof     bool
	dropped int
	taken   chan struct{} // the deliverer took the queue (see softQueue)
	stuck   time.Duration // how long the reader waits for that: stuckSink
	reads   int           // reads queued since the deliverer last took the queue

	// inflight counts reads whose bytes have left the pipe but not yet
	// reached the sink; with unread (the bytes still in the pipe) it tells
	// whether everything written so far has been forwarded (pending).
	inflight atomic.Int64
	readFn   func([]byte) (int, error) // nil: r.Read
	unread   func() int                // nil: unknown, taken as 0

	// journal is a pipe (its descriptor plus one; 0: none) that gets a
	// copy of what readFn reads, before it leaves the captured pipe; only
	// fd 2's forwarder may have one (journalOK). See Session.StderrJournal.
	journal   atomic.Int32
	journalOK bool
}

// Text read but not yet delivered is bounded twice. Beyond softQueue the
// reader waits for the deliverer to take the queue (so a cell printing
// faster than the kernel publishes is slowed down to the publishing speed
// instead of filling memory: 100 MB printed took the kernel's peak RSS up
// by 270 MB before). It waits at most stuckSink, so a sink that is stuck
// (which should not happen: publishing never waits for a subscriber) can
// not block writers to fd 1 and 2; the queue then grows to maxQueue, and
// beyond it text is dropped and the loss reported.
const (
	softQueue = 1 << 20
	maxQueue  = 256 << 20
	stuckSink = time.Second
)

// newForwarder starts forwarding r to sink; stuck is how long the reader
// waits for a sink that does not take the queue (normally stuckSink).
func newForwarder(name string, r io.Reader, sink streamSink, stuck time.Duration) *forwarder {
	f := &forwarder{name: name, r: r, sink: sink, marks: make(chan struct{}, 16), done: make(chan struct{}), taken: make(chan struct{}, 1), stuck: stuck}
	f.cond = sync.NewCond(&f.mu)
	if file, ok := r.(*os.File); ok {
		f.readFn, f.unread = fileReader(file, &f.inflight, &f.journal)
	}
	go f.read()
	go f.deliver()
	return f
}

// read moves bytes from the pipe to the queue until the pipe is closed.
func (f *forwarder) read() {
	buf := make([]byte, 64<<10)
	for {
		n, err := f.readOnce(buf)
		f.mu.Lock()
		if n > 0 {
			if len(f.queue)+n > maxQueue {
				f.dropped += n
			} else {
				f.queue = append(f.queue, buf[:n]...)
			}
			f.reads++
		}
		if err != nil {
			f.eof = true
		}
		over := len(f.queue) >= softQueue
		f.cond.Signal()
		f.mu.Unlock()
		if err != nil {
			return
		}
		if over {
			wait := time.NewTimer(f.stuck)
			select {
			case <-f.taken:
			case <-wait.C:
			}
			wait.Stop()
		}
	}
}

// readOnce reads from the pipe; a read that returns bytes counts as in
// flight until the deliverer has sunk them. (A plain io.Reader is counted
// only once Read returns; fileReader counts before the bytes leave the
// pipe, leaving no moment when they are in neither place.)
func (f *forwarder) readOnce(buf []byte) (int, error) {
	if f.readFn != nil {
		return f.readFn(buf)
	}
	n, err := f.r.Read(buf)
	if n > 0 {
		f.inflight.Add(1)
	}
	return n, err
}

// pending reports whether bytes written to the pipe before the call may
// not have reached the sink yet. The pipe is looked at first: a byte that
// left it since was counted in flight before it left.
func (f *forwarder) pending() bool {
	if f.unread != nil && f.unread() > 0 {
		return true
	}
	return f.inflight.Load() > 0
}

// deliver forwards queued text to the sink until the pipe is closed and
// the queue is empty.
func (f *forwarder) deliver() {
	defer close(f.done)
	var pending []byte
	for {
		f.mu.Lock()
		for len(f.queue) == 0 && !f.eof {
			f.cond.Wait()
		}
		chunk, eof, dropped, reads := f.queue, f.eof, f.dropped, f.reads
		f.queue, f.dropped, f.reads = nil, 0, 0
		f.mu.Unlock()
		if len(chunk) >= softQueue { // the reader waits for this
			select {
			case f.taken <- struct{}{}:
			default:
			}
		}
		if dropped > 0 {
			f.sink(f.name, fmt.Sprintf("\n[gotrain: %d bytes of output dropped: more than %d MB waiting]\n", dropped, maxQueue>>20))
		}
		pending = f.drain(append(pending, chunk...))
		f.inflight.Add(-int64(reads))
		if eof {
			if len(pending) > 0 {
				f.sink(f.name, string(pending))
			}
			return
		}
	}
}

// drain forwards complete text and markers from p and returns what must
// wait for more bytes (a partial marker or a partial UTF-8 sequence).
func (f *forwarder) drain(p []byte) []byte {
	for {
		i := bytes.Index(p, syncMarker)
		if i < 0 {
			break
		}
		if i > 0 {
			f.sink(f.name, string(p[:i]))
		}
		p = p[i+len(syncMarker):]
		select {
		case f.marks <- struct{}{}:
		default: // nobody waits for that many marks; sync drains before writing
		}
	}
	keep := partialMarker(p)
	if k := incompleteRune(p[:len(p)-keep]); k > 0 {
		keep += k
	}
	if len(p) > keep {
		f.sink(f.name, string(p[:len(p)-keep]))
	}
	return append([]byte(nil), p[len(p)-keep:]...)
}

// partialMarker is the length of the longest suffix of p that starts the
// sync marker.
func partialMarker(p []byte) int {
	for k := min(len(p), len(syncMarker)-1); k > 0; k-- {
		if bytes.HasPrefix(syncMarker, p[len(p)-k:]) {
			return k
		}
	}
	return 0
}

// incompleteRune is the number of trailing bytes of p that begin a UTF-8
// sequence not yet complete.
func incompleteRune(p []byte) int {
	for k := 1; k < utf8.UTFMax && k <= len(p); k++ {
		c := p[len(p)-k]
		if !utf8.RuneStart(c) {
			continue
		}
		if !utf8.FullRune(p[len(p)-k:]) {
			return k
		}
		return 0
	}
	return 0
}

// fdCapture redirects the process's stdout and stderr (file descriptors 1
// and 2) into pipes so that compiled code's output — library logs, C code —
// reaches the running cell, and restores them on close. The descriptors are
// process-wide, so only one session at a time may hold them (captureOwner).
type fdCapture struct {
	stdout, stderr *os.File // write ends, also what interpreted code writes to
	stderrRead     *os.File // read end of fd 2's pipe (see CapturedStderr)
	fwdOut, fwdErr *forwarder
	restore        func() error
	syncMu         sync.Mutex
}

// captureOwner guards the one process-wide redirection of fds 1 and 2.
// Process-global because the descriptors themselves are.
var captureOwner sync.Mutex

// pending reports whether something written to fd 1 or 2 so far may not
// have reached the sink yet.
func (c *fdCapture) pending() bool {
	return c.fwdOut.pending() || c.fwdErr.pending()
}

// sync waits until everything written to the pipes so far has been
// forwarded, so a cell's output precedes its result.
func (c *fdCapture) sync() {
	c.syncMu.Lock()
	defer c.syncMu.Unlock()
	deadline := time.NewTimer(syncTimeout)
	defer deadline.Stop()
	for _, p := range []struct {
		w *os.File
		f *forwarder
	}{{c.stdout, c.fwdOut}, {c.stderr, c.fwdErr}} {
		for drained := false; !drained; { // marks of syncs that gave up
			select {
			case <-p.f.marks:
			default:
				drained = true
			}
		}
		if _, err := p.w.Write(syncMarker); err != nil {
			continue
		}
		select {
		case <-p.f.marks:
		case <-deadline.C:
			return
		}
	}
}
