package exec

import "testing"

// A recovered panic value answers type assertions as in Go: yaegi
// v0.16.1 recovered the reflect.Value of the panic's argument, so
// `recover().(string)` after `panic("boom")` was false.
func TestRecoveredValueAssertions(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"errors"
	"fmt"
)

type VE struct{ Field string }

func (e *VE) Error() string { return "invalid " + e.Field }

func try(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

func main() {
	s, ok1 := try(func() { panic("boom") }).(string)
	ve, ok2 := try(func() { panic(&VE{"name"}) }).(*VE)
	e, ok3 := try(func() { panic(errors.New("plain")) }).(error)
	n, ok4 := try(func() { panic(7) }).(int)
	var m map[string]int
	re, ok5 := try(func() { m["a"] = 1 }).(error)
	fmt.Println(s, ok1, ve.Field, ok2, e, ok3, n, ok4, re, ok5, try(func() {}) == nil)
}`)
	want := "boom true name true plain true 7 true assignment to entry in nil map true true\n"
	if got := r.text("stdout"); got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}

// A method expression is the function Go defines, receiver first: yaegi
// v0.16.1 made it a method value of a zero receiver ("reflect: Call with
// too many input arguments").
func TestMethodExpressions(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"fmt"
	"strings"
)

type P struct{ X, Y int }

func (p P) Add(q P) P           { return P{p.X + q.X, p.Y + q.Y} }
func (p *P) Scale(k int)        { p.X *= k; p.Y *= k }
func (p P) Join(sep string, more ...string) string {
	return fmt.Sprint(p.X) + sep + strings.Join(more, sep)
}

type Shape interface{ Area() int }

func (p P) Area() int { return p.X * p.Y }

add := P.Add
scale := (*P).Scale
q := P{3, 4}
scale(&q, 2)
area := Shape.Area
fmt.Println(add(P{1, 1}, P{2, 3}), q, P.Join(P{7, 0}, "-", "a", "b"), area(q), P.Area(P{2, 5}))`)
	if got, want := r.text("stdout"), "{3 4} {6 8} 7-a-b 48 10\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
	// A method value saves its receiver when it is made (a pointer
	// receiver saves the variable's address), as Go does.
	_, r = mustRun(t, s, `func main() {
	p := P{1, 2}
	add := p.Add
	sc := p.Scale
	pp := &P{5, 5}
	addp := pp.Add
	var sh Shape = P{2, 2}
	ar := sh.Area
	p = P{100, 100}
	sc(2)
	pp.X = 50
	sh = P{9, 9}
	join := p.Join
	fmt.Println(add(P{10, 10}), p, addp(P{}), ar(), join("+", "x"))
}`)
	if got, want := r.text("stdout"), "{11 12} {200 200} {5 5} 4 200+x\n"; got != want {
		t.Fatalf("method values printed %q, want %q", got, want)
	}
}

// A float constant made by a shift (Effective Go's ByteSize) has Go's
// value: yaegi v0.16.1 refused it ("constant definition loop").
func TestShiftedFloatConstants(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
)

const half, twice float64 = 1 >> 1, 1 << 1

func main() {
	const local ByteSize = 1 << 3
	fmt.Println(float64(KB), float64(MB), float64(GB), half, twice, float64(local))
}`)
	if got, want := r.text("stdout"), "1024 1.048576e+06 1.073741824e+09 0 2 8\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}

// A const spec of two or more names repeated by the specs after it
// (`A, B = iota, iota * 2` then `C, D`) has Go's values, whatever the
// kinds (typed, untyped int, float, string, rune): yaegi v0.16.1 refused
// it ("constant definition loop").
func TestRepeatedMultiNameConstSpecs(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

type T int

const (
	A, B = iota, iota * 2
	C, D
	E, F
)

const (
	X, Y T = iota + 1, -iota
	Z, W
)

const (
	S, N = "s", 1.0
	S2, N2
)

const (
	P, Q = 'a', 2.5 * iota
	P2, Q2
)

func main() {
	fmt.Println(A, B, C, D, E, F, X, Y, Z, W)
	fmt.Printf("%v %T %v %T %v %T %v %T\n", S2, S2, N2, N2, P2, P2, Q2, Q2)
	var f float32 = N2
	fmt.Println(f/3, P2+1)
}`)
	if got, want := r.text("stdout"), "0 0 1 2 2 4 1 0 2 -1\ns string 1 float64 97 int32 2.5 float64\n0.33333334 98\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}

