package kernel

import (
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// Stream coalescing: text is held for at most flushInterval, or until
// flushBytes have gathered, then sent as one stream message.
const (
	flushInterval = 50 * time.Millisecond
	flushBytes    = 64 << 10
)

// iopubOutput orders everything cells show on iopub. Stream text is
// buffered and flushed before any other output, so the client sees it all
// in the order it was produced. Output is attributed to the parent of the
// most recent execute_request, so goroutines that outlive their cell keep
// reporting under the last cell.
type iopubOutput struct {
	k      *Kernel
	mu     sync.Mutex
	parent wire.Header
	name   string // stream of the buffered text
	buf    []byte
	timer  *time.Timer
}

func newIOPubOutput(k *Kernel) *iopubOutput {
	o := &iopubOutput{k: k}
	o.timer = time.AfterFunc(time.Hour, o.flush)
	o.timer.Stop()
	return o
}

// setParent flushes what the previous cell left and attributes further
// output to parent.
func (o *iopubOutput) setParent(parent wire.Header) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
	o.parent = parent
}

// stream buffers text for the named stream.
func (o *iopubOutput) stream(name, text string) {
	if text == "" {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if name != o.name && len(o.buf) > 0 {
		o.flushLocked()
	}
	o.name = name
	wasEmpty := len(o.buf) == 0
	o.buf = append(o.buf, text...)
	for len(o.buf) >= flushBytes {
		o.k.pub.waitRoom() // a cell printing faster than clients read waits for them
		cut := runeBoundary(o.buf, flushBytes)
		o.k.publish(o.parent, wire.Stream, wire.StreamContent{Name: o.name, Text: string(o.buf[:cut])})
		o.buf = append(o.buf[:0], o.buf[cut:]...)
	}
	if wasEmpty && len(o.buf) > 0 {
		o.timer.Reset(flushInterval)
	}
}

// send flushes buffered text, then publishes a non-stream message.
func (o *iopubOutput) send(msgType string, content any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
	o.k.publish(o.parent, msgType, content)
}

// flush sends buffered stream text now.
func (o *iopubOutput) flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
}

func (o *iopubOutput) flushLocked() {
	o.timer.Stop()
	if len(o.buf) == 0 {
		return
	}
	o.k.publish(o.parent, wire.Stream, wire.StreamContent{Name: o.name, Text: string(o.buf)})
	o.buf = o.buf[:0]
	if cap(o.buf) > 4*flushBytes {
		o.buf = nil
	}
}

// runeBoundary returns the largest n ≤ max (and > 0) that does not split a
// UTF-8 sequence of b; the end of b counts as a boundary.
func runeBoundary(b []byte, max int) int {
	for n := max; n > max-utf8.UTFMax && n > 0; n-- {
		if n >= len(b) || utf8.RuneStart(b[n]) {
			return n
		}
	}
	return max
}
