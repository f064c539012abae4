package kernel

import (
	"bytes"
	"encoding/binary"
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
func units(t *testing.T, stream []byte) [][]byte {
	t.Helper()
	s := zmtpScanner{max: 1 << 40}
	var out [][]byte
	for len(stream) > 0 {
		n, u, err := s.step(stream)
		if err != nil {
			t.Fatal(err)
		}
		if u == unitNone {
			t.Fatalf("the stream ends inside a unit (%d bytes left)", len(stream))
		}
		out = append(out, stream[:n])
		stream = stream[n:]
	}
	return out
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
// returns how many messages arrived.
func checkReceived(t *testing.T, r io.Reader, size int) int {
	t.Helper()
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < zmtpGreetingLen || !bytes.Equal(got[:zmtpGreetingLen], bytes.Repeat([]byte{0xA5}, zmtpGreetingLen)) {
		t.Fatal("the greeting did not arrive first and whole")
	}
	us := units(t, got[zmtpGreetingLen:])
	if len(us) == 0 || us[0][0]&0x04 == 0 {
		t.Fatal("the READY command did not arrive")
	}
	last := -1
	for _, u := range us[1:] {
		if len(u) < 4 || u[0]&0x04 != 0 {
			t.Fatalf("unexpected unit % x", u[:min(len(u), 8)])
		}
		body := u[len(u)-size:]
		i := int(binary.BigEndian.Uint32(body))
		if i <= last {
			t.Fatalf("message %d after %d: out of order", i, last)
		}
		last = i
	}
	return len(us) - 1
}

func TestPubConnNeverBlocksAndDropsWholeMessages(t *testing.T) {
	kernelSide, client := net.Pipe() // synchronous: a write waits for a read
	stats := &pubStats{limits: pubLimits{Messages: 10, Bytes: 1 << 20, TotalBytes: 1 << 30}, logf: t.Logf}
	p := newPubConn(kernelSide, stats)
	const n, size = 100, 1000
	writeAll(t, p, n, size) // nobody reads: this returns only because writes never wait
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
	got := checkReceived(t, client, size)
	if int64(got)+stats.dropped.Load() != n {
		t.Errorf("%d messages arrived and %d were dropped, of %d", got, stats.dropped.Load(), n)
	}
}

func TestPubConnDeliversEverythingToAReader(t *testing.T) {
	kernelSide, client := net.Pipe()
	stats := &pubStats{limits: defaultPubLimits, logf: t.Logf}
	p := newPubConn(kernelSide, stats)
	const n, size = 2000, 300
	done := make(chan int)
	go func() { done <- checkReceived(t, client, size) }()
	writeAll(t, p, n, size)
	for stats.queued.Load() > 0 {
		time.Sleep(time.Millisecond)
	}
	p.Close()
	if got := <-done; got != n {
		t.Errorf("%d of %d messages arrived", got, n)
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
