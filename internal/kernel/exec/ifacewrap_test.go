package exec

import "testing"

// A value of a cell type put into an interface of a compiled package kept
// reading its receiver from the conversion's operand: values collected
// in a loop all answered as the last one, and a variable assigned after
// the conversion changed what the interface held.
func TestCellValuesInPackageInterfacesKeepTheirReceiver(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import (
	"fmt"
	"io"
	"sort"
)

type res struct{ id int }

func (r *res) Close() error { fmt.Print("close ", r.id, "; "); return nil }

type deg int

func (d deg) String() string { return fmt.Sprint(int(d), "°") }

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }`)
	_, r := mustRun(t, s, `var cs []io.Closer
for i := 1; i <= 3; i++ {
	r := &res{i}
	cs = append(cs, r)
}
for _, c := range cs {
	c.Close()
}
m := map[int]io.Closer{}
for i := 4; i <= 5; i++ {
	m[i] = &res{i}
}
m[4].Close()
one := &res{6}
c := io.Closer(one)
one = &res{7}
c.Close()
var ds []fmt.Stringer
for _, d := range []int{10, 20} {
	ds = append(ds, deg(d))
}
w := byLen{"ccc", "a", "bb"}
var si sort.Interface
si = w
w = byLen{}
sort.Sort(si)
fmt.Println(ds, si.Len(), si.(byLen))`)
	if got, want := r.text("stdout"), "close 1; close 2; close 3; close 4; close 6; [10° 20°] 3 [a bb ccc]\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// A cell's top-level variable is the session's: a later cell may assign
// it, and an interface value made from it keeps the value it was given.
// A function's local declared once and never assigned needs no copy.
func TestPackageInterfaceOfSessionVariableKeepsItsValue(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import (
	"fmt"
	"io"
)

type res struct{ id int }

func (r *res) Close() error { fmt.Print("close ", r.id, "; "); return nil }

func once() {
	c := &res{8}
	var x io.Closer = c
	x.Close()
}

w := &res{1}
cs := []io.Closer{w}`)
	mustRun(t, s, `w = &res{2}`)
	_, r := mustRun(t, s, `cs[0].Close()
once()
func() {
	loop := 0
again:
	r := &res{10 + loop}
	cs = append(cs, r)
	if loop++; loop < 2 {
		goto again
	}
}()
cs[1].Close()`)
	if got, want := r.text("stdout"), "close 1; close 8; close 10; "; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
