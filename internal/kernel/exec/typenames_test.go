package exec

import (
	"strings"
	"testing"
)

func TestRedefinedTypeTakesEffect(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "type P struct{ N int }\nfunc (p P) Show() string { return \"old\" }\nold := P{N: 1}")
	_, r := mustRun(t, s, "type P struct{ N, M int }\nfunc (p P) Sum() int { return p.N + p.M }")
	if !strings.Contains(r.text("stderr"), "type P is redefined") {
		t.Errorf("no note on stderr: %q", r.text("stderr"))
	}
	cases := map[string]string{
		"p := P{N: 1, M: 2}\np.Sum()":            "3", // new field, new method
		"var q P\nq.M = 5\nq.M":                  "5",
		"old.N":                                  "1",     // a value made before keeps the old P
		"old.Show()":                             `"old"`, // and its methods
		"func mk() P { return P{M: 7} }\nmk().M": "7",
		"ps := []P{{N: 1, M: 1}, {M: 2}}\nlen(ps) + ps[1].M": "4",
	}
	for code, want := range cases {
		res, _ := mustRun(t, s, code)
		if got := plain(res); got != want {
			t.Errorf("%q = %q, want %q", code, got, want)
		}
	}
	// Errors name the type as the user wrote it.
	res, _ := run(t, s, "var bad P = 3")
	if res.Err == nil || strings.Contains(res.Err.Value, "gotrain") || !strings.Contains(strings.Join(res.Err.Traceback, "\n"), "P") {
		t.Errorf("error for a misuse of the redefined P: %+v", res.Err)
	}
	// Defining it again, a third time, in one cell with its method and use.
	res, _ = mustRun(t, s, "type P float64\nfunc (p P) Twice() P { return 2 * p }\nP(1.5).Twice()")
	if got := plain(res); got != "3" {
		t.Errorf("third definition: %q, want 3", got)
	}
}

func TestFailedTypeRedefinitionKeepsTheCurrentOne(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "type Q struct{ A int }")
	mustRun(t, s, "type Q struct{ A, B int }")
	if res, _ := run(t, s, "type Q struct{ C missingType }"); res.Err == nil {
		t.Fatal("a type with an undefined field type compiled")
	}
	res, _ := mustRun(t, s, "Q{A: 1, B: 2}.B")
	if got := plain(res); got != "2" {
		t.Errorf("after a failed redefinition: %q, want 2", got)
	}
	// Re-running an identical definition is not a redefinition.
	_, r := mustRun(t, s, "type Q struct{ A, B int }")
	if strings.Contains(r.text("stderr"), "redefined") {
		t.Errorf("an identical definition was noted as a redefinition: %q", r.text("stderr"))
	}
}

func TestRenameTypesSparesFieldsSelectorsAndKeys(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "type P struct{ A int }")
	mustRun(t, s, "type P struct{ A, B int }")
	// A struct field, a selector and a composite-literal key all spelt P.
	res, _ := mustRun(t, s, "type W struct{ P P }\nw := W{P: P{B: 4}}\nw.P.B")
	if got := plain(res); got != "4" {
		t.Errorf("w.P.B = %q, want 4", got)
	}
}
