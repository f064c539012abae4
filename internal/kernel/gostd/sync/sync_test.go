package sync_test

import (
	"fmt"
	stdsync "sync"
	"testing"

	"github.com/gotrain/gotrain/internal/kernel/gostd/sync"
)

// OnceValue and OnceValues against the standard library's: f runs once,
// every call returns its values, a panic repeats on every call.
func TestMatchGo(t *testing.T) {
	var calls, stdCalls int
	f := sync.OnceValue(func() int { calls++; return 7 })
	g := stdsync.OnceValue(func() int { stdCalls++; return 7 })
	if fmt.Sprint(f(), f(), calls) != fmt.Sprint(g(), g(), stdCalls) {
		t.Errorf("OnceValue: %v %v calls %d", f(), f(), calls)
	}
	h := sync.OnceValues(func() (string, error) { calls++; return "v", nil })
	a, err := h()
	b, _ := h()
	if a != "v" || b != "v" || err != nil || calls != 2 {
		t.Errorf("OnceValues: %q %q %v calls %d", a, b, err, calls)
	}
	p := sync.OnceValue(func() int { calls++; panic("once") })
	p2 := stdsync.OnceValue(func() int { panic("once") })
	for i := 0; i < 2; i++ {
		if g, w := panicOf(func() { p() }), panicOf(func() { p2() }); g != w {
			t.Errorf("call %d: panics with %q, Go with %q", i, g, w)
		}
	}
	if calls != 3 {
		t.Errorf("a panicking f ran %d times in all, want once", calls-2)
	}
}

func panicOf(f func()) (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	f()
	return ""
}
