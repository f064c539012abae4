package exec

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockingOutput imitates a kernel whose output path holds a lock while a
// goroutine under it logs to the process's stderr (fd 2), as libraries do.
type lockingOutput struct {
	recorder
	mu sync.Mutex
}

func (o *lockingOutput) Stream(name, text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if name == "stdout" {
		// More than a pipe holds: with a forwarder that delivers while it
		// reads, this write would wait for the stderr forwarder, which
		// waits for o.mu: a deadlock.
		os.Stderr.WriteString(strings.Repeat("l", 256<<10) + "\n")
	}
	o.recorder.Stream(name, text)
}

func TestStderrWrittenUnderTheSinkDoesNotDeadlock(t *testing.T) {
	s := newSession(t)
	o := &lockingOutput{}
	done := make(chan Result, 1)
	go func() {
		done <- s.Execute(context.Background(), `import "fmt"
fmt.Println("hello")`, o)
	}()
	select {
	case res := <-done:
		if res.Err != nil {
			t.Fatal(res.Err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the cell deadlocked")
	}
	waitFor(t, func() bool { return len(o.text("stderr")) >= 256<<10 && o.text("stdout") == "hello\n" },
		func() string { return o.text("stdout") })
}

func TestRunawayRecursionIsAnError(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "kept := 1\nfunc down(n int) int { return down(n+1) + 1 }")
	res, _ := run(t, s, "down(0)")
	if res.Err == nil || !strings.Contains(res.Err.Value, "stack overflow") {
		t.Fatalf("runaway recursion: %+v", res.Err)
	}
	if n := len(res.Err.Traceback); n > 30 {
		t.Errorf("traceback has %d lines; frames should be capped", n)
	}
	// Legitimate recursion still works, and so does the session.
	res, _ = mustRun(t, s, "func depth(n int) int { if n == 0 { return 0 }; return depth(n-1) + 1 }\ndepth(2000) + kept")
	if plain(res) != "2001" {
		t.Errorf("depth(2000)+kept = %q", plain(res))
	}
}
