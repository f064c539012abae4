package cluster

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"
)

// A worker's own --lease is its word: a driver asking for an hour does not
// keep it up past its 300 ms.
func TestWorkerExitsWhenDriverGone(t *testing.T) {
	secret, _ := NewSecret()
	p, addr := startWorker(t, secret, "--lease", "300ms")
	conn := rawConn(t, addr, secret)
	err := conn.Invoke(context.Background(), fullMethod(mHello), &wire.HelloRequest{Protocol: wire.ProtocolVersion, LeaseMillis: time.Hour.Milliseconds()}, &wire.HelloResponse{})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		t.Fatal("worker still running 20 s after its own 300 ms lease ran out (the driver's hour won)")
	}
	if !strings.Contains(p.tail.String(), "driver has been gone") {
		t.Fatalf("worker's exit message: %s", p.tail)
	}
}

// A worker started with --lease -1s stays up for the next driver, however
// short a lease the first driver asked for: two jobs, the second long after
// the first driver's lease (200 ms here, standing in for 60 s) ran out.
func TestNegativeLeaseServesTheNextDriver(t *testing.T) {
	secret, _ := NewSecret()
	p, addr := startWorker(t, secret, "--lease", "-1s")
	dir := t.TempDir()
	train := writeShards(t, dir, "train", 1, 300, 4, 1)
	val := writeShards(t, dir, "val", 1, 100, 4, 2)
	ctx := context.Background()
	job := func() {
		t.Helper()
		c, err := Connect(ctx, Config{Addresses: []string{addr}, Secret: secret, HangTimeout: 50 * time.Millisecond, Lease: 200 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := trainCluster(ctx, c, testParams(3), train, val); err != nil {
			t.Fatal(err)
		}
	}
	job()
	select {
	case <-p.done:
		t.Fatalf("worker with --lease -1s exited after the first driver left: %s", p.tail)
	case <-time.After(3 * time.Second): // 15 × the first driver's lease
	}
	job()
}
