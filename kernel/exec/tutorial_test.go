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
