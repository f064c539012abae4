package kernel

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/google/uuid"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// recvTimeout bounds every wait of the test client; it only turns a hang
// into a failure, no test asserts on speed.
const recvTimeout = 20 * time.Second

// syncBuffer is a log sink the test can read while the kernel writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is a kernel on 127.0.0.1 with OS-chosen ports, a fake session
// and a client made of real zmq4 sockets, like jupyter_client's.
type harness struct {
	t       *testing.T
	k       *Kernel
	sess    *fakeSession
	logs    *syncBuffer
	key     []byte
	session string
	ctx     context.Context
	cancel  context.CancelFunc
	runErr  chan error

	shell, control, stdin, hb zmq4.Socket
	iopub                     chan wire.Message
}

func startHarness(t *testing.T) *harness {
	t.Helper()
	return startHarnessTuned(t, nil)
}

// startHarnessTuned is startHarness with tune applied to the kernel's
// configuration.
func startHarnessTuned(t *testing.T, tune func(*Config)) *harness {
	t.Helper()
	h := &harness{t: t, sess: newFakeSession(), logs: &syncBuffer{}, key: []byte(uuid.NewString()), session: uuid.NewString(), runErr: make(chan error, 1)}
	conn := ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", Key: string(h.key), SignatureScheme: "hmac-sha256"}
	cfg := Config{Conn: conn, Session: h.sess, Log: log.New(h.logs, "", 0), Version: "test"}
	if tune != nil {
		tune(&cfg)
	}
	k, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.k = k
	h.ctx, h.cancel = context.WithCancel(context.Background())
	go func() { h.runErr <- k.Run(h.ctx) }()
	shellP, iopubP, stdinP, controlP, hbP := k.Ports()
	ep := func(p int) string { return fmt.Sprintf("tcp://127.0.0.1:%d", p) }
	id := zmq4.WithID(zmq4.SocketIdentity(h.session))
	dial := func(s zmq4.Socket, port int) zmq4.Socket {
		if err := s.Dial(ep(port)); err != nil {
			t.Fatalf("dial %d: %v", port, err)
		}
		return s
	}
	h.shell = dial(zmq4.NewDealer(h.ctx, id), shellP)
	h.control = dial(zmq4.NewDealer(h.ctx), controlP)
	h.stdin = dial(zmq4.NewDealer(h.ctx, id), stdinP)
	h.hb = dial(zmq4.NewReq(h.ctx), hbP)
	sub := dial(zmq4.NewSub(h.ctx), iopubP)
	if err := sub.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	h.iopub = make(chan wire.Message, 10000)
	go func() {
		for {
			m, err := sub.Recv()
			if err != nil {
				return
			}
			msg, err := wire.Decode(m.Frames, h.key)
			if err != nil {
				t.Errorf("iopub message does not decode: %v", err)
				return
			}
			h.iopub <- msg
		}
	}()
	t.Cleanup(func() {
		h.cancel()
		select {
		case <-h.runErr:
		case <-time.After(recvTimeout):
			t.Error("kernel did not stop")
		}
		for _, s := range []zmq4.Socket{h.shell, h.control, h.stdin, h.hb, sub} {
			s.Close()
		}
	})
	h.waitIOPub()
	return h
}

// waitIOPub sends kernel_info until an iopub message arrives, as
// jupyter_client does: a SUB socket misses what was published before it
// was connected.
func (h *harness) waitIOPub() {
	deadline := time.Now().Add(recvTimeout)
	for time.Now().Before(deadline) {
		h.send(h.shell, wire.KernelInfoRequest, map[string]any{})
		h.recv(h.shell)
		select {
		case <-h.iopub:
			time.Sleep(100 * time.Millisecond)
			h.drainIOPub()
			return
		case <-time.After(200 * time.Millisecond):
		}
	}
	h.t.Fatal("iopub never connected")
}

func (h *harness) drainIOPub() {
	for {
		select {
		case <-h.iopub:
		default:
			return
		}
	}
}

// send signs and sends a request; it returns its header.
func (h *harness) send(s zmq4.Socket, msgType string, content any) wire.Header {
	h.t.Helper()
	raw, _ := json.Marshal(content)
	hdr := wire.NewHeader(uuid.NewString(), h.session, msgType, time.Now())
	frames, err := wire.Encode(wire.Message{Header: hdr, Content: raw}, h.key)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := s.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		h.t.Fatal(err)
	}
	return hdr
}

// recv waits for the next message on a client socket.
func (h *harness) recv(s zmq4.Socket) wire.Message {
	h.t.Helper()
	type result struct {
		m   zmq4.Msg
		err error
	}
	ch := make(chan result, 1)
	go func() {
		m, err := s.Recv()
		ch <- result{m, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			h.t.Fatalf("recv: %v", r.err)
		}
		msg, err := wire.Decode(r.m.Frames, h.key)
		if err != nil {
			h.t.Fatalf("reply does not decode: %v", err)
		}
		return msg
	case <-time.After(recvTimeout):
		h.t.Fatal("no reply")
	}
	panic("unreachable")
}

// nextIOPub returns the next iopub message.
func (h *harness) nextIOPub() wire.Message {
	h.t.Helper()
	select {
	case m := <-h.iopub:
		return m
	case <-time.After(recvTimeout):
		h.t.Fatal("no iopub message")
	}
	panic("unreachable")
}

// untilIdle collects iopub messages whose parent is parent, from its busy
// to its idle status; it fails on anything out of order.
func (h *harness) untilIdle(parent wire.Header) []wire.Message {
	h.t.Helper()
	var got []wire.Message
	for {
		m := h.nextIOPub()
		if m.Parent.MsgID != parent.MsgID {
			continue
		}
		got = append(got, m)
		if m.Header.MsgType == wire.Status && state(m) == wire.StateIdle {
			if state(got[0]) != wire.StateBusy {
				h.t.Fatalf("first iopub message for %s is %s, want status busy", parent.MsgType, describe(got[0]))
			}
			return got
		}
	}
}

// execute runs code and returns the reply and its iopub messages.
func (h *harness) execute(code string, opts map[string]any) (wire.Message, []wire.Message) {
	h.t.Helper()
	content := map[string]any{"code": code}
	for k, v := range opts {
		content[k] = v
	}
	hdr := h.send(h.shell, wire.ExecuteRequest, content)
	reply := h.recv(h.shell)
	if reply.Parent.MsgID != hdr.MsgID {
		h.t.Fatalf("reply parent %s, want %s", reply.Parent.MsgID, hdr.MsgID)
	}
	return reply, h.untilIdle(hdr)
}

func state(m wire.Message) string {
	var c wire.StatusContent
	_ = json.Unmarshal(m.Content, &c)
	return c.ExecutionState
}

func describe(m wire.Message) string { return m.Header.MsgType + " " + string(m.Content) }

// content decodes m's content into a map.
func content(t *testing.T, m wire.Message) map[string]any {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(m.Content, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// types lists the message types of ms.
func types(ms []wire.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Header.MsgType
		if m.Header.MsgType == wire.Status {
			out[i] += ":" + state(m)
		}
	}
	return out
}
