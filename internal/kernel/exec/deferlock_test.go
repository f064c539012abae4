package exec

import "testing"

// A function literal made in a function and called while that function's
// deferred calls run no longer hangs the cell (deferlock.go): deferred
// directly, called from a deferred literal, kept in a slice, changing a
// named result; and recover still works in a function so rewritten.
// Each of the first three hung before.
func TestDeferredCallsOfClosuresMadeInTheSameFunction(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

func direct() {
	f := func() { fmt.Println("direct: deferred") }
	defer f()
	fmt.Println("direct: body")
}

func viaLiteral() {
	var ds []func()
	defer func() {
		for k := len(ds) - 1; k >= 0; k-- {
			ds[k]()
		}
	}()
	for i := range 3 {
		ds = append(ds, func() { fmt.Println("slice", i) })
	}
}

func named() (n int) {
	inc := func() { n++ }
	defer inc()
	return 1
}

func rescue() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered ", r)
		}
	}()
	later := func() string { return "unused" }
	_ = later
	panic("boom")
}

func main() {
	direct()
	viaLiteral()
	fmt.Println("named", named())
	fmt.Println(rescue())
}`)
	want := "direct: body\ndirect: deferred\nslice 2\nslice 1\nslice 0\nnamed 2\nrecovered boom\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
