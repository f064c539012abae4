package exec

import (
	"strings"
	"testing"
)

// fmt prints values of cell types as Go does (fmtcell.go, fmtview.go):
// %T names the cell type (through an interface too), a String method is
// used for a struct field and not for %d, %+v and %#v spell field names
// and the type, a pointer to a struct prints as &{...}, slices, arrays
// and maps of such values print their elements so, in fmt's key order. Each line is what
// `go run` prints for the same code.
func TestFmtPrintsCellTypesAsGo(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "fmt"
type Color int
const (Red Color = iota; Green; Blue)
func (c Color) String() string { return [...]string{"Red", "Green", "Blue"}[c] }
type Pixel struct { X, Y int; C Color }
type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 }
func (r Rect) Area() float64 { return r.W * r.H }
type Circle struct{ R float64 }
func (c *Circle) Area() float64 { return c.R }
type Named struct { Name string; P *Pixel; inner Color }
type Fail struct{ Code int }
func (f Fail) Error() string { return fmt.Sprint("fail ", f.Code) }
func (f Fail) String() string { return "not this" }`)
	for _, c := range []struct{ cell, want string }{
		{`fmt.Println(Pixel{1, 2, Blue}, Green)`, "{1 2 Blue} Green\n"},
		{`p := Pixel{1, 2, Blue}
fmt.Printf("%v %+v %d %#v\n", p, p, p.C, p)`, "{1 2 Blue} {X:1 Y:2 C:Blue} 2 main.Pixel{X:1, Y:2, C:2}\n"},
		{`fmt.Printf("%-8v|%5s|%x|%q\n", Green, Red, Blue, Green)`, "Green   |  Red|426c7565|\"Green\"\n"},
		{`fmt.Println(&Pixel{3, 4, Red})`, "&{3 4 Red}\n"},
		{`var s Shape = Rect{3, 4}
fmt.Printf("%T %T %T %T %12T|\n", s, Rect{}, &Rect{}, []Rect{}, Blue)`, "main.Rect main.Rect *main.Rect []main.Rect   main.Color|\n"},
		{`var s2 Shape = &Circle{2}
fmt.Printf("%T %.1f %%T\n", s2, s2.Area())`, "*main.Circle 2.0 %T\n"},
		{`fmt.Print(fmt.Sprint(Pixel{C: Green}), fmt.Sprintf("|%v|", Pixel{C: Red}), "\n")`, "{0 0 Green}|{0 0 Red}|\n"},
		{`n := Named{"n", nil, Green}
fmt.Printf("%v %+v\n", n, n)`, "{n <nil> 1} {Name:n P:<nil> inner:1}\n"},
		{`fmt.Println(Fail{7}, []string{fmt.Sprintf("%v", Fail{8})})`, "fail 7 [fail 8]\n"},
		{`var sh Shape = Rect{3, 4}
var none Shape
shapes := []Shape{Rect{1, 2}, &Circle{3}, nil}
fmt.Println(sh, none, shapes[0], len(shapes))
fmt.Printf("%v|%T|%+v\n", sh, sh, struct{ S Shape }{Rect{5, 6}})`, "{3 4} <nil> {1 2} 3\n{3 4}|main.Rect|{S:{W:5 H:6}}\n"},
		{`m := map[string]Pixel{"b": {1, 2, Blue}, "a": {C: Red}}
var none map[string]Color
fmt.Println(m, none, map[Color]int{Blue: 3, Red: 1, Green: 2}, map[int][]Color{1: {Green}})`, "map[a:{0 0 Red} b:{1 2 Blue}] map[] map[Red:1 Green:2 Blue:3] map[1:[Green]]\n"},
		{`cs := []Color{Red, Blue}
var none []Color
fmt.Println(cs, [2]Color{Green, Red}, none, [][]Color{{Red}, {Green, Blue}})
fmt.Printf("%v %d %+v %#v\n", cs, cs, []Pixel{{1, 2, Green}}, cs)`, "[Red Blue] [Green Red] [] [[Red] [Green Blue]]\n[Red Blue] [0 2] [{X:1 Y:2 C:Green}] []main.Color{0, 2}\n"},
	} {
		_, r := mustRun(t, s, "func() {\n"+c.cell+"\n}()")
		if got := r.text("stdout"); got != c.want {
			t.Errorf("%s\nprinted %q, want %q (as go run)", c.cell, got, c.want)
		}
	}
}

// A value of a cell struct type held in an any prints as Go prints it:
// %T names its type (was `struct { A int }` for a type without methods),
// %v uses its String method, in a []any and a map of any too (was the
// interpreter's internal pair), and a function returning it as an any
// gives the value it was handed (was another value's String).
func TestPrintCellValuesHeldInAny(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "fmt"
type Plain struct{ A int }
type Sq struct{ S float64 }
func (q Sq) String() string { return fmt.Sprintf("Sq(%g)", q.S) }
func box(v float64) any { return Sq{v} }`)
	_, r := mustRun(t, s, `var p any = Plain{1}
a, b := box(2), box(3)
fmt.Printf("%T %v %T %v %v\n", p, p, a, a, b)
fmt.Println([]any{Sq{4}, 5}, map[string]any{"k": Sq{6}})`)
	want := "main.Plain {1} main.Sq Sq(2) Sq(3)\n[Sq(4) 5] map[k:Sq(6)]\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed\n%s\nwant (as go run)\n%s", got, want)
	}
}

