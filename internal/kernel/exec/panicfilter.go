package exec

import (
	"bytes"
	"io"
	"regexp"
	"sync"
)

// panicLine matches the line yaegi prints on its stderr for every
// interpreted frame a panic unwinds, e.g. "cell:3:5: panic: main(...)".
var panicLine = regexp.MustCompile(`^(\S+:\d+:\d+): panic(: .*)?$`)

// panicFilter is the interpreter's stderr. It removes yaegi's own "panic"
// lines (the cell's error reports the panic once) and remembers them as the
// interpreted stack; everything else passes through, a line at a time.
type panicFilter struct {
	mu    sync.Mutex
	w     io.Writer
	buf   []byte
	trace []string
}

func newPanicFilter(w io.Writer) *panicFilter { return &panicFilter{w: w} }

func (f *panicFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf = append(f.buf, p...)
	var out []byte
	for {
		i := bytes.IndexByte(f.buf, '\n')
		if i < 0 {
			break
		}
		line := f.buf[:i+1]
		if m := panicLine.FindSubmatch(bytes.TrimRight(line, "\n")); m != nil {
			f.trace = append(f.trace, string(m[1]))
		} else {
			out = append(out, line...)
		}
		f.buf = f.buf[i+1:]
	}
	// Text without a newline yet cannot be a panic line once it is longer
	// than any position prefix plus the word; pass it on rather than hold
	// prompts back.
	if len(f.buf) > 0 && !bytes.Contains(f.buf, []byte(": panic")) && !maybePanicPrefix(f.buf) {
		out = append(out, f.buf...)
		f.buf = f.buf[:0]
	}
	if len(out) > 0 {
		if _, err := f.w.Write(out); err != nil {
			return len(p), nil // the cell's stderr is gone; nothing better to do
		}
	}
	return len(p), nil
}

// maybePanicPrefix reports whether b could still grow into a panic line.
func maybePanicPrefix(b []byte) bool {
	return bytes.HasPrefix(b, []byte("cell:")) || bytes.HasPrefix(b, []byte("_.go:"))
}

// take returns and forgets the positions recorded since the last call,
// innermost frame first.
func (f *panicFilter) take() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	t := f.trace
	f.trace = nil
	return t
}
