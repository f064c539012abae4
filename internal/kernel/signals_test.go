//go:build unix

package kernel

import (
	"context"
	"syscall"
	"testing"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// TestSIGINTInterruptsNeverKills sends this very process SIGINT while a
// cell runs: with HandleSignals active the cell is interrupted, the
// process lives, and the session keeps its state.
func TestSIGINTInterruptsNeverKills(t *testing.T) {
	h := startHarness(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h.k.HandleSignals(ctx)
	h.execute("set kept", nil)
	cell := h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "wait"})
	waitFor(t, func() bool { h.k.mu.Lock(); defer h.k.mu.Unlock(); return h.k.cellCancel != nil })
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if r := h.recv(h.shell); r.Parent.MsgID != cell.MsgID || content(t, r)["ename"] != "Interrupted" {
		t.Fatalf("reply after SIGINT = %s", describe(r))
	}
	// SIGINT while idle interrupts nothing and kills nothing.
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	reply, msgs := h.execute("get", nil)
	if content(t, reply)["status"] != "ok" || content(t, msgs[len(msgs)-2])["data"].(map[string]any)["text/plain"] != "kept" {
		t.Errorf("state after SIGINT: %v", types(msgs))
	}
	waitFor(t, func() bool { return countSubstr(h.logs.String(), "SIGINT") == 2 })
}

func countSubstr(s, sub string) int {
	n := 0
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			n++
		}
	}
	return n
}
