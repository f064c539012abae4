package exec

import (
	"strings"
	"testing"
)

// Instances with the same type arguments of two generic types with a
// method of the same name: yaegi v0.16.1 ran C's put for d.put (printing
// "10 10" where Go prints "10 1"), or, with different signatures, failed
// with "cannot convert untyped string to *list.Element". The cell is
// refused, naming both methods and the workaround.
func TestGenericTypesSharingAMethodNameAreRefused(t *testing.T) {
	for _, cells := range [][]string{
		{`import "fmt"
type C[K any] struct{ n int }
func (c *C[K]) put(k K) { c.n += 10 }
type D[K any] struct{ n int }
func (d *D[K]) put(k K) { d.n++ }
c, d := &C[string]{}, &D[string]{}
c.put("a")
d.put("b")
fmt.Println(c.n, d.n)`},
		{`import "container/list"
type C[K comparable] struct{ m map[K]*list.Element }
func (c *C[K]) put(el *list.Element, k K) { c.m[k] = el }`, `type D[K comparable] struct{ seen map[K]bool }
func (d *D[K]) put(k K) { d.seen[k] = true }`, `c := &C[string]{m: map[string]*list.Element{}}
d := &D[string]{seen: map[string]bool{}}
c.put(list.New().PushBack(1), "a")
d.put("b")`},
		{`type C[K any] struct{ n int }
func (c *C[K]) put(k K) { c.n += 10 }
type D[K any] struct{ n int }
func (d *D[K]) put(k K) { d.n++ }`, `c := &C[string]{}
c.put("a")`, `d := &D[string]{}
d.put("b")
println(c.n, d.n)`},
	} {
		s := newSession(t)
		for _, c := range cells[:len(cells)-1] {
			mustRun(t, s, c)
		}
		res, r := run(t, s, cells[len(cells)-1])
		if res.Err == nil {
			t.Errorf("ran, printing %q; want the cell refused", r.text("stdout"))
			continue
		}
		if msg := res.Err.Value; !strings.Contains(msg, "C[string].put and D[string].put") || !strings.Contains(msg, "Rename one") {
			t.Errorf("error %q, want it to name C[string].put, D[string].put and the rename", msg)
		}
		if out := r.text("stdout"); out != "" {
			t.Errorf("a refused cell printed %q", out)
		}
	}
}

// Running a generic type's cell again, or a generic and a plain type
// sharing a method name, is not refused.
func TestGenericMethodNamesThatDoNotClash(t *testing.T) {
	s := newSession(t)
	cell := `type C[K any] struct{ n int }
func (c *C[K]) put(x int, k K) { c.n += x }`
	mustRun(t, s, cell)
	mustRun(t, s, cell)
	_, r := mustRun(t, s, `import "fmt"
type D struct{ n int }
func (d *D) put(k string) { d.n++ }
c, d := &C[string]{}, &D{}
c.put(5, "a")
d.put("b")
fmt.Println(c.n, d.n)`)
	if got, want := r.text("stdout"), "5 1\n"; got != want {
		t.Errorf("printed %q, want %q (as go run)", got, want)
	}
}

// Instances with different type arguments are not confused by the
// interpreter, so they run (goprograms/96 has OrderedMap[string, int].Get
// and Cache[int, string].Get).
func TestGenericMethodNamesWithOtherTypeArgs(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"
type C[K any] struct{ n int }
func (c *C[K]) put(k K) { c.n += 10 }
type D[K any] struct{ n int }
func (d *D[K]) put(k K) { d.n++ }
c, d := &C[string]{}, &D[int]{}
c.put("a")
d.put(1)
fmt.Println(c.n, d.n)`)
	if got, want := r.text("stdout"), "10 1\n"; got != want {
		t.Errorf("printed %q, want %q (as go run)", got, want)
	}
}
