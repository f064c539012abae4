package kernel

import (
	"sync"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// shellQueue holds shell requests in arrival order. It is unbounded so the
// shell reader never waits behind a running cell, and it lets the worker
// take out queued execute requests to abort them after an error.
type shellQueue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []wire.Message
	closed bool
}

func newShellQueue() *shellQueue {
	q := &shellQueue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *shellQueue) push(m wire.Message) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return
	}
	q.items = append(q.items, m)
	q.cond.Signal()
}

// pop waits for the next request; ok is false once the queue is closed.
func (q *shellQueue) pop() (m wire.Message, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if q.closed {
		return m, false
	}
	m = q.items[0]
	q.items[0] = wire.Message{}
	q.items = q.items[1:]
	return m, true
}

// takeExecutes removes and returns every queued execute_request, keeping
// the other requests in order.
func (q *shellQueue) takeExecutes() []wire.Message {
	q.mu.Lock()
	defer q.mu.Unlock()
	var taken, kept []wire.Message
	for _, m := range q.items {
		if m.Header.MsgType == wire.ExecuteRequest {
			taken = append(taken, m)
		} else {
			kept = append(kept, m)
		}
	}
	q.items = kept
	return taken
}

func (q *shellQueue) close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.cond.Broadcast()
}
