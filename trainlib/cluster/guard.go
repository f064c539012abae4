package cluster

import (
	"fmt"
	"io"
	"net"
	"sync"
	"time"
)

// authGuard logs failed authentications with the peer's address and slows
// a failing peer (by IP address, whatever its port) down: after its n-th
// failure in a row, each new connection from it waits base·2^(n-1), at
// most max, before the worker even greets it. A success forgets the peer.
// It remembers at most maxPeers peers, forgetting quiet ones first, so a
// flood of addresses cannot grow it without bound.
type authGuard struct {
	log       io.Writer // nil: no log
	base, max time.Duration

	mu    sync.Mutex
	peers map[string]*peerFailures
	total int64
}

// peerFailures is one peer's run of failures.
type peerFailures struct {
	n    int
	last time.Time
}

const (
	maxPeers   = 4096
	forgetPeer = 10 * time.Minute
)

func newAuthGuard(log io.Writer, base, max time.Duration) *authGuard {
	if base <= 0 {
		base = 100 * time.Millisecond
	}
	if max <= 0 {
		max = 5 * time.Second
	}
	return &authGuard{log: log, base: base, max: max, peers: map[string]*peerFailures{}}
}

// host is the part of addr the guard counts by.
func host(addr string) string {
	if h, _, err := net.SplitHostPort(addr); err == nil {
		return h
	}
	return addr
}

// delay is the wait after n failures in a row.
func (g *authGuard) delay(n int) time.Duration {
	if n <= 0 {
		return 0
	}
	d := g.base << min(n-1, 30)
	if d <= 0 || d > g.max {
		d = g.max
	}
	return d
}

// wait holds a connection from peer back as long as its failures ask.
func (g *authGuard) wait(peer string) {
	if g == nil {
		return
	}
	g.mu.Lock()
	n := 0
	if p := g.peers[host(peer)]; p != nil {
		n = p.n
	}
	g.mu.Unlock()
	time.Sleep(g.delay(n))
}

// failed records and logs a failed authentication from peer.
func (g *authGuard) failed(peer, why string) {
	if g == nil {
		return
	}
	h := host(peer)
	g.mu.Lock()
	p := g.peers[h]
	if p == nil {
		g.makeRoom()
		p = &peerFailures{}
		g.peers[h] = p
	}
	p.n++
	p.last = time.Now()
	g.total++
	n, total := p.n, g.total
	g.mu.Unlock()
	if g.log != nil {
		fmt.Fprintf(g.log, "gotrain worker: failed authentication from %s: %s (failure %d in a row from %s, %d in all; its next connections wait %v)\n",
			peer, why, n, h, total, g.delay(n))
	}
}

// succeeded forgets peer's failures.
func (g *authGuard) succeeded(peer string) {
	if g == nil {
		return
	}
	g.mu.Lock()
	delete(g.peers, host(peer))
	g.mu.Unlock()
}

// makeRoom keeps the table under maxPeers (called with mu held): when it
// is full, quiet peers go, then any until it is three quarters full (so
// the sweep is rare).
func (g *authGuard) makeRoom() {
	if len(g.peers) < maxPeers {
		return
	}
	for h, p := range g.peers {
		if time.Since(p.last) > forgetPeer {
			delete(g.peers, h)
		}
	}
	for h := range g.peers {
		if len(g.peers) <= maxPeers*3/4 {
			break
		}
		delete(g.peers, h)
	}
}

// failures returns the number of failed authentications so far.
func (g *authGuard) failures() int64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.total
}
