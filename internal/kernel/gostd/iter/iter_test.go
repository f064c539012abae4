package iter_test

import (
	"fmt"
	stditer "iter"
	"testing"

	"github.com/gotrain/gotrain/internal/kernel/gostd/iter"
)

// Pull and Pull2 against the standard library's: the same values, the
// same end, stop in the middle, a panic in the sequence.

func count(n int, log *[]string) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer func() { *log = append(*log, "seq returned") }()
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func drive(next func() (int, bool), stop func(), steps int, log *[]string) {
	for i := 0; i < steps; i++ {
		v, ok := next()
		*log = append(*log, fmt.Sprint(v, ok))
	}
	stop()
	stop()
	v, ok := next()
	*log = append(*log, fmt.Sprint("after stop ", v, ok))
}

func TestPullMatchesGo(t *testing.T) {
	for _, c := range [][2]int{{3, 2}, {3, 5}, {0, 1}, {2, 0}} {
		var got, want []string
		n, s := iter.Pull(count(c[0], &got))
		drive(n, s, c[1], &got)
		n2, s2 := stditer.Pull(stditer.Seq[int](count(c[0], &want)))
		drive(n2, s2, c[1], &want)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("seq of %d, %d steps: got %v, Go %v", c[0], c[1], got, want)
		}
	}
	pairs := func(yield func(string, int) bool) {
		_ = yield("a", 1) && yield("b", 2)
	}
	n, s := iter.Pull2(iter.Seq2[string, int](pairs))
	defer s()
	k, v, ok := n()
	k2, v2, ok2 := n()
	_, _, ok3 := n()
	if fmt.Sprintf("%v %v %v %v %v %v %v", k, v, ok, k2, v2, ok2, ok3) != "a 1 true b 2 true false" {
		t.Errorf("Pull2 gave %v %v %v, %v %v %v, %v", k, v, ok, k2, v2, ok2, ok3)
	}
}

func TestPullRaisesTheSequencesPanic(t *testing.T) {
	n, _ := iter.Pull(func(yield func(int) bool) { panic("boom") })
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("next panicked with %v, want boom", r)
		}
	}()
	n()
	t.Error("next returned")
}
