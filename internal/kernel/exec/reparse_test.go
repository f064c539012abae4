package exec

import (
	"strings"
	"testing"
)

// A cell yaegi refuses the first time is compiled again with every
// ambiguous range made a counted loop. That second attempt rewrote the
// already rewritten cell, so each function started with two
// `Enter(); defer Leave()` pairs and every call counted twice against
// the 3,000-call recursion guard: depth 2,000 overflowed. The import of
// a package the checker does not load leaves the cell unchecked, so
// `range k` (k a variable of the cell) takes the second attempt.
func TestRetriedCellCountsEachCallOnce(t *testing.T) {
	s := newSession(t)
	res, r := run(t, s, `import "github.com/gotrain/gotrain/kernel/display"
var _ = display.HTML
k := 1
for i := range k {
	_ = i
}
depth := (func(int) int)(nil)
depth = func(n int) int {
	if n == 0 {
		return 0
	}
	return 1 + depth(n-1)
}
println(depth(2000))`)
	if res.Err != nil {
		t.Fatalf("depth(2000) in a retried cell failed: %v (want 2000: one count per call)", res.Err)
	}
	if got := r.text("stdout") + r.text("stderr"); !strings.Contains(got, "2000\n") {
		t.Errorf("depth(2000) in a retried cell printed %q, want 2000", got)
	}
}