// %p of a pointer to a cell struct prints its address, as Go does (the
// fmt layer passed a printable view of the struct, which %p refused).
func TestPercentPOfCellStructPointer(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

type point struct{ x, y int }

func main() {
	p := &point{1, 2}
	s := fmt.Sprintf("%p %v", p, p)
	fmt.Println(s[:2], s[len(s)-6:])
}`)
	want := "0x &{1 2}\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// A value of a cell type that is not a struct, with a String or Error
// method, held in an any prints with its method, and a compiled value of
// its underlying type beside it without (fmtcell.go's dispatchView tells
// them apart by a type switch): `[]any{Celsius(21.5), 2.5}` printed
// `[21.5 2.5]`. A spread operand list (`fmt.Println(vals...)`) prints its
// elements' views too (was the interpreter's internal pairs).
func TestPrintNamedValuesHeldInAny(t *testing.T) {
	runCells(t, `import "fmt"
type Celsius float64
func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }
type Mask [2]byte
func (m Mask) String() string { return fmt.Sprintf("%d/%d", m[0], m[1]) }
type Errno int
func (e Errno) Error() string { return fmt.Sprint("errno ", int(e)) }`, []struct{ cell, want string }{
		{`vals := []any{Celsius(21.5), 2.5, Mask{8, 16}, [2]byte{1, 2}, Errno(4), 4}
for _, v := range vals {
	fmt.Printf("%v|", v)
}
fmt.Println()`, "21.5C|2.5|8/16|[1 2]|errno 4|4|\n"},
		{`vals := []any{Celsius(-1), 7.0, Mask{1, 1}}
fmt.Println(vals...)
fmt.Println(vals)`, "-1.0C 7 1/1\n[-1.0C 7 1/1]\n"},
		{`var x any = Mask{0, 24}
fmt.Println(x, fmt.Sprint(x), map[string]any{"m": x})`, "0/24 0/24 map[m:0/24]\n"},
	})
}

// %v of a cell interface holding a nil pointer of a cell struct type
// prints <nil>, as Go does (A Tour of Go's "interface values with nil
// underlying values"): the fmt layer's view dereferenced it and the cell
// panicked with a nil pointer dereference.
func TestNilPointerInCellInterfacePrints(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

type I interface{ M() }

type T struct{ S string }

func (t *T) M() {}

func main() {
	var i I
	var t *T
	i = t
	fmt.Printf("(%v, %T)\n", i, i)
	fmt.Println(i)
	i = &T{"hello"}
	fmt.Printf("(%v, %T)\n", i, i)
}`)
	want := "(<nil>, *main.T)\n<nil>\n(&{hello}, *main.T)\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// fmt prints a value of a cell type without a String method held in a
// package's interface (a sort.Interface) as the interpreter's wrapper
// ({[ccc a] 0x… 0x… 0x…}, Go: [ccc a]): the operand is warned at its
// place, naming the type and the workaround; %T of it, and a Stringer's
// value, print as Go prints them and are not warned (this printed the
// wrapper silently before).
func TestFmtOfCellValueInPackageInterfaceWarns(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import ("fmt"; "sort")

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

var si sort.Interface = byLen{"ccc", "a"}
var st fmt.Stringer = Temp(21.5)
fmt.Printf("%T %v\n", si, st)
fmt.Println(si.(byLen))
fmt.Println(si)`)
	if got := r.text("stdout"); !strings.HasPrefix(got, "main.byLen 21.5°\n[ccc a]\n") {
		t.Errorf("printed %q", got)
	}
	stderr := r.text("stderr")
	want := "warning: cell:17:13: fmt: a value held in sort.Interface of a type declared in a cell without a String method (main.byLen) is printed as this interpreter's wrapper ({… 0x…}), not as Go prints it: print it asserted to its type (x.(T)) or held in an any"
	if !strings.Contains(stderr, want) || strings.Count(stderr, "warning:") != 1 {
		t.Errorf("stderr %q, want one warning %q", stderr, want)
	}
}

func TestSharpV(t *testing.T) {
	for format, want := range map[string]bool{
		"%#v":          true,
		"a %-#8v b":    true,
		"%v %+v":       false,
		"%#x %v":       false,
		"%%#v":         false,
		"%[1]#v":       true,
		"100%% %d %#v": true,
	} {
		if got := sharpV(format); got != want {
			t.Errorf("sharpV(%q) = %v, want %v", format, got, want)
		}
	}
}
