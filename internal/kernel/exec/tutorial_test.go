package exec

import "testing"

// Bugs the tutorial author hit (issue 2 follow-up), one test each.

// A cell ending in a nil error shows nothing and reports no error.
func TestNilErrorValueShowsNothing(t *testing.T) {
	s := newSession(t)
	res, _ := mustRun(t, s, "var e error\ne")
	if res.Value != nil {
		t.Errorf("nil error shows %v, want nothing", res.Value)
	}
	mustRun(t, s, `import "errors"
func closeIt() error { return nil }
func failIt() error { return errors.New("boom") }`)
	res, _ = mustRun(t, s, "closeIt()")
	if res.Value != nil {
		t.Errorf("nil error from a call shows %v, want nothing", res.Value)
	}
	res, _ = mustRun(t, s, "failIt()")
	if got := plain(res); got != "boom" {
		t.Errorf("non-nil error shows %q, want boom", got)
	}
	res, _ = mustRun(t, s, "var p *int\np")
	if got := plain(res); got != "<nil>" {
		t.Errorf("nil pointer shows %q, want <nil>", got)
	}
}

// A display call already displayed its value: its handle is not shown
// again as the cell's result.
func TestDisplayHandleNotShownAgain(t *testing.T) {
	s := newSession(t)
	res, r := mustRun(t, s, `import "github.com/gotrain/gotrain/kernel/display"
display.HTML("<b>hi</b>")`)
	if res.Value != nil {
		t.Errorf("display.HTML's handle shown as %v", res.Value)
	}
	ev := r.snapshot()
	if len(ev) != 1 || ev[0].kind != "display" || ev[0].data["text/html"] != "<b>hi</b>" {
		t.Errorf("display events %+v, want one display of the HTML", ev)
	}
	res, _ = mustRun(t, s, `h := display.Markdown("*x*")
h`)
	if res.Value != nil {
		t.Errorf("a handle variable shown as %v", res.Value)
	}
}

// A multi-value `:=` inside a loop body or nested block at top level
// declares its names there (yaegi alone says "undefined: err").
func TestDefineInsideNestedBlocks(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `xs := []int{1, 2}
f := func(int) (int, error) { return 1, nil }
func g(k int) (int, error) { return k, nil }`)
	for _, c := range []struct{ code, want string }{
		{"n := 0\nfor _, k := range xs { c, err := f(k); if err != nil { panic(err) }; n += c }\nn", "2"},
		{"n := 0\nfor k := 0; k < 3; k++ { c, err := f(k); if err != nil { panic(err) }; n += c }\nn", "3"},
		{"n := 0\n{ c, err := f(1); _ = err; n += c }\nn", "1"},
		{"n := 0\nfor _, k := range xs { c, err := g(k); _ = err; n += c }\nn", "3"},
		{"n := 0\nif true { var c, err = f(1); _ = err; n += c }\nn", "1"},
		{"n := 0\nfor _, k := range xs { c, err := f(k); _ = err; if k == 2 { break }; n += c }\nn", "1"},
		{"n := 0\nouter: for _, a := range xs { for _, b := range xs { c, err := f(a + b); _ = err; n += c; continue outer } }\nn", "2"},
	} {
		res, _ := mustRun(t, s, c.code)
		if got := plain(res); got != c.want {
			t.Errorf("%q shows %q, want %s", c.code, got, c.want)
		}
	}
	// A statement group ending in such a loop shows no value and no error.
	res, _ := mustRun(t, s, "for _, k := range xs { c, err := f(k); _, _ = c, err }")
	if res.Value != nil {
		t.Errorf("a loop shows %v", res.Value)
	}
}

// Indexing a map whose type is a named type of a compiled package, read
// from a variable or from a struct field (the tutorial's
// `val := first.History["val"]`), then indexing the result.
func TestIndexCompiledNamedMap(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "github.com/gotrain/gotrain/trainlib/explain/chart"
ev := chart.EvalsResult{"val": {"error": {0.5, 0.25}}}
type holder struct { History chart.EvalsResult }
first := holder{History: ev}`)
	for _, c := range []struct{ code, want string }{
		{"a := ev[\"val\"]\na[\"error\"][0]", "0.5"},
		{"val := first.History[\"val\"]\nval[\"error\"][1]", "0.25"},
		{"val[\"error\"][0]", "0.5"},
		{"import \"github.com/gotrain/gotrain/trainlib/gbdt\"\nh := gbdt.History{\"val\": {\"logloss\": {0.7, 0.6}}}", ""},
		{"hv := h[\"val\"]\nhv[\"logloss\"][1]", "0.6"},
	} {
		res, _ := mustRun(t, s, c.code)
		if got := plain(res); got != c.want {
			t.Errorf("%q shows %q, want %s", c.code, got, c.want)
		}
	}
}
