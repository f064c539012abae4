package rand_test

import (
	"fmt"
	stdrand "math/rand/v2"
	"testing"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/gostd/math/rand/v2"
)

// N against math/rand/v2's: the same panic for n <= 0, results in
// [0, n) of the argument's type, every value of a small range drawn.
func TestNMatchesGo(t *testing.T) {
	for _, n := range []int{0, -3} {
		if g, w := panicOf(func() { rand.N(n) }), panicOf(func() { stdrand.N(n) }); g != w {
			t.Errorf("N(%d) panics with %q, Go with %q", n, g, w)
		}
	}
	seen, stdSeen := map[int8]bool{}, map[int8]bool{}
	for i := 0; i < 2000; i++ {
		v, w := rand.N(int8(5)), stdrand.N(int8(5))
		if v < 0 || v >= 5 {
			t.Fatalf("N(5) = %d", v)
		}
		seen[v], stdSeen[w] = true, true
	}
	if len(seen) != len(stdSeen) {
		t.Errorf("N(5) drew %d values, Go's %d", len(seen), len(stdSeen))
	}
	d := rand.N(time.Second)
	if fmt.Sprintf("%T", d) != fmt.Sprintf("%T", stdrand.N(time.Second)) || d < 0 || d >= time.Second {
		t.Errorf("N(time.Second) = %v (%T)", d, d)
	}
	if u := rand.N(uint64(1)); u != 0 {
		t.Errorf("N(1) = %d", u)
	}
}

func panicOf(f func()) (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	f()
	return ""
}
