package kernel

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// socket is one bound ZeroMQ socket; sends are serialised because several
// goroutines reply and publish.
type socket struct {
	name string
	zs   zmq4.Socket
	mu   sync.Mutex
}

func (s *socket) send(frames [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.zs.SendMulti(zmq4.NewMsgFrom(frames...))
}

func (s *socket) port() int {
	if s == nil || s.zs == nil {
		return 0
	}
	if a, ok := s.zs.Addr().(*net.TCPAddr); ok {
		return a.Port
	}
	return 0
}

// bind opens and binds the five channels.
func (k *Kernel) bind() error {
	c := k.cfg.Conn
	pubTCP, pubIPC, err := registerPubTransports(k.pub)
	if err != nil {
		return fmt.Errorf("kernel: register the iopub transports: %w", err)
	}
	open := func(name string, mk func(context.Context, ...zmq4.Option) zmq4.Socket, port int) (*socket, error) {
		zs := mk(k.ctx, zmq4.WithLogger(k.log), zmq4.WithTimeout(10*time.Second))
		ep := c.endpoint(port)
		if name == "iopub" {
			// Bounded per-subscriber queues: see pubqueue.go.
			ep = c.endpointVia(pubTCP, pubIPC, port)
		}
		if err := zs.Listen(ep); err != nil {
			zs.Close()
			return nil, fmt.Errorf("kernel: listen %s channel on %s: %w", name, ep, err)
		}
		return &socket{name: name, zs: zs}, nil
	}
	if k.shell, err = open("shell", zmq4.NewRouter, c.ShellPort); err != nil {
		return err
	}
	if k.control, err = open("control", zmq4.NewRouter, c.ControlPort); err != nil {
		return err
	}
	if k.stdin, err = open("stdin", zmq4.NewRouter, c.StdinPort); err != nil {
		return err
	}
	if k.iopub, err = open("iopub", zmq4.NewPub, c.IOPubPort); err != nil {
		return err
	}
	if k.hb, err = open("hb", zmq4.NewRep, c.HBPort); err != nil {
		return err
	}
	return nil
}

func (k *Kernel) closeSockets() {
	for _, s := range []*socket{k.shell, k.control, k.stdin, k.iopub, k.hb} {
		if s != nil {
			s.zs.Close()
		}
	}
}

// readLoop decodes every message arriving on s and hands it to handle;
// frames that do not decode are logged and dropped.
func (k *Kernel) readLoop(s *socket, handle func(wire.Message)) {
	for {
		m, err := s.zs.Recv()
		if k.ctx.Err() != nil {
			return
		}
		if err != nil {
			k.log.Printf("%s: receive: %v", s.name, err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		msg, err := wire.Decode(m.Frames, k.key)
		if err != nil {
			k.log.Printf("%s: dropped a message of %d frames: %v", s.name, len(m.Frames), err)
			continue
		}
		if k.cfg.Debug {
			k.log.Printf("%s: received %s %s", s.name, msg.Header.MsgType, msg.Header.MsgID)
		}
		handle(msg)
	}
}

// heartbeat echoes every ping on the hb socket, independently of cells.
func (k *Kernel) heartbeat() {
	for {
		m, err := k.hb.zs.Recv()
		if k.ctx.Err() != nil {
			return
		}
		if err != nil {
			k.log.Printf("hb: receive: %v", err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		if err := k.hb.send(m.Frames); err != nil {
			k.log.Printf("hb: echo: %v", err)
		}
	}
}
