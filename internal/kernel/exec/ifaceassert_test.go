package exec

import (
	"strings"
	"testing"
)

// A type assertion to an interface, of a value of a cell type held in an
// error, an any or another interface, holds as in Go (ifaceassert.go):
// before, `err.(interface{ Unwrap() error })` was false for a cell error
// held in an error, and `v.(Shape)` of an any made from a Shape panicked.
// The types are declared a cell before the assertions.
func TestTypeAssertionsToInterfacesOfCellValues(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import ("errors"; "fmt")
type OpError struct{ Op string; Err error }
func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }
type Shape interface{ Area() float64 }
type Sq struct{ S float64 }
func (q Sq) Area() float64 { return q.S * q.S }
func pick() Shape { return Sq{3} }`)
	_, r := mustRun(t, s, `var err error = &OpError{"read", errors.New("eof")}
u, ok := err.(interface{ Unwrap() error })
fmt.Println(ok, u.Unwrap())
var held any = pick()
fmt.Println(held.(Shape).Area())
_, ok = any(7).(Shape)
fmt.Println(ok)`)
	want := "true eof\n9\nfalse\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed\n%s\nwant (as go run)\n%s", got, want)
	}
}

// Two cell types of the same underlying type both implementing the
// asserted interface cannot be told apart by the interpreter: the
// assertion is refused at its place, with the workaround, and nothing of
// the cell runs.
func TestTypeAssertionAmongSameShapedTypesRefused(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "fmt"
type Speaker interface{ Speak() string }
type Dog struct{ Name string }
type Cat struct{ Name string }
func (d Dog) Speak() string { return "woof" }
func (c Cat) Speak() string { return "meow" }`)
	res, r := run(t, s, `fmt.Println("ran")
var v any = Cat{"tom"}
sp, ok := v.(Speaker)
fmt.Println(sp, ok)`)
	if res.Err == nil {
		t.Fatalf("the cell ran: %q", r.text("stdout"))
	}
	msg := res.Err.Value
	for _, want := range []string{"cell:3:11", "Speaker", "Cat", "Dog", "assert to the concrete type"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not name %q", msg, want)
		}
	}
	if strings.Contains(r.text("stdout"), "ran") {
		t.Error("a statement of the refused cell ran")
	}
}

// A type assertion of a value held in a package's interface other than
// error to a struct type declared in a cell is refused, with the
// workaround: yaegi's wrapper holds the struct's last field, so `s.(Sq)`
// of a fmt.Stringer holding Sq{3} was false. To a pointer, and from an
// error, it is decided as in Go.
func TestAssertFromPackageInterfaceToCellStructRefused(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "fmt"
type Sq struct{ S float64 }
func (s Sq) String() string { return "sq" }
type P struct{ N int }
func (p *P) String() string { return "p" }`)
	res, _ := run(t, s, `var st fmt.Stringer = Sq{3}
q, ok := st.(Sq)
fmt.Println(q, ok)`)
	want := "cell:2:10: a type assertion of a value held in fmt.Stringer to Sq, a struct type declared in a cell, cannot be decided in this interpreter (it keeps a struct's last field in its place): hold the value in an any or an interface declared in the cell, or give Sq pointer receivers and assert to *Sq"
	if res.Err == nil || !strings.Contains(res.Err.Value, want) {
		t.Fatalf("got %+v, want the assertion refused: %s", res.Err, want)
	}
	_, r := mustRun(t, s, `var pt fmt.Stringer = &P{2}
p, ok := pt.(*P)
fmt.Println(p.N, ok)`)
	if got := r.text("stdout"); got != "2 true\n" {
		t.Errorf("printed %q, want %q", got, "2 true\n")
	}
}

// A struct value of a cell type held in another package's interface (a
// fmt.Stringer) asserted to an interface declared in a cell answers
// false in this interpreter (Go: true): the assertion is warned at its
// place, naming the struct types concerned and the workaround; an
// assertion no cell struct type can satisfy both sides of is not (it
// answered false silently before).
func TestAssertionFromPackageInterfaceToCellInterfaceWarns(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 }

func (r Rect) Area() float64  { return r.W * r.H }
func (r Rect) String() string { return "rect" }

type Named interface{ Name() string }

var st fmt.Stringer = Rect{2, 3}
_, isShape := st.(Shape)
_, isNamed := st.(Named)
fmt.Println(isNamed, isShape)`)
	if got := r.text("stdout"); got != "false false\n" {
		t.Errorf("printed %q", got)
	}
	stderr := r.text("stderr")
	want := "warning: cell:12:15: a type assertion of a value held in fmt.Stringer to Shape, an interface declared in a cell, answers false in this interpreter when the value is a struct of a cell type (main.Rect): hold the value in an any or an interface declared in the cell, or give the type pointer receivers"
	if !strings.Contains(stderr, want) || strings.Count(stderr, "warning:") != 1 {
		t.Errorf("stderr %q, want one warning %q", stderr, want)
	}
}
