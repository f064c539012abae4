package exec

import (
	"strings"
	"testing"
)

// A type switch case of a compiled interface (error, fmt.Stringer,
// io.Reader) matches a compiled value as Go does (typeswitch.go): before,
// `case error:` skipped fmt.Errorf's error and the switch took default.
// Cases keep their order, break ends the switch, a label on it works, and
// cases of other types (a cell interface among them) still match.
func TestTypeSwitchCompiledInterfaceCases(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import ("fmt"; "io"; "strings")
type Shape interface{ Area() float64 }
type R struct{ w float64 }
func (r R) Area() float64 { return r.w }
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case error:
		return "error " + x.Error()
	case Shape:
		return fmt.Sprint("shape ", x.Area())
	case io.Reader:
		b := make([]byte, 1)
		x.Read(b)
		return "reader " + string(b)
	default:
		return fmt.Sprintf("other %T", x)
	}
}`)
	_, r := mustRun(t, s, `for _, v := range []any{nil, 42, fmt.Errorf("boom"), R{2}, strings.NewReader("x"), 2.5} {
	fmt.Println(describe(v))
}`)
	want := "nil\nint 42\nerror boom\nshape 2\nreader x\nother float64\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed\n%s\nwant (as go run)\n%s", got, want)
	}
	_, r = mustRun(t, s, `func() {
	var e error = fmt.Errorf("y")
L:
	for i := 0; i < 3; i++ {
		switch e.(type) {
		case fmt.Stringer:
			fmt.Println("stringer")
		case error:
			fmt.Println("an error", i)
			if i == 1 {
				break L
			}
			break
			fmt.Println("after break")
		}
	}
	fmt.Println("end")
}()`)
	if got, want := r.text("stdout"), "an error 0\nan error 1\nend\n"; got != want {
		t.Errorf("printed\n%s\nwant (as go run)\n%s", got, want)
	}
}

// A case listing a compiled interface with other types is refused at the
// case, naming the workaround: the interpreter gets its variable wrong.
func TestTypeSwitchSeveralTypesWithCompiledInterfaceRefused(t *testing.T) {
	s := newSession(t)
	res, r := run(t, s, `import ("fmt"; "io")
var v any = 1
switch v.(type) {
case fmt.Stringer, io.Reader:
	fmt.Println("matched")
}`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:4:1: a type switch case listing several types") || !strings.Contains(res.Err.Value, "give that interface a case of its own") {
		t.Fatalf("not refused at the case: %+v", res.Err)
	}
	if out := r.text("stdout"); out != "" {
		t.Errorf("a refused cell printed %q", out)
	}
}

// A case of a cell type with methods matches as in Go (its case becomes
// an assertion): yaegi's type switch missed a Dog and took a Cat for it,
// and a cell error come back from compiled code (errors.Unwrap) matched no
// case of its type. Two such cases of the same underlying type are
// refused at the case (the assertion cannot tell them apart).
func TestTypeSwitchCellTypesWithMethods(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import ("errors"; "fmt")
type Dog struct{ Name string }
func (d Dog) Sound() string { return d.Name + " woofs" }
type Cow struct{ Age int }
func (c *Cow) Sound() string { return "moo" }
type Status int
func (s Status) Error() string { return fmt.Sprint("status ", int(s)) }
func kind(v any) string {
	switch x := v.(type) {
	case Dog:
		return "dog " + x.Sound()
	case *Cow:
		return fmt.Sprint("cow ", x.Age)
	case int:
		return "int"
	default:
		return "other"
	}
}`)
	_, r := mustRun(t, s, `d := Dog{"rex"}
fmt.Println(kind(d), kind(Dog{"fido"}), kind(&Cow{3}), kind(Cow{4}), kind(5), kind(2.5))
switch e := errors.Unwrap(fmt.Errorf("w: %w", Status(404))).(type) {
case Status:
	fmt.Println("status", int(e))
default:
	fmt.Println("not a status")
}`)
	if got, want := r.text("stdout"), "dog rex woofs dog fido woofs cow 3 other int other\nstatus 404\n"; got != want {
		t.Errorf("printed %q, want %q (as go run)", got, want)
	}
	res, _ := run(t, s, `type Cat struct{ Name string }
func (c Cat) Sound() string { return "meow" }
func which(v any) string {
	switch v.(type) {
	case Dog:
		return "dog"
	case Cat:
		return "cat"
	}
	return "?"
}`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:5:7: the cases Dog and Cat of this type switch have the same underlying type") {
		t.Fatalf("same-shape cases not refused: %+v", res.Err)
	}
}

// A type switch on a value held in a package's interface other than
// error, with a case of a cell type, is refused at the case: the
// interpreter's wrapper of the value matches no cell type.
func TestTypeSwitchOnPackageInterfaceRefused(t *testing.T) {
	s := newSession(t)
	res, _ := run(t, s, `import "fmt"
type Version struct{ Major int }
func (v Version) String() string { return "v" }
func describe(v fmt.Stringer) string {
	switch v.(type) {
	case Version:
		return "version"
	}
	return "other"
}`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:6:7: a type switch on a value held in an interface of a package") {
		t.Fatalf("not refused at the case: %+v", res.Err)
	}
}

