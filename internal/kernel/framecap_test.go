package kernel

import (
	"bytes"
	"encoding/binary"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// frame encodes one ZMTP frame.
func frame(flags byte, body []byte) []byte {
	if len(body) > 255 {
		var h [9]byte
		h[0] = flags | 0x02
		binary.BigEndian.PutUint64(h[1:], uint64(len(body)))
		return append(h[:], body...)
	}
	return append([]byte{flags, byte(len(body))}, body...)
}

func TestZMTPScannerAcceptsWithinCap(t *testing.T) {
	s := zmtpScanner{max: 1000, greeting: zmtpGreetingLen}
	stream := bytes.Repeat([]byte{0}, zmtpGreetingLen)
	stream = append(stream, frame(0x04, []byte("READY..."))...)              // a command
	stream = append(stream, frame(0x01, bytes.Repeat([]byte("a"), 400))...)  // MORE
	stream = append(stream, frame(0x00, bytes.Repeat([]byte("b"), 500))...)  // last: 900 in all
	stream = append(stream, frame(0x00, bytes.Repeat([]byte("c"), 1000))...) // a new message
	for _, chunk := range []int{1, 7, 64, len(stream)} {                     // any read sizes
		s := s
		for b := stream; len(b) > 0; {
			n := min(chunk, len(b))
			if err := s.feed(b[:n]); err != nil {
				t.Fatalf("chunk %d: %v", chunk, err)
			}
			b = b[n:]
		}
	}
	_ = s
}

func TestZMTPScannerRefusesOversized(t *testing.T) {
	big := frame(0x00, bytes.Repeat([]byte("x"), 1001))
	s := zmtpScanner{max: 1000}
	if err := s.feed(big[:9]); err == nil || !strings.Contains(err.Error(), "1001-byte") {
		t.Errorf("a 1001-byte frame under a 1000 cap: %v (must fail on the header alone)", err)
	}
	s = zmtpScanner{max: 1000}
	multi := append(frame(0x01, bytes.Repeat([]byte("a"), 600)), frame(0x00, bytes.Repeat([]byte("b"), 600))...)
	if err := s.feed(multi); err == nil {
		t.Error("a 1200-byte message of two frames passed a 1000 cap")
	}
	var huge [9]byte
	huge[0] = 0x02
	binary.BigEndian.PutUint64(huge[1:], 1<<62)
	s = zmtpScanner{max: 1000}
	if err := s.feed(huge[:]); err == nil {
		t.Error("a 2^62-byte frame header passed")
	}
}

// TestHugeFrameHeaderDoesNotKillTheKernel sends, over a raw TCP
// connection, a ZMTP greeting and then a frame header announcing 2^40
// bytes: zmq4 alone would try to allocate a terabyte. The kernel must hang
// up on that peer and keep serving the others.
func TestHugeFrameHeaderDoesNotKillTheKernel(t *testing.T) {
	h := startHarness(t)
	shellPort, _, _, _, _ := h.k.Ports()
	conn, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", itoa(shellPort)))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	greeting := make([]byte, zmtpGreetingLen)
	greeting[0], greeting[9], greeting[10] = 0xff, 0x7f, 3
	copy(greeting[12:], "NULL")
	var hdr [9]byte
	hdr[0] = 0x02
	binary.BigEndian.PutUint64(hdr[1:], 1<<40)
	if _, err := conn.Write(append(greeting, hdr[:]...)); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(recvTimeout))
	if _, err := io.Copy(io.Discard, conn); err != nil {
		t.Fatalf("the kernel did not hang up: %v", err)
	}
	ki := h.send(h.shell, wire.KernelInfoRequest, map[string]any{})
	if r := h.recv(h.shell); r.Parent.MsgID != ki.MsgID {
		t.Fatal("kernel stopped answering after a huge frame header")
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
