package atomic_test

import (
	"fmt"
	stdatomic "sync/atomic"
	"testing"

	"github.com/gotrain/gotrain/internal/kernel/gostd/sync/atomic"
)

// Pointer against sync/atomic's, the same operations in the same order
// giving the same results; and concurrent swaps lose no value.
func TestPointerMatchesGo(t *testing.T) {
	a, b := 1, 2
	var p atomic.Pointer[int]
	var q stdatomic.Pointer[int]
	trace := func(x interface {
		Load() *int
		Store(*int)
		Swap(*int) *int
		CompareAndSwap(old, new *int) bool
	}) string {
		s := fmt.Sprint(x.Load() == nil, x.CompareAndSwap(nil, &a), *x.Load())
		s += fmt.Sprint(x.CompareAndSwap(&b, nil), *x.Swap(&b), *x.Load())
		x.Store(nil)
		return s + fmt.Sprint(x.Load() == nil, x.Swap(&a) == nil)
	}
	if g, w := trace(&p), trace(&q); g != w {
		t.Errorf("trace %s, Go %s", g, w)
	}
	var r atomic.Pointer[int]
	vals := make([]int, 100)
	done := make(chan *int)
	for i := range vals {
		go func() { done <- r.Swap(&vals[i]) }()
	}
	got := map[*int]bool{}
	for range vals {
		got[<-done] = true
	}
	got[r.Load()] = true
	if len(got) != len(vals)+1 { // every value, and the first nil
		t.Errorf("%d distinct values swapped out, want %d", len(got), len(vals)+1)
	}
}
