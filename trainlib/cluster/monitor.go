package cluster

import (
	"context"
	"fmt"
	"time"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// monitor pings the worker every hang/3 (which also renews its driver
// lease) and declares it lost when a ping gets no answer within hang: a
// stopped (SIGSTOP) or wedged worker is found within about hang, even in
// the middle of a long call. The worker answers pings on their own
// goroutine, so a busy worker is not mistaken for a hung one.
func (w *workerConn) monitor(hang time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	w.mu.Lock()
	w.stopMon = cancel
	w.mu.Unlock()
	every := max(hang/3, 50*time.Millisecond)
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for seq := int64(0); ; seq++ {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			pctx, pcancel := context.WithTimeout(ctx, hang)
			var out wire.PingResponse
			err := w.conn.Invoke(pctx, fullMethod(mPing), &wire.PingRequest{Seq: seq}, &out)
			pcancel()
			if err == nil || ctx.Err() != nil {
				continue
			}
			if status.Code(err) == codes.DeadlineExceeded {
				w.markDead(fmt.Sprintf("no answer to a heartbeat within %v (hung or stopped)", hang))
			} else {
				w.markDead("heartbeat failed: " + status.Convert(err).Message())
			}
			return
		}
	}()
}
