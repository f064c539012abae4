package exec

import (
	"strings"
	"testing"
)

func TestMixedCellAndRedefinition(t *testing.T) {
	s := newSession(t)
	cell := `import "strings"
type P struct{ N int }
func double(x int) int { return 2 * x }
var base = 10
y := double(base)
strings.Repeat("a", 2)`
	res, _ := mustRun(t, s, cell)
	if got := plain(res); got != `"aa"` {
		t.Fatalf("value %q, want \"aa\"", got)
	}
	// Re-running the same cell works: imports are idempotent, names redefined.
	mustRun(t, s, cell)
	mustRun(t, s, `func double(x int) int { return 3 * x }`)
	res, _ = mustRun(t, s, `double(2)`)
	if got := plain(res); got != "6" {
		t.Errorf("redefined func gives %q, want 6", got)
	}
	mustRun(t, s, `var base = "ten"`)
	res, _ = mustRun(t, s, `base`)
	if got := plain(res); got != `"ten"` {
		t.Errorf("redefined var gives %q", got)
	}
	// A redefined type takes effect (typenames.go); the cell is told
	// that what was made before keeps the old one.
	_, r := mustRun(t, s, `type P struct{ N, M int }`)
	if !strings.Contains(r.text("stderr"), "type P is redefined") {
		t.Errorf("no note for a redefined type: %q", r.text("stderr"))
	}
	res, _ = mustRun(t, s, "P{N: 1, M: 2}.M")
	if got := plain(res); got != "2" {
		t.Errorf("the redefined P's new field: %q, want 2", got)
	}
	res, _ = mustRun(t, s, "y")
	if got := plain(res); got != "20" {
		t.Errorf("y = %q, want 20", got)
	}
}

// Redefining a method takes effect for values made after it (the type is
// declared again with all its methods, methodredef.go); values made before
// keep the old method, and the cell names them once. Also when the cell
// declares the type itself again (a program pasted again with a method
// changed).
func TestMethodRedefinition(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "import \"fmt\"\ntype T struct{ N int }\nfunc (t T) Name() string { return fmt.Sprint(\"one \", t.N) }\nold := T{1}")
	mustRun(t, s, "func (t *T) Inc() { t.N++ }")
	_, r := mustRun(t, s, "func (t T) Name() string { return fmt.Sprint(\"two \", t.N) }\nfresh := T{5}\nfresh.Inc()\nfmt.Println(fresh.Name(), old.Name())")
	if got, want := r.text("stdout"), "two 6 one 1\n"; got != want {
		t.Errorf("after redefining T.Name: %q, want %q", got, want)
	}
	note := r.text("stderr")
	if !strings.Contains(note, "method T.Name is redefined") || !strings.Contains(note, "old (made before) keep the old method") || strings.Contains(note, "fresh") {
		t.Errorf("note: %q", note)
	}
	_, r = mustRun(t, s, "fmt.Println(T{7}.Name())")
	if got := r.text("stdout") + r.text("stderr"); got != "two 7\n" {
		t.Errorf("a later cell: %q (no note again)", got)
	}
	prog := "package main\n\nimport \"fmt\"\n\ntype Greeter struct{ name string }\n\nfunc (g Greeter) Greet() string { return \"hello \" + g.name }\n\nfunc (g *Greeter) Rename(n string) { g.name = n }\n\nfunc main() {\n\tg := Greeter{\"ann\"}\n\tg.Rename(\"bo\")\n\tfmt.Println(g.Greet())\n}\n"
	_, r = mustRun(t, s, prog)
	if got := r.text("stdout"); got != "hello bo\n" {
		t.Fatalf("program: %q", got)
	}
	_, r = mustRun(t, s, strings.Replace(prog, `"hello "`, `"hi "`, 1))
	if got := r.text("stdout"); got != "hi bo\n" {
		t.Errorf("program pasted again with Greet changed: %q, want %q", got, "hi bo\n")
	}
	if strings.Contains(r.text("stderr"), "already defined") {
		t.Errorf("old warning: %q", r.text("stderr"))
	}
}

