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
