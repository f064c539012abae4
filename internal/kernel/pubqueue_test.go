package kernel

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"testing"
	"time"
)

// message encodes a one-frame ZMTP message numbered i, of size bytes.
func message(i, size int) []byte {
	body := make([]byte, size)
	binary.BigEndian.PutUint32(body, uint32(i))
	return frame(0x00, body)
}

// units splits a ZMTP byte stream (after the greeting) into whole units.
func units(stream []byte) ([][]byte, error) {
	s := zmtpScanner{max: 1 << 40}
	var out [][]byte
	for len(stream) > 0 {
		n, u, err := s.step(stream)
		if err != nil {
			return nil, err
		}
		if u == unitNone {
			return nil, fmt.Errorf("the stream ends inside a unit (%d bytes left)", len(stream))
		}
		out = append(out, stream[:n])
		stream = stream[n:]
	}
	return out, nil
}

// writeAll writes a greeting, a command and n numbered messages the way
// zmq4 does (header and body in separate writes).
func writeAll(t *testing.T, w io.Writer, n, size int) {
	t.Helper()
	parts := [][]byte{bytes.Repeat([]byte{0xA5}, zmtpGreetingLen), frame(0x04, []byte("\x05READY"))}
	for i := 0; i < n; i++ {
		m := message(i, size)
		hdr := 2
		if size > 255 {
			hdr = 9
		}
		parts = append(parts, m[:hdr], m[hdr:])
	}
	for _, p := range parts {
		if n, err := w.Write(p); err != nil || n != len(p) {
			t.Fatalf("write: %d, %v", n, err)
		}
	}
}

// checkReceived reads everything the subscriber got and checks it is the
// greeting, the command and whole messages in increasing order; it
// returns how many messages arrived. (It runs on goroutines: no t.Fatal.)
func checkReceived(r io.Reader, size int) (int, error) {
	got, err := io.ReadAll(r)
	if err != nil {
		return 0, err
	}
	if len(got) < zmtpGreetingLen || !bytes.Equal(got[:zmtpGreetingLen], bytes.Repeat([]byte{0xA5}, zmtpGreetingLen)) {
		return 0, fmt.Errorf("the greeting did not arrive first and whole")
	}
	us, err := units(got[zmtpGreetingLen:])
	if err != nil {
		return 0, err
	}
	if len(us) == 0 || us[0][0]&0x04 == 0 {
		return 0, fmt.Errorf("the READY command did not arrive")
	}
	last := -1
	for _, u := range us[1:] {
		if len(u) < size || u[0]&0x04 != 0 {
			return 0, fmt.Errorf("unexpected unit % x", u[:min(len(u), 8)])
		}
		i := int(binary.BigEndian.Uint32(u[len(u)-size:]))
		if i <= last {
			return 0, fmt.Errorf("message %d after %d: out of order", i, last)
		}
		last = i
	}
	return len(us) - 1, nil
}

// received runs checkReceived on a goroutine.
func received(r io.Reader, size int) <-chan result {
	ch := make(chan result, 1)
	go func() {
		n, err := checkReceived(r, size)
		ch <- result{n, err}
	}()
	return ch
}

type result struct {
	n   int
	err error
}

func TestPubConnNeverBlocksAndDropsWholeMessages(t *testing.T) {
	kernelSide, client := net.Pipe() // synchronous: a write waits for a read
	stats := &pubStats{limits: pubLimits{Messages: 10, Bytes: 1 << 20, TotalBytes: 1 << 30}, logf: t.Logf}
	p := newPubConn(kernelSide, stats)
	const n, size = 100, 1000
	writeAll(t, p, n, size) // nobody reads: this returns because writes wait at most pubStuck
	if d := stats.dropped.Load(); d < n-12 {
		t.Errorf("dropped %d of %d messages for a subscriber that reads nothing; the queue holds 10", d, n)
	}
	if q := stats.queued.Load(); q > 11*(size+9) {
		t.Errorf("%d bytes queued, more than the 10-message cap allows", q)
	}
	go func() {
		for stats.queued.Load() > 0 {
			time.Sleep(time.Millisecond)
		}
		p.Close()
	}()
	r := <-received(client, size)
	if r.err != nil {
		t.Fatal(r.err)
	}
	if int64(r.n)+stats.dropped.Load() != n {
		t.Errorf("%d messages arrived and %d were dropped, of %d", r.n, stats.dropped.Load(), n)
	}
}

func TestPubConnDeliversEverythingToAReader(t *testing.T) {
	kernelSide, client := net.Pipe()
	stats := &pubStats{limits: defaultPubLimits, logf: t.Logf}
	p := newPubConn(kernelSide, stats)
	const n, size = 2000, 300
	done := received(client, size)
	writeAll(t, p, n, size)
	for stats.queued.Load() > 0 {
		time.Sleep(time.Millisecond)
	}
	p.Close()
	if r := <-done; r.err != nil || r.n != n {
		t.Errorf("%d of %d messages arrived (%v)", r.n, n, r.err)
	}
	if d := stats.dropped.Load(); d != 0 {
		t.Errorf("%d messages dropped for a subscriber that reads", d)
	}
}

func TestPubConnQueuesAnOversizedMessageWhenEmpty(t *testing.T) {
	kernelSide, client := net.Pipe()
	stats := &pubStats{limits: pubLimits{Messages: 10, Bytes: 100, TotalBytes: 100}, logf: t.Logf}
	p := newPubConn(kernelSide, stats)
	go io.Copy(io.Discard, client)
	if _, err := p.Write(bytes.Repeat([]byte{0}, zmtpGreetingLen)); err != nil {
		t.Fatal(err)
	}
	for stats.queued.Load() > 0 {
		time.Sleep(time.Millisecond)
	}
	if _, err := p.Write(message(0, 5000)); err != nil {
		t.Fatal(err)
	}
	if d := stats.dropped.Load(); d != 0 {
		t.Errorf("a message above the byte cap was dropped although nothing else waited")
	}
	p.Close()
	if _, err := p.Write(message(1, 10)); err == nil {
		t.Error("a write after Close succeeded")
	}
	if q := stats.queued.Load(); q != 0 {
		t.Errorf("%d bytes still counted as queued after Close", q)
	}
}

func TestPubConnCloseLetsAReaderTakeTheQueue(t *testing.T) {
	kernelSide, client := net.Pipe()
	stats := &pubStats{limits: defaultPubLimits, logf: t.Logf}
	p := newPubConn(kernelSide, stats)
	const n, size = 50, 100
	done := received(client, size)
	writeAll(t, p, n, size)
	p.Close() // at once: what is queued still reaches a subscriber that reads
	if r := <-done; r.err != nil || r.n != n {
		t.Errorf("%d of %d messages arrived before Close (%v)", r.n, n, r.err)
	}
}
