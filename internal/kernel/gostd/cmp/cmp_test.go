package cmp_test

import (
	stdcmp "cmp"
	"math"
	"testing"

	"github.com/gotrain/gotrain/internal/kernel/gostd/cmp"
)

// The package against the standard library's cmp, NaNs included.
func TestMatchGo(t *testing.T) {
	fs := []float64{math.Inf(-1), -1, 0, math.Copysign(0, -1), 1, math.Inf(1), math.NaN()}
	for _, x := range fs {
		for _, y := range fs {
			if g, w := cmp.Compare(x, y), stdcmp.Compare(x, y); g != w {
				t.Errorf("Compare(%v, %v) = %d, Go %d", x, y, g, w)
			}
			if g, w := cmp.Less(x, y), stdcmp.Less(x, y); g != w {
				t.Errorf("Less(%v, %v) = %v, Go %v", x, y, g, w)
			}
		}
	}
	for _, s := range [][]string{{"", "a"}, {"b", "a"}, {"", ""}, {"a", "b"}} {
		if g, w := cmp.Compare(s[0], s[1]), stdcmp.Compare(s[0], s[1]); g != w {
			t.Errorf("Compare(%q, %q) = %d, Go %d", s[0], s[1], g, w)
		}
		if g, w := cmp.Or(s...), stdcmp.Or(s...); g != w {
			t.Errorf("Or(%q) = %q, Go %q", s, g, w)
		}
	}
	if cmp.Or[int]() != stdcmp.Or[int]() {
		t.Error("Or() differs")
	}
}
