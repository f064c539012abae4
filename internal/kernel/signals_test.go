//go:build unix

package kernel

import (
	"context"
	"os"
	"os/signal"
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
	// SIGINT while idle is ignored by the system as it is sent: it
	// interrupts nothing, kills nothing, and cannot reach the next cell
	// however late a goroutine would have read it.
	waitFor(t, func() bool { return signal.Ignored(os.Interrupt) })
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	reply, msgs := h.execute("get", nil)
	if content(t, reply)["status"] != "ok" || content(t, msgs[len(msgs)-2])["data"].(map[string]any)["text/plain"] != "kept" {
		t.Errorf("state after SIGINT: %v", types(msgs))
	}
	if n := countSubstr(h.logs.String(), "SIGINT"); n != 1 {
		t.Errorf("%d SIGINTs handled, want the running cell's one:\n%s", n, h.logs.String())
	}
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
