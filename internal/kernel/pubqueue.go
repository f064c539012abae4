package kernel

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// A PUB socket must never block the kernel. zmq4 v0.17.0's PUB socket
// queues every message without bound and writes it to each subscriber in
// turn from one goroutine, so a subscriber that stops reading (a client
// waiting on its shell reply first, a frozen browser tab) grows the
// kernel's memory with all the output and holds back every other
// subscriber. The iopub listener therefore wraps each subscriber's
// connection in a pubConn: zmq4's writes land in a bounded per-subscriber
// queue of whole ZMTP messages that a goroutine of its own sends; when the
// queue is full the message is dropped and counted, as libzmq does past
// its send high-water mark. The greeting and commands are never dropped.

// pubLimits bound what waits for one slow subscriber, and for all of a
// kernel's subscribers together.
type pubLimits struct {
	// Messages and Bytes cap one subscriber's queue. libzmq's default
	// SNDHWM is 1000 messages; ours counts bytes too, which is what bounds
	// memory, so the message cap can be higher: a cell alternating stdout
	// and stderr lines sends one small message per line.
	Messages int
	Bytes    int
	// TotalBytes caps the queues of all subscribers together.
	TotalBytes int64
}

// defaultPubLimits: at most 8 MiB queued for one subscriber, 32 MiB for
// all. A subscriber that reads keeps its queue near empty; a message is
// always queued when its subscriber's queue is empty, whatever its size.
var defaultPubLimits = pubLimits{Messages: 10000, Bytes: 8 << 20, TotalBytes: 32 << 20}

// pubStuck is how long a subscriber with messages waiting may go without
// its sender starting or finishing a write before it counts as not
// reading: output stops waiting for it (see waitRoom) and its queue drops
// what is past its cap.
const pubStuck = 2 * time.Second

// pubStats is shared by one kernel's subscribers.
type pubStats struct {
	limits  pubLimits
	queued  atomic.Int64 // bytes waiting in all queues
	dropped atomic.Int64 // messages dropped for any subscriber
	logf    func(format string, args ...any)

	mu    sync.Mutex
	conns map[*pubConn]struct{} // the subscribers connected
	room  chan struct{}         // a sender finished a write (capacity 1)
}

// add and remove keep the list of subscribers waitRoom looks at.
func (s *pubStats) add(p *pubConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns == nil {
		s.conns = map[*pubConn]struct{}{}
	}
	s.conns[p] = struct{}{}
}

func (s *pubStats) remove(p *pubConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, p)
}

// roomSignal is the channel a sender signals after each write.
func (s *pubStats) roomSignal() chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.room == nil {
		s.room = make(chan struct{}, 1)
	}
	return s.room
}

// waitRoom returns once no reading subscriber's queue is more than half
// full. Cell output calls it before it publishes, so a cell printing
// faster than its clients read is slowed to their pace, as a terminal
// slows a program, instead of their output being dropped; a subscriber
// that does not read (pubStuck) is not waited for, so it never holds up
// the kernel for longer than that.
func (s *pubStats) waitRoom() {
	room := s.roomSignal()
	var t *time.Timer
	for s.behind() {
		if t == nil {
			t = time.NewTimer(pubStuck / 20)
			defer t.Stop()
		} else {
			t.Reset(pubStuck / 20)
		}
		select {
		case <-room:
		case <-t.C:
		}
	}
}

// behind says whether a subscriber that reads has its queue over half
// its cap.
func (s *pubStats) behind() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	for p := range s.conns {
		if p.behind(s.limits, now) {
			return true
		}
	}
	return false
}

// pubTransport is the iopub listener's transport: capped reads (as
// cappedTransport) and a pubConn around every accepted connection.
type pubTransport struct {
	cappedTransport
	stats *pubStats
}

func (t pubTransport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := t.cappedTransport.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return pubListener{l, t.stats}, nil
}

type pubListener struct {
	net.Listener
	stats *pubStats
}

func (l pubListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return newPubConn(c, l.stats), nil
}

// pubSchemes numbers the transports registered for iopub listeners: zmq4
// keeps transports in a process-wide registry with no other way to hand a
// listener its kernel's counters, so each kernel registers its own names.
var pubSchemes atomic.Int64

// registerPubTransports registers tcp and ipc transports for one kernel's
// iopub socket and returns their scheme names.
func registerPubTransports(stats *pubStats) (tcp, ipc string, err error) {
	n := pubSchemes.Add(1)
	tcp, ipc = fmt.Sprintf("gotrain+pub%d+tcp", n), fmt.Sprintf("gotrain+pub%d+ipc", n)
	if err := zmq4.RegisterTransport(tcp, pubTransport{cappedTransport{transport.New("tcp"), maxMessageBytes}, stats}); err != nil {
		return "", "", err
	}
	if err := zmq4.RegisterTransport(ipc, pubTransport{cappedTransport{transport.New("unix"), maxMessageBytes}, stats}); err != nil {
		return "", "", err
	}
	return tcp, ipc, nil
}

// pubConn is one subscriber's connection on the iopub listener: reads go
// to the wrapped connection (size-capped), writes to the bounded queue.
type pubConn struct {
	net.Conn
	stats *pubStats

	mu       sync.Mutex
	cond     *sync.Cond
	scan     zmtpScanner // follows zmq4's outgoing frames
	partial  []byte      // the unit being written
	queue    [][]byte
	bytes    int   // bytes in queue
	dropped  int64 // messages dropped since the queue was last empty
	err      error // set once the connection failed or was closed
	closeErr error
	once     sync.Once
	active   time.Time // when its sender last started or finished a write
}

