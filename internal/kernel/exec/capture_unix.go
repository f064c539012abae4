//go:build unix

package exec

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"syscall"
)

// startFDCapture points fds 1 and 2 at fresh pipes whose text goes to sink.
// It returns nil, nil when another session already holds the descriptors.
func startFDCapture(sink streamSink) (*fdCapture, error) {
	if !captureOwner.TryLock() {
		return nil, nil
	}
	c := &fdCapture{}
	var saved []int
	var pipes []*os.File
	fail := func(err error) (*fdCapture, error) {
		for i, fd := range saved {
			syscall.Dup2(fd, i+1)
			syscall.Close(fd)
		}
		for _, p := range pipes {
			p.Close()
		}
		captureOwner.Unlock()
		return nil, err
	}
	for _, fd := range []int{1, 2} {
		orig, err := syscall.Dup(fd)
		if err != nil {
			return fail(fmt.Errorf("capture output: save fd %d: %w", fd, err))
		}
		syscall.CloseOnExec(orig)
		saved = append(saved, orig)
		r, w, err := os.Pipe()
		if err != nil {
			return fail(fmt.Errorf("capture output: %w", err))
		}
		pipes = append(pipes, r, w)
		if err := syscall.Dup2(int(w.Fd()), fd); err != nil {
			return fail(fmt.Errorf("capture output: redirect fd %d: %w", fd, err))
		}
		name := "stdout"
		if fd == 2 {
			name = "stderr"
			c.stderr, c.stderrRead, c.fwdErr = w, r, newForwarder(name, r, sink, stuckSink)
			c.fwdErr.journalOK = true
		} else {
			c.stdout, c.fwdOut = w, newForwarder(name, r, sink, stuckSink)
		}
	}
	c.restore = func() error {
		var errs []error
		for i, fd := range saved {
			errs = append(errs, syscall.Dup2(fd, i+1), syscall.Close(fd))
		}
		// With fds 1 and 2 restored, closing our write ends lets the
		// forwarders see EOF and finish.
		errs = append(errs, c.stdout.Close(), c.stderr.Close())
		// A process a cell started in the background may still hold the
		// pipes open: stop waiting for the forwarders after a while and
		// close the read ends under them.
		ctx, cancel := context.WithTimeout(context.Background(), syncTimeout)
		defer cancel()
		for _, f := range []*forwarder{c.fwdOut, c.fwdErr} {
			select {
			case <-f.done:
			case <-ctx.Done():
			}
		}
		pipes[0].Close()
		pipes[2].Close()
		// The journal closes once fd 2's forwarder is done with it (or
		// given up on): a descriptor closed under a tee in flight could
		// be reused by another file before the tee writes to it.
		if fd := c.fwdErr.journal.Swap(0); fd > 0 {
			errs = append(errs, syscall.Close(int(fd-1)))
		}
		captureOwner.Unlock()
		return errors.Join(errs...)
	}
	return c, nil
}

// fileReader reads a pipe through its raw descriptor so that a read is
// counted in flight (see forwarder.pending) before its bytes leave the
// pipe; unread is the number of bytes still in the pipe. When journal
// holds a descriptor (plus one), the bytes are first copied to that pipe
// without leaving this one (see Session.StderrJournal).
func fileReader(file *os.File, inflight *atomic.Int64, journal *atomic.Int32) (read func([]byte) (int, error), unread func() int) {
	rc, err := file.SyscallConn()
	if err != nil {
		return nil, nil
	}
	read = func(buf []byte) (int, error) {
		var n int
		var rerr error
		err := rc.Read(func(fd uintptr) bool {
			for {
				inflight.Add(1)
				want := len(buf)
				if j := journal.Load(); j > 0 {
					// Read exactly what the journal got: every byte that
					// leaves the pipe is in the journal first.
					if k := teePipe(int(fd), int(j-1), want); k > 0 {
						want = k
					}
				}
				n, rerr = syscall.Read(int(fd), buf[:want])
				if n <= 0 {
					inflight.Add(-1)
				}
				if rerr != syscall.EINTR {
					break
				}
			}
			return rerr != syscall.EAGAIN // false: wait until readable
		})
		switch {
		case err != nil:
			return 0, err
		case rerr != nil:
			return 0, rerr
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
	unread = func() int {
		k := 0
		rc.Control(func(fd uintptr) { k = pipeUnread(fd) })
		return k
	}
	return read, unread
}

// StderrJournal returns the read end of a pipe that receives a copy of
// everything read from fd 2's pipe from now on, before it is read, or nil
// when the session does not capture fd 2 or the platform cannot copy a
// pipe (Linux's tee does). A supervising process reads it all along:
// the Go runtime writes a fatal error's first lines ("runtime: out of
// memory: …", "fatal error: …") to fd 2 only, and the session's forwarder
// may read them and then be stopped, with the rest of the process, before
// it delivers them; the journal has them by then. Bytes for which the
// journal has no room (its reader fell behind) are forwarded without a
// copy. One journal per session: a second call returns an error.
func (s *Session) StderrJournal() (*os.File, error) {
	if s.capture == nil || !s.capture.fwdErr.journalOK || !canTee {
		return nil, nil
	}
	p, err := journalPipe()
	if err != nil {
		return nil, fmt.Errorf("stderr journal: %w", err)
	}
	if !s.capture.fwdErr.journal.CompareAndSwap(0, int32(p[1]+1)) {
		syscall.Close(p[0])
		syscall.Close(p[1])
		return nil, errors.New("stderr journal: this session already has one")
	}
	return os.NewFile(uintptr(p[0]), "stderr journal"), nil
}

// CapturedStderr returns a duplicate of the read end of the pipe fd 2
// points at while the session captures it, or nil when it does not. A
// supervising process keeps it to read what the Go runtime writes to fd 2
// as the process dies (a fatal error's message and stacks), which the
// session's own forwarder, stopped with the rest of the process, cannot.
func (s *Session) CapturedStderr() (*os.File, error) {
	if s.capture == nil {
		return nil, nil
	}
	rc, err := s.capture.stderrRead.SyscallConn()
	if err != nil {
		return nil, fmt.Errorf("duplicate the captured stderr: %w", err)
	}
	fd := -1
	// Control, not Fd: Fd would switch the forwarder's pipe to blocking.
	if cerr := rc.Control(func(f uintptr) { fd, err = syscall.Dup(int(f)) }); cerr != nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("duplicate the captured stderr: %w", err)
	}
	syscall.CloseOnExec(fd)
	return os.NewFile(uintptr(fd), "captured stderr"), nil
}
