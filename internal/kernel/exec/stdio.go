package exec

import "io"

// StdStream is the type of os.Stdout and os.Stderr in cells. Writes go to
// the cell's stdout or stderr in program order with everything else the
// cell prints — the interpreter's fmt.Print*, log, and compiled code's
// writes to the descriptors — which a *os.File on two pipes cannot keep.
// It has the *os.File methods cells use on these streams (Write,
// WriteString, Name, Fd, Sync, Close); code that needs a *os.File itself
// gets a compile error naming this type.
type StdStream struct {
	w    io.Writer
	name string
	fd   uintptr
}

// Write writes p to the stream.
func (s *StdStream) Write(p []byte) (int, error) { return s.w.Write(p) }

// WriteString writes str to the stream.
func (s *StdStream) WriteString(str string) (int, error) { return s.w.Write([]byte(str)) }

// Name is "/dev/stdout" or "/dev/stderr", as for os.Stdout and os.Stderr.
func (s *StdStream) Name() string { return "/dev/" + s.name }

// Fd is the process's descriptor of the stream (1 or 2), which is
// captured too.
func (s *StdStream) Fd() uintptr { return s.fd }

// Sync does nothing: every write has already been handed on.
func (s *StdStream) Sync() error { return nil }

// Close does nothing: a cell cannot close the notebook's output.
func (s *StdStream) Close() error { return nil }