func newPubConn(c net.Conn, stats *pubStats) *pubConn {
	p := &pubConn{Conn: c, stats: stats, scan: zmtpScanner{max: math.MaxUint64, greeting: zmtpGreetingLen}, active: time.Now()}
	p.cond = sync.NewCond(&p.mu)
	stats.add(p)
	go p.send()
	return p
}

// behind says whether the subscriber reads and its queue is over half
// its cap.
func (p *pubConn) behind(lim pubLimits, now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.behindLocked(lim, now)
}

func (p *pubConn) behindLocked(lim pubLimits, now time.Time) bool {
	return p.err == nil && (p.bytes > lim.Bytes/2 || len(p.queue) > lim.Messages/2) && now.Sub(p.active) < pubStuck
}

// Write queues whole units of p; it waits only for a subscriber that reads
// and is behind (see push), never for one that does not read.
func (p *pubConn) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err != nil {
		return 0, p.err
	}
	for rest := b; len(rest) > 0; {
		n, unit, _ := p.scan.step(rest) // no cap on our own messages: step cannot fail
		p.partial = append(p.partial, rest[:n]...)
		rest = rest[n:]
		if unit != unitNone {
			// An exact-size copy: the gathering buffer has up to twice the
			// capacity, and queues hold many units.
			p.push(bytes.Clone(p.partial), unit == unitMessage)
			p.partial = p.partial[:0]
			if cap(p.partial) > 1<<20 {
				p.partial = nil
			}
		}
	}
	return len(b), nil
}

// push queues one unit, or drops a message that would overfill the queue.
// A message for a subscriber that reads (its sender made progress within
// pubStuck) and is behind waits first, while it catches up: zmq4's writer
// then waits, and cell output waits for it (pubStats.waitRoom), so what a
// cell prints faster than a client reads is slowed rather than dropped.
// p.mu is held.
func (p *pubConn) push(unit []byte, message bool) {
	lim := p.stats.limits
	for message && p.behindLocked(lim, time.Now()) {
		t := time.AfterFunc(pubStuck/10, p.cond.Broadcast)
		p.cond.Wait()
		t.Stop()
	}
	if p.err != nil {
		return
	}
	full := len(p.queue) >= lim.Messages || p.bytes+len(unit) > lim.Bytes ||
		p.stats.queued.Load()+int64(len(unit)) > lim.TotalBytes
	if message && len(p.queue) > 0 && full {
		if p.dropped == 0 {
			p.stats.logf("iopub: subscriber %s is not reading; dropping messages beyond %d queued (%d bytes)", p.RemoteAddr(), len(p.queue), p.bytes)
		}
		p.dropped++
		p.stats.dropped.Add(1)
		return
	}
	p.queue = append(p.queue, unit)
	p.bytes += len(unit)
	p.stats.queued.Add(int64(len(unit)))
	p.cond.Broadcast()
}

// send writes queued units to the subscriber until the connection fails
// or is closed.
func (p *pubConn) send() {
	for {
		p.mu.Lock()
		for len(p.queue) == 0 && p.err == nil {
			if p.dropped > 0 {
				p.stats.logf("iopub: subscriber %s caught up; %d messages were dropped for it", p.RemoteAddr(), p.dropped)
				p.dropped = 0
			}
			p.cond.Wait()
		}
		if p.err != nil {
			p.mu.Unlock()
			return
		}
		unit := p.queue[0]
		p.queue[0] = nil
		p.queue = p.queue[1:]
		p.bytes -= len(unit)
		p.stats.queued.Add(-int64(len(unit)))
		p.active = time.Now()
		p.mu.Unlock()

		_, err := p.Conn.Write(unit)

		select {
		case p.stats.roomSignal() <- struct{}{}:
		default:
		}
		p.mu.Lock()
		p.active = time.Now()
		p.cond.Broadcast() // a writer waiting in push, and send itself
		if err != nil && p.err == nil {
			p.err = err
			p.release()
		}
		p.mu.Unlock()
		if err != nil {
			p.stats.remove(p)
			p.Conn.Close()
			return
		}
	}
}

// release forgets the queue; p.mu is held.
func (p *pubConn) release() {
	p.stats.queued.Add(-int64(p.bytes))
	p.queue, p.bytes, p.partial = nil, 0, nil
	p.cond.Broadcast()
}

// pubLinger is how long Close lets a reading subscriber take what is still
// queued (the kernel's last status and shutdown messages), as ZMQ_LINGER.
const pubLinger = 100 * time.Millisecond

// Close lets the sender empty the queue for at most pubLinger, then stops
// it, forgets what is left and closes the connection.
func (p *pubConn) Close() error {
	p.once.Do(func() {
		deadline := time.Now().Add(pubLinger)
		p.mu.Lock()
		for len(p.queue) > 0 && p.err == nil && time.Now().Before(deadline) {
			p.mu.Unlock()
			time.Sleep(time.Millisecond)
			p.mu.Lock()
		}
		if p.err == nil {
			p.err = net.ErrClosed
		}
		p.release()
		p.mu.Unlock()
		p.stats.remove(p)
		p.closeErr = p.Conn.Close()
	})
	return p.closeErr
}
