package exec

import "testing"

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
