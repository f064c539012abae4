package exec

import (
	"strings"
	"testing"
)

// Redefining a function makes earlier callers, direct or through other
// functions, and goroutines started afterwards use the new one; a function
// value taken before keeps the old one, and the cell says which functions
// were declared again.
func TestRedefinedFunctionRebindsCallers(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "import \"fmt\"\nfunc f() int { return 1 }\nfunc g() int { return f() }\nfunc k() int { return 10 * g() }\nh := f")
	_, r := mustRun(t, s, "func f() int { return 2 }")
	if got := r.text("stderr"); !strings.Contains(got, "note: g, k declared again") {
		t.Fatalf("no note naming g and k: %q", got)
	}
	_, r = mustRun(t, s, "ch := make(chan int)\ngo func() { ch <- g() }()\nfmt.Println(g(), k(), h(), <-ch)")
	if got, want := r.text("stdout"), "2 20 1 2\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}
