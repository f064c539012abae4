//go:build unix

package kernel

import (
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// dialStuckSubscriber connects a ZMTP SUB peer to the iopub port with a
// 4 KiB receive buffer, subscribes to everything and then never reads, as a
// client that waits for its shell reply first (or a frozen one) does.
func dialStuckSubscriber(t *testing.T, port int) net.Conn {
	t.Helper()
	d := net.Dialer{Timeout: recvTimeout, Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
		if err != nil {
			return err
		}
		return serr
	}}
	c, err := d.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(recvTimeout))
	greeting := make([]byte, zmtpGreetingLen)
	greeting[0], greeting[9], greeting[10] = 0xFF, 0x7F, 3
	copy(greeting[12:], "NULL")
	ready := []byte("\x05READY\x0bSocket-Type\x00\x00\x00\x03SUB")
	for _, b := range [][]byte{greeting, {0x04, byte(len(ready))}, ready, {0x00, 1, 0x01}} {
		if _, err := c.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	// The kernel's greeting and READY command; after that, never read.
	if _, err := io.ReadFull(c, greeting); err != nil {
		t.Fatal(err)
	}
	var hdr [2]byte
	if _, err := io.ReadFull(c, hdr[:]); err != nil || hdr[0] != 0x04 {
		t.Fatalf("kernel's READY: % x %v", hdr, err)
	}
	if _, err := io.ReadFull(c, make([]byte, hdr[1])); err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Time{})
	return c
}

// TestStuckSubscriberDoesNotStallKernel is the fault injection: an iopub
// subscriber that never reads while a cell prints far more than the
// sockets buffer. The reply, the other subscriber's every stream message
// and the next requests on every channel must still arrive; the stuck
// subscriber's messages beyond its queue cap are dropped and the kernel
// says so in its log. (The stuck one holds the cell up for pubStuck at
// most.)
func TestStuckSubscriberDoesNotStallKernel(t *testing.T) {
	limits := pubLimits{Messages: 10000, Bytes: 4 << 20, TotalBytes: 16 << 20}
	h := startHarnessTuned(t, func(c *Config) { c.iopubLimits = limits })
	_, iopubP, _, _, _ := h.k.Ports()
	stuck := dialStuckSubscriber(t, iopubP)
	// Read one byte of one message, so the subscription is surely in
	// place; then never read again.
	for got := false; !got; {
		hdr := h.send(h.shell, wire.KernelInfoRequest, map[string]any{})
		h.recv(h.shell)
		h.untilIdle(hdr)
		stuck.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		n, _ := stuck.Read(make([]byte, 1))
		got = n == 1
	}
	// The other subscriber reads iopub while the cell runs, as JupyterLab
	// does (its shell reply is read after), but slower than the cell
	// prints: the cell waits for it rather than its output being dropped.
	const n = 16 << 20
	hdr := h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": fmt.Sprintf("big %d", n)})
	msgs := h.untilIdle(hdr)
	reply := h.recv(h.shell)
	if c := content(t, reply); c["status"] != "ok" {
		t.Fatalf("reply %v", c)
	}
	var text strings.Builder
	for _, m := range msgs {
		if m.Header.MsgType == wire.Stream {
			text.WriteString(content(t, m)["text"].(string))
		}
	}
	if text.Len() != n {
		t.Errorf("the reading subscriber got %d of %d bytes", text.Len(), n)
	}
	if h.k.IOPubDropped() == 0 {
		t.Error("nothing was dropped for a subscriber that reads nothing")
	}
	if q := h.k.pub.queued.Load(); q > limits.TotalBytes {
		t.Errorf("%d bytes queued for iopub subscribers, above the %d cap", q, limits.TotalBytes)
	}
	if !strings.Contains(h.logs.String(), "is not reading; dropping messages") {
		t.Error("the kernel's log does not say it drops messages for the stuck subscriber")
	}
	// The kernel still answers, on every channel.
	reply, msgs = h.execute("value after", nil)
	if c := content(t, reply); c["status"] != "ok" || len(msgs) == 0 {
		t.Fatalf("the next cell: %v", c)
	}
	h.send(h.control, wire.KernelInfoRequest, map[string]any{})
	if m := h.recv(h.control); m.Header.MsgType != wire.KernelInfoReply {
		t.Errorf("control answered %s", m.Header.MsgType)
	}
	if err := h.hb.Send(zmq4.NewMsg([]byte("ping"))); err != nil {
		t.Fatal(err)
	}
	if m, err := h.hb.Recv(); err != nil || string(m.Frames[0]) != "ping" {
		t.Errorf("heartbeat: %v %v", m, err)
	}
}
