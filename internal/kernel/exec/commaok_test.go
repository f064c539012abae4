package exec

import (
	"strings"
	"testing"
)

// The comma-ok forms at a cell's top level — a type assertion, a map
// index, a channel receive — define both names as in Go, for later cells
// too (stdpkgs.go, commaOK); yaegi v0.16.1 failed to compile each of them
// there ("nil type").
func TestCommaOKAtTopLevel(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "fmt"
var x any = 3
m := map[string][]float64{"a": {1, 2}}
ch := make(chan string, 1)
ch <- "sent"`)
	_, r := mustRun(t, s, `v, ok := x.(int)
s, isString := x.(string)
vals, found := m["a"]
_, missing := m["b"]
msg, open := <-ch
fmt.Println(v, ok, s == "", isString, vals, found, missing, msg, open)`)
	if got, want := r.text("stdout"), "3 true true false [1 2] true false sent true\n"; got != want {
		t.Errorf("cell printed %q, want %q", got, want)
	}
	_, r = mustRun(t, s, `v, ok = x.(int)
v2, ok2 := x.(int)
_, isFloat := x.(float64)
fmt.Println(v+v2, ok && ok2, len(vals), isFloat)`)
	if got, want := r.text("stdout"), "6 true 2 false\n"; got != want {
		t.Errorf("later cell printed %q, want %q", got, want)
	}
}

// A variable an earlier cell declared, first assigned in a cell and then
// reused by a := with a new name (`v, ok = f()` then `w, ok := g()`), is
// the earlier variable: the checker kept it declared (it reported
// `undefined: ok`), and a later cell still knows its type.
func TestReusedVariableInLaterDefine(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "fmt"
func f() (int, bool) { return 1, true }
func g() (string, bool) { return "x", false }
var v int
var ok bool`)
	_, r := mustRun(t, s, `v, ok = f()
v2, ok := g()
fmt.Println(v, v2, ok)`)
	if got := r.text("stdout"); got != "1 x false\n" {
		t.Errorf("printed %q, want %q", got, "1 x false\n")
	}
	_, r = mustRun(t, s, `m := map[string]int{"a": 1}
a, ok := m["a"]
b, ok := m["b"]
fmt.Println(a, b, ok, v2)`)
	if got := r.text("stdout"); got != "1 0 false x\n" {
		t.Errorf("printed %q, want %q", got, "1 0 false x\n")
	}
	res, _ := run(t, s, `var n int = ok`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cannot use ok (variable of type bool) as int value") {
		t.Errorf("a later cell's mistake with ok: %v", res.Err)
	}
}

// The comma-ok index of a missing key gives the zero value, in Go's
// words, whatever the variable held before (yaegi v0.16.1 left it as it
// was: mapcommaok.go), at top level and in a loop.
func TestMapCommaOKOfMissingKeyIsZero(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"
m := map[string]int{"route": 66}
i := m["route"]
delete(m, "route")
i, ok := m["route"]
fmt.Println(i, ok)
for _, k := range []string{"a", "b"} {
	m["a"] = 1
	v, ok := m[k]
	fmt.Println(k, v, ok)
}`)
	if got, want := r.text("stdout"), "0 false\na 1 true\nb 0 false\n"; got != want {
		t.Errorf("cell printed %q, want %q", got, want)
	}
}

// A comma-ok type assertion that fails gives the zero value, in a loop
// too (yaegi v0.16.1 left the variable as it was: mapcommaok.go).
func TestFailedCommaOKAssertionIsZero(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"
type Sq struct{ S int }
n := 7
var x any = "str"
n, ok := x.(int)
fmt.Println(n, ok)
for _, v := range []any{"a", 2, Sq{3}, 4} {
	s, ok := v.(string)
	q, isSq := v.(Sq)
	fmt.Printf("%q %v %v %v\n", s, ok, q, isSq)
}`)
	if got, want := r.text("stdout"), "0 false\n\"a\" true {0} false\n\"\" false {0} false\n\"\" false {3} true\n\"\" false {0} false\n"; got != want {
		t.Errorf("cell printed %q, want %q", got, want)
	}
}
