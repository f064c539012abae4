package exec

import (
	"fmt"
	"io"
	"sync"
)

// stdinReader is the interpreted program's os.Stdin (and what fmt.Scan
// reads). It asks the running cell's Output for a line only when the cell
// actually reads, so the client sees exactly one input_request per line
// wanted. (A pipe on fd 0 cannot tell when someone is reading it, and would
// have to guess; the price of this choice is that interpreted os.Stdin is
// an io.Reader rather than an *os.File.)
type stdinReader struct {
	s   *Session
	mu  sync.Mutex
	buf []byte
}

func (r *stdinReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.buf) == 0 {
		line, err := r.s.current().out.Input("", false)
		if err == ErrNoStdin {
			return 0, fmt.Errorf("read standard input: %w", err)
		}
		if err != nil {
			return 0, io.EOF
		}
		r.buf = append(r.buf, line...)
		r.buf = append(r.buf, '\n')
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// reset drops input a previous cell did not consume.
func (r *stdinReader) reset() {
	r.mu.Lock()
	r.buf = nil
	r.mu.Unlock()
}