// A cell that declares a type again with another body and its method with
// it redefines the type: the type's note (not the method's), and the new
// method for new values; a value made before keeps the old type and method.
func TestTypeAndMethodRedefinedTogether(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "type Card struct{ Title string }\nfunc (c Card) Show() string { return \"<i>\" + c.Title + \"</i>\" }\nfirst := Card{\"a\"}")
	_, r := mustRun(t, s, "type Card struct{ Title, Note string }\nfunc (c Card) Show() string { return \"<b>\" + c.Title + \":\" + c.Note + \"</b>\" }")
	if note := r.text("stderr"); !strings.Contains(note, "type Card is redefined") || strings.Contains(note, "method Card.Show") {
		t.Errorf("note: %q, want the type's", note)
	}
	res, _ := mustRun(t, s, "Card{Title: \"b\", Note: \"new\"}.Show() + first.Show()")
	if got, want := plain(res), `"<b>b:new</b><i>a</i>"`; got != want {
		t.Errorf("new and old value: %s, want %s", got, want)
	}
}

func TestRangeOverIntAndLoopVars(t *testing.T) {
	s := newSession(t)
	res, _ := mustRun(t, s, "sum := 0\nfor i := range 5 { sum += i }\nsum")
	if got := plain(res); got != "10" {
		t.Fatalf("range 5 sum %q, want 10", got)
	}
	mustRun(t, s, "n := 4")
	res, _ = mustRun(t, s, "c := 0\nfor range n { c++ }\nc")
	if got := plain(res); got != "4" {
		t.Errorf("range n count %q, want 4", got)
	}
	res, _ = mustRun(t, s, "m := 3\nk := 0\nfor j := range m { k += j }\nk")
	if got := plain(res); got != "3" {
		t.Errorf("range over a var of the same cell %q, want 3", got)
	}
	res, _ = mustRun(t, s, "var fs []func() int\nfor i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }\nfs[0]() + fs[1]()*10 + fs[2]()*100")
	if got := plain(res); got != "210" {
		t.Errorf("per-iteration loop variables: %q, want 210", got)
	}
	res, _ = mustRun(t, s, "var gs []func() int\nfor _, v := range []int{1, 2, 3} { gs = append(gs, func() int { return v }) }\ngs[0]() + gs[2]()*10")
	if got := plain(res); got != "31" {
		t.Errorf("per-iteration range variables: %q, want 31", got)
	}
}

func TestCompileErrorPointsAtCell(t *testing.T) {
	s := newSession(t)
	res, _ := run(t, s, "a := 1\nb := a +\n\nfmt.Println(zz)")
	if res.Err == nil {
		t.Fatal("no error")
	}
	res, _ = run(t, s, "x := 1\ny := x + undefinedName\n")
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:2:") {
		t.Fatalf("error %+v does not name cell line 2", res.Err)
	}
	tb := strings.Join(res.Err.Traceback, "\n")
	if !strings.Contains(tb, "y := x + undefinedName") || !strings.Contains(tb, "^") {
		t.Errorf("traceback lacks the source line and caret:\n%s", tb)
	}
}

func TestPanicShowsValueAndLine(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "keep := 7")
	res, r := run(t, s, "var m map[string]int\n\nm[\"a\"] = 1")
	if res.Err == nil {
		t.Fatal("no error")
	}
	tb := strings.Join(res.Err.Traceback, "\n")
	if !strings.Contains(res.Err.Value, "nil map") || !strings.Contains(tb, "cell:3:") {
		t.Errorf("panic error %q lacks the value or line 3:\n%s", res.Err.Value, tb)
	}
	if strings.Contains(r.text("stderr"), "panic") {
		t.Errorf("yaegi's own panic line leaked to stderr: %q", r.text("stderr"))
	}
	res, _ = mustRun(t, s, "keep")
	if plain(res) != "7" {
		t.Errorf("state lost after panic")
	}
}
