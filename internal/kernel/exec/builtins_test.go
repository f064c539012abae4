package exec

import (
	"strings"
	"testing"
)

// min, max and clear work in cells as in Go 1.21, including NaN, named
// types imported in the same cell, and a cell's own min shadowing the
// builtin.
func TestMinMaxClear(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"fmt"
	"math"
	"time"
)
x := 3.5
m := map[string]int{"a": 1}
sl := []int{1, 2}
clear(m)
clear(sl)
fmt.Println(min(3, 1, 2), max(2.5, 1), min(x, 1), max("a", "b"), min(2), max(time.Second, 2*time.Second), math.IsNaN(max(1, math.NaN())), len(m), sl)`)
	if got, want := r.text("stdout"), "1 2.5 1 b 2 2s true 0 [0 0]\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
	res, _ := mustRun(t, s, "func lo(a, b int) int { return min(a, b) }\nlo(4, 2)")
	if plain(res) != "2" {
		t.Fatalf("min in a function: %q", plain(res))
	}
	res, _ = mustRun(t, s, "func min(a, b int) int { return 42 }\nmin(1, 2)")
	if plain(res) != "42" {
		t.Fatalf("a cell's own min: %q", plain(res))
	}
	res, _ = run(t, s, `max(1, "a")`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "mismatched types") {
		t.Fatalf("max(1, \"a\") gave %+v", res.Err)
	}
}