// A pointer to a variable sees a composite literal assigned to it later:
// yaegi v0.16.1 put `p = P{…}` into fresh storage, so `*q` kept the old
// value (in a function and at a cell's top level, across cells).
func TestAssignedLiteralKeepsPointers(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

type P struct{ X, Y int }

func main() {
	p := P{1, 2}
	q := &p
	p = P{100, 0}
	fmt.Println(*q)
	p, _ = P{X: 7}, 0
	fmt.Println(*q)
	p = P{}
	fmt.Println(*q == p)
}`)
	if got, want := r.text("stdout"), "{100 0}\n{7 0}\ntrue\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
	mustRun(t, s, "g := P{1, 1}\ngp := &g")
	_, r = mustRun(t, s, "g = P{5, 6}\nfmt.Println(*gp)")
	if got, want := r.text("stdout"), "{5 6}\n"; got != want {
		t.Fatalf("across cells printed %q, want %q", got, want)
	}
}

// A range over an integer in one function and a range without variables
// over a slice in another, in one cell: the checker says which operand
// is an integer (the syntactic guess turned the slice into a count, and
// yaegi panicked: "nil type").
func TestRangeOperandsTyped(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

type Matrix [][]float64

func count(n int) int {
	s := 0
	for i := range n {
		s += i
	}
	return s
}

func cells(m Matrix) int {
	n := 0
	for _, row := range m {
		for range row {
			n++
		}
	}
	return n
}

func main() {
	x := []int{1, 2}
	for range x {
		fmt.Print(count(4), " ")
	}
	fmt.Println(cells(Matrix{{1, 2}, {3}}))
}`)
	if got, want := r.text("stdout")+r.text("stderr"), "6 6 3\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}

// An error of a cell type declared with its value (`var e error = E{…}`)
// answers its methods; yaegi v0.16.1 failed the call ("reflect: Method
// index out of range").
func TestErrorVarOfLiteral(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

type lookupErr struct{ key string }

func (e lookupErr) Error() string { return "lookup " + e.key }

var top error = lookupErr{"k0"}

func main() {
	var e error = lookupErr{"k1"}
	fmt.Println(e.Error(), top.Error())
}`)
	if got, want := r.text("stdout"), "lookup k1 lookup k0\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}

// encoding/json leaves out the unexported fields of a cell's struct type,
// as Go does: yaegi v0.16.1 builds them exported (`secret` as `Xsecret`),
// so they were written.
func TestJSONSkipsUnexportedFields(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, "import (\n\t\"encoding/json\"\n\t\"fmt\"\n)\n\ntype User struct {\n\tID     int\n\tName   string `json:\"name\"`\n\tsecret string\n\tnote   string `yaml:\"n\"`\n}\n\nb, _ := json.Marshal(User{7, \"ann\", \"pw\", \"x\"})\nfmt.Println(string(b))")
	if got, want := r.text("stdout"), "{\"ID\":7,\"name\":\"ann\"}\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}

// A range over a slice, an array or a map of channels, with a value
// variable, ranges over the collection: yaegi v0.16.1 took the value
// variable's channel type for the operand's ("reflect: call of
// reflect.Value.Len on int Value").
func TestRangeOverChannels(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

func caps(cs ...chan int) (n int) {
	for _, c := range cs {
		n += cap(c)
	}
	return n
}

func main() {
	a, b := make(chan int, 1), make(chan int, 2)
	byName := map[string]chan int{"a": a}
	arr := [2]chan int{a, b}
	for k, c := range byName {
		fmt.Print(k, cap(c), " ")
	}
	for i, c := range arr {
		fmt.Print(i, cap(c), " ")
	}
	fmt.Println(caps(a, b))
}`)
	if got, want := r.text("stdout"), "a1 0 1 1 2 3\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}

// Package-level variables are initialised in dependency order, as Go
// does: yaegi v0.16.1 went in the written order, so total was computed
// from a zero base.
func TestVarInitOrder(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

var (
	total = compute()
	log   []string
	base  = offset + 10
)

var offset = 5

func compute() int {
	log = append(log, "compute")
	return base * 2
}

func main() { fmt.Println(total, base, offset, log) }`)
	if got, want := r.text("stdout"), "30 15 5 [compute]\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}
