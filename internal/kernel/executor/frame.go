package executor

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// maxFrame bounds one message on the pipe between the processes, checked
// before allocating: a display larger than this fails (the executor says
// so in the cell) instead of making either side allocate it.
const maxFrame = 256 << 20

// Message types. The supervisor sends execute, interrupt, complete,
// inspect, isComplete and inputReply; the executor sends ready, result,
// stream, display, clear, goError and input.
const (
	tExecute    = "execute"
	tInterrupt  = "interrupt"
	tComplete   = "complete"
	tInspect    = "inspect"
	tIsComplete = "is_complete"
	tInputReply = "input_reply"

	tReady   = "ready"
	tResult  = "result"
	tStream  = "stream"
	tDisplay = "display"
	tClear   = "clear"
	tGoError = "go_error"
	tInput   = "input"
)

// msg is every message of the protocol; T says which fields mean
// something. ID names the request a reply or a cell's output belongs to.
type msg struct {
	T  string `json:"t"`
	ID uint64 `json:"id,omitempty"`

	Code   string `json:"code,omitempty"`
	Pos    int    `json:"pos,omitempty"`
	Detail int    `json:"detail,omitempty"`

	Name      string          `json:"name,omitempty"` // stream name
	Text      string          `json:"text,omitempty"` // stream text, input value, is_complete indent
	Data      exec.MIMEBundle `json:"data,omitempty"`
	Meta      map[string]any  `json:"meta,omitempty"`
	DisplayID string          `json:"display_id,omitempty"`
	Flag      bool            `json:"flag,omitempty"` // update, wait, password, found
	Status    string          `json:"status,omitempty"`
	Err       *exec.Error     `json:"err,omitempty"`

	Result   *exec.Result         `json:"result,omitempty"`
	Complete *exec.CompleteResult `json:"complete,omitempty"`
	Pid      int                  `json:"pid,omitempty"`
	Count    int                  `json:"count,omitempty"` // execute: the cell's execution count
}

// errUnsendable marks a message that cannot be encoded or is too large;
// the connection itself is still fine.
var errUnsendable = errors.New("cannot send")

// conn frames messages over a stream: a 4-byte big-endian length, then
// the message as JSON. Sends are serialised (a cell's goroutines write
// concurrently); one goroutine receives.
type conn struct {
	rwc io.ReadWriteCloser
	wmu sync.Mutex
	w   *bufio.Writer
	r   *bufio.Reader
	buf []byte
}

func newConn(rwc io.ReadWriteCloser) *conn {
	return &conn{rwc: rwc, w: bufio.NewWriterSize(rwc, 64<<10), r: bufio.NewReaderSize(rwc, 64<<10)}
}

// close ends the connection; the peer's recv sees EOF.
func (c *conn) close() error { return c.rwc.Close() }

// send writes one message and flushes it.
func (c *conn) send(m *msg) error {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("%w: encode %s: %v", errUnsendable, m.T, err)
	}
	if len(b) > maxFrame {
		return fmt.Errorf("%w: %s of %d bytes is over the %d-byte limit between the kernel's processes", errUnsendable, m.T, len(b), maxFrame)
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(b)))
	c.w.Write(n[:])
	c.w.Write(b)
	return c.w.Flush()
}

// recv reads one message; numbers inside bundles stay json.Number, so
// integers of any size survive the trip.
func (c *conn) recv() (*msg, error) {
	var n [4]byte
	if _, err := io.ReadFull(c.r, n[:]); err != nil {
		return nil, err
	}
	size := binary.BigEndian.Uint32(n[:])
	if size > maxFrame {
		return nil, fmt.Errorf("a message of %d bytes announced, over the %d-byte limit", size, maxFrame)
	}
	if cap(c.buf) < int(size) {
		c.buf = make([]byte, size)
	}
	b := c.buf[:size]
	if _, err := io.ReadFull(c.r, b); err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	m := &msg{}
	if err := d.Decode(m); err != nil {
		return nil, fmt.Errorf("decode a message: %w", err)
	}
	if cap(c.buf) > 1<<20 { // do not keep a huge display's buffer
		c.buf = nil
	}
	return m, nil
}
