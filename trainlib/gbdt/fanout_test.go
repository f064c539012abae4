package gbdt

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestFanPoolCallsEveryHolderAndStops checks fanOut on a pool: every
// holder called once per fanOut, concurrently (each call waits for all
// the others to start), the first real error named by holder, and no
// goroutine left once the pool is closed.
func TestFanPoolCallsEveryHolderAndStops(t *testing.T) {
	before := runtime.NumGoroutine()
	hs := make([]Holder, 4)
	p := newFanPool(len(hs) - 1)
	for round := range 3 {
		var calls [4]atomic.Int32
		var started atomic.Int32
		err := p.fanOut(context.Background(), hs, func(ctx context.Context, i int, _ Holder) error {
			calls[i].Add(1)
			started.Add(1)
			for started.Load() < int32(len(hs)) {
				runtime.Gosched()
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range calls {
			if n := calls[i].Load(); n != 1 {
				t.Fatalf("round %d: holder %d called %d times", round, i, n)
			}
		}
	}
	err := p.fanOut(context.Background(), hs, func(ctx context.Context, i int, _ Holder) error {
		if i == 2 {
			return errors.New("broken")
		}
		<-ctx.Done()
		return ctx.Err()
	})
	if err == nil || !strings.HasPrefix(err.Error(), "holder 2: broken") {
		t.Fatalf("error %v, want holder 2's", err)
	}
	p.close()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("%d goroutines after close, %d before", n, before)
	}
}
