package kernel

import (
	"context"
	"encoding/binary"
	"fmt"
	"net"
	"sync"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// zmq4 allocates whatever length a peer's frame header announces (up to
// 2⁶³ bytes) before reading the body, so one hostile frame header could
// kill the kernel with an out-of-memory crash. The kernel therefore listens
// through transports whose connections read the ZMTP stream as it goes and
// hang up on a peer announcing a frame or message above the cap, before
// zmq4 sees the header.
const (
	cappedTCP = "gotrain+tcp"
	cappedIPC = "gotrain+ipc"
	// maxMessageBytes caps one ZMTP message (all its frames); the wire
	// codec's own limit is lower, this is the allocation guard.
	maxMessageBytes = 40 << 20
)

// registerCapped registers the capped transports with zmq4, once. zmq4
// keeps transports in a process-wide registry: that is the only way to
// give it a different listener, hence this global registration.
var registerCapped = sync.OnceValue(func() error {
	if err := zmq4.RegisterTransport(cappedTCP, cappedTransport{transport.New("tcp"), maxMessageBytes}); err != nil {
		return err
	}
	return zmq4.RegisterTransport(cappedIPC, cappedTransport{transport.New("unix"), maxMessageBytes})
})

// cappedTransport wraps a zmq4 transport's listeners.
type cappedTransport struct {
	transport.Transport
	max uint64
}

func (t cappedTransport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := t.Transport.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return cappedListener{l, t.max}, nil
}

type cappedListener struct {
	net.Listener
	max uint64
}

func (l cappedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &cappedConn{Conn: c, scan: zmtpScanner{max: l.max, greeting: zmtpGreetingLen}}, nil
}

// cappedConn checks every byte read against the ZMTP framing.
type cappedConn struct {
	net.Conn
	scan zmtpScanner
}

func (c *cappedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		if serr := c.scan.feed(p[:n]); serr != nil {
			c.Conn.Close()
			return 0, serr
		}
	}
	return n, err
}

// zmtpGreetingLen is the size of the ZMTP 3 greeting that precedes frames.
const zmtpGreetingLen = 64

// zmtpScanner follows ZMTP 3 framing (flags byte, 1- or 8-byte size, body)
// on an incoming byte stream and reports a frame or message over max.
type zmtpScanner struct {
	max      uint64
	greeting int    // greeting bytes still to skip
	state    int    // scanFlags, scanSize or scanBody
	more     bool   // the current frame has the MORE flag
	command  bool   // the current frame is a command
	sizeBuf  []byte // size bytes gathered so far
	sizeLen  int    // 1 or 8
	body     uint64 // body bytes still to skip
	msgTotal uint64 // bytes of the current message so far
}

const (
	scanFlags = iota
	scanSize
	scanBody
)

func (s *zmtpScanner) feed(b []byte) error {
	for len(b) > 0 {
		n, _, err := s.step(b)
		if err != nil {
			return err
		}
		b = b[n:]
	}
	return nil
}

// zmtpUnit says what ended where step stopped: nothing yet, the greeting
// or a command (protocol traffic), or a whole message (all its frames).
type zmtpUnit int

const (
	unitNone zmtpUnit = iota
	unitProtocol
	unitMessage
)

// step consumes b up to the end of the current unit at most, and returns
// how many bytes it consumed and which unit, if any, ended there.
func (s *zmtpScanner) step(b []byte) (int, zmtpUnit, error) {
	n := 0
	for n < len(b) {
		if s.greeting > 0 {
			k := min(s.greeting, len(b)-n)
			s.greeting -= k
			n += k
			if s.greeting == 0 {
				return n, unitProtocol, nil
			}
			continue
		}
		switch s.state {
		case scanFlags:
			f := b[n]
			n++
			s.more, s.command = f&0x01 != 0, f&0x04 != 0
			s.sizeLen = 1
			if f&0x02 != 0 {
				s.sizeLen = 8
			}
			s.sizeBuf = s.sizeBuf[:0]
			s.state = scanSize
		case scanSize:
			k := min(s.sizeLen-len(s.sizeBuf), len(b)-n)
			s.sizeBuf = append(s.sizeBuf, b[n:n+k]...)
			n += k
			if len(s.sizeBuf) < s.sizeLen {
				continue
			}
			size := uint64(s.sizeBuf[0])
			if s.sizeLen == 8 {
				size = binary.BigEndian.Uint64(s.sizeBuf)
			}
			if size > s.max || s.msgTotal+size > s.max {
				return n, unitNone, fmt.Errorf("kernel: a peer announced a %d-byte ZMTP frame (message cap %d bytes); connection closed", size, s.max)
			}
			s.msgTotal += size
			s.body = size
			s.state = scanBody
			if size == 0 {
				if u := s.endFrame(); u != unitNone {
					return n, u, nil
				}
			}
		case scanBody:
			k := uint64(len(b) - n)
			if k > s.body {
				k = s.body
			}
			s.body -= k
			n += int(k)
			if s.body == 0 {
				if u := s.endFrame(); u != unitNone {
					return n, u, nil
				}
			}
		}
	}
	return n, unitNone, nil
}

// endFrame finishes a frame and returns the unit it ends, if any.
func (s *zmtpScanner) endFrame() zmtpUnit {
	s.state = scanFlags
	switch {
	case s.command:
		s.msgTotal = 0
		return unitProtocol
	case !s.more:
		s.msgTotal = 0
		return unitMessage
	}
	return unitNone
}
