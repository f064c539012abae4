package exec

import (
	"bytes"
	"io"
	"os"
	"sync"
	"time"
	"unicode/utf8"
)

// syncMarker is written into a captured pipe to learn when everything
// written before it has been forwarded. It cannot be produced by accident:
// it contains bytes that are not valid UTF-8 text.
var syncMarker = []byte("\xff\xfegotrain-sync\xfe\xff")

// syncTimeout bounds how long the end of a cell waits for captured output
// that a cell may have made unreadable (e.g. by closing the descriptor).
const syncTimeout = 2 * time.Second

// streamSink is where captured text goes: the running cell's Output.
type streamSink func(name, text string)

// forwarder reads one captured pipe and forwards its text, whole UTF-8
// sequences only, to the sink, and reports every sync marker it sees.
type forwarder struct {
	name  string
	r     io.Reader
	sink  streamSink
	marks chan struct{}
	done  chan struct{}
}

func newForwarder(name string, r io.Reader, sink streamSink) *forwarder {
	f := &forwarder{name: name, r: r, sink: sink, marks: make(chan struct{}, 16), done: make(chan struct{})}
	go f.loop()
	return f
}

// loop runs until the pipe is closed.
func (f *forwarder) loop() {
	defer close(f.done)
	buf := make([]byte, 32<<10)
	var pending []byte
	for {
		n, err := f.r.Read(buf)
		if n > 0 {
			pending = append(pending, buf[:n]...)
			pending = f.drain(pending)
		}
		if err != nil {
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
		f.marks <- struct{}{}
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
	fwdOut, fwdErr *forwarder
	restore        func() error
	syncMu         sync.Mutex
}

// captureOwner guards the one process-wide redirection of fds 1 and 2.
// Process-global because the descriptors themselves are.
var captureOwner sync.Mutex

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