// A case of a struct that embeds an interface (Loud{Animal}, overriding
// one of its methods) matches, where the assertion the kernel writes for
// the case did not compile: yaegi's check of an assertion from an
// interface misses methods promoted from an embedded interface.
func TestTypeSwitchCaseOfStructEmbeddingAnInterface(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"fmt"
	"strings"
)

type Animal interface {
	Sound() string
	Name() string
}

type Dog struct{ name string }

func (d Dog) Sound() string { return "Woof" }
func (d Dog) Name() string  { return d.name }

type Loud struct{ Animal }

func (l Loud) Sound() string { return strings.ToUpper(l.Animal.Sound()) + "!" }

func describe(a Animal) string {
	switch v := a.(type) {
	case Dog:
		return "dog " + v.Name()
	case Loud:
		return "loud " + v.Name() + " " + v.Sound()
	case *Loud:
		return "loud pointer " + v.Name()
	}
	return "other"
}

for _, a := range []Animal{Dog{"rex"}, Loud{Dog{"max"}}, &Loud{Dog{"bo"}}} {
	fmt.Println(describe(a))
}`)
	if got, want := r.text("stdout"), "dog rex\nloud max WOOF!\nloud pointer bo\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// Type switch cases of interfaces decided as Go decides them, for values
// of cell types held in an any (typeswitch.go's caseAsserts): a case of
// an interface declared in a cell no longer fails with `method not
// found: Area` for a value of another cell type with methods, nor takes
// a value whose pointer alone implements it (Circle{2} matched `case
// Shape:` silently); `case fmt.Stringer:` and `case error:` match values
// and pointers of cell types (`case error:` held an SE as a nil error,
// and missed a *SE); the default prints a cell value with its String
// method.
func TestTypeSwitchCasesOfInterfacesOnCellValues(t *testing.T) {
	runCells(t, `import "fmt"
type Shape interface{ Area() float64 }
type Sq struct{ S float64 }
func (s Sq) Area() float64 { return s.S * s.S }
type Circle struct{ R float64 }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
type Named struct{ N string }
func (n Named) String() string { return "named " + n.N }
type Temp float64
func (t Temp) String() string { return fmt.Sprintf("%.1f deg", float64(t)) }
type SE struct{ Code int }
func (e SE) Error() string { return fmt.Sprint("se ", e.Code) }
func kind(v any) string {
	switch x := v.(type) {
	case Shape:
		return fmt.Sprint("shape ", x.Area())
	case fmt.Stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	case int:
		return "int"
	default:
		return fmt.Sprintf("other %v", x)
	}
}
func onlyShape(v any) string {
	switch x := v.(type) {
	case Shape:
		return fmt.Sprint("shape ", x.Area())
	default:
		return fmt.Sprintf("other %v", x)
	}
}`, []struct{ cell, want string }{
		{`for _, v := range []any{Sq{2}, Named{"a"}, &Named{"p"}, Temp(3), SE{3}, &SE{4}, 7, fmt.Errorf("e"), &Circle{1}, Circle{2}} {
	fmt.Print(kind(v), "|")
}
fmt.Println()`, "shape 4|stringer named a|stringer named p|stringer 3.0 deg|error se 3|error se 4|int|error e|shape 3|other {2}|\n"},
		{`fmt.Println(onlyShape(Named{"b"}), onlyShape(Circle{1}), onlyShape(Temp(1)), onlyShape(&Circle{2}))`, "other named b other {1} other 1.0 deg shape 12\n"},
		{`var a any = Circle{2}
_, ok := a.(Shape)
var b any = &Circle{2}
s, ok2 := b.(Shape)
fmt.Println(ok, ok2, s.Area())`, "false true 12\n"},
	})
}

// A type switch on a value held in a package's interface other than
// error cannot match an interface declared in a cell (yaegi's wrapper
// of the value answers no assertion to a cell type): refused at the
// case, with the workaround, where it silently took the default.
func TestTypeSwitchOnPackageInterfaceRefusesCellInterfaceCase(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "fmt"
type Shape interface{ Area() float64 }
type Sq struct{ S float64 }
func (s Sq) Area() float64 { return s.S * s.S }
func (s Sq) String() string { return "sq" }`)
	res, _ := run(t, s, `var st fmt.Stringer = Sq{3}
switch x := st.(type) {
case Shape:
	fmt.Println("shape", x.Area())
default:
	fmt.Println("default")
}`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:3:6: a type switch on a value held in an interface of a package (other than error) cannot match an interface declared in a cell in this interpreter (Shape): switch on a variable of type any") {
		t.Fatalf("got %+v, want the case refused", res.Err)
	}
}
