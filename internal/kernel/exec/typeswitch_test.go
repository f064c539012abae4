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
