package executor

import (
	"strings"
	"testing"
)

func TestFatalMessage(t *testing.T) {
	out := "partial output\nruntime: goroutine stack exceeds 268435456-byte limit\nruntime: sp=0xc0 stack=[0xc0, 0xd0]\nfatal error: stack overflow\n\nruntime stack:\nruntime.throw(...)\n\ngoroutine 7 [running]:\nfmt.(*pp).printValue(...)\n\t/go/src/fmt/print.go:1\n\ngoroutine 1 [select]:\nmain.main()\n"
	e := deathReport("", nil, out, "\ngoroutine 7 [running]:\n", 0)
	if e.Name != "FatalError" || e.Value != "runtime: goroutine stack exceeds 268435456-byte limit; fatal error: stack overflow" {
		t.Fatalf("%s: %q", e.Name, e.Value)
	}
	tb := strings.Join(e.Traceback, "\n")
	if !strings.Contains(tb, "goroutine 7 [running]:\nfmt.(*pp).printValue(...)") || strings.Contains(tb, "main.main") {
		t.Errorf("traceback:\n%s", tb)
	}
	// No crash output: stale text on stderr is not taken for a fatal error.
	if e := deathReport("", nil, "fatal error: printed by a cell\n", "", 0); e.Name != "ExecutorDied" {
		t.Errorf("%s: %s", e.Name, e.Value)
	}
	if e := deathReport("memory cap 1.0 GiB exceeded", nil, "", "", 1<<30); e.Name != "MemoryLimit" {
		t.Errorf("%s: %s", e.Name, e.Value)
	}
}

// The crashing goroutine's labels (GODEBUG=tracebacklabels=1, as the
// runtime prints them) say which cell, and which go statement, it came from.
func TestFatalErrorNamesTheCell(t *testing.T) {
	for header, want := range map[string]string{
		`goroutine 7 [running labels:{"cell": "cell [3]", "go": "cell:4:26"}]:`: "fatal error: concurrent map writes (in a goroutine started at line 4, column 26 of cell [3])",
		`goroutine 7 [running labels:{"cell": "cell [12]"}]:`:                   "fatal error: concurrent map writes (in cell [12])",
		`goroutine 7 [running]:`: "fatal error: concurrent map writes",
	} {
		out := "fatal error: concurrent map writes\n\n" + header + "\nruntime.mapassign_fast64(...)\n"
		if e := deathReport("", nil, out, "\n"+header+"\n", 0); e.Value != want {
			t.Errorf("%s: %q, want %q", header, e.Value, want)
		}
	}
}

func TestParseMemoryLimit(t *testing.T) {
	for in, want := range map[string]int64{"off": 0, "0": 0, "1024MiB": 1 << 30, "8G": 8 << 30, "8GiB": 8 << 30, "1073741824": 1 << 30, "1.5GB": 3 << 29} {
		if got, err := ParseMemoryLimit(in); err != nil || got != want {
			t.Errorf("%q: %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"lots", "8X", "-1G", "0%", "150%", "256MiB"} {
		if _, err := ParseMemoryLimit(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
	if n, err := ParseMemoryLimit("50%"); err != nil || n <= 0 {
		t.Errorf("50%%: %d, %v", n, err)
	}
}
