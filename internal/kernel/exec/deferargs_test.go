package exec

import (
	"strings"
	"testing"
)

// A deferred call of a cell function, a method or a function value gets
// its function, receiver and arguments as they were at the defer
// statement, as in Go (deferargs.go): yaegi read them at the function's
// return. Each case printed the later values before.
func TestDeferredCallsTakeTheirArgumentsAtTheDeferStatement(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"fmt"
	"io"
	"sync"
)

type T struct{ n int }

func (t *T) show(label string, k int) { fmt.Println(label, t.n, k) }
func (t T) val(label string)          { fmt.Println(label, t.n) }

type C struct{ name string }

func (c C) Close() error { fmt.Println("close", c.name); return nil }

func show(label string, xs []int, k int) { fmt.Println(label, xs, k) }

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func args() {
	k := 5
	xs := []int{1}
	defer show("func", xs, k)
	t := &T{1}
	defer t.show("method", k)
	v := T{1}
	defer v.val("value receiver")
	f := func() { fmt.Println("first f") }
	defer f()
	f = func() { fmt.Println("second f") }
	k = 6
	xs = nil
	t = &T{9}
	v.n = 2
}

func loops() {
	for _, c := range []C{{"a"}, {"b"}} {
		defer c.Close()
	}
	var cs []io.Closer = []io.Closer{C{"x"}, C{"y"}}
	for i := 0; i < len(cs); i++ {
		defer cs[i].Close()
	}
	for i := 0; i < 2; i++ {
		defer show("loop", []int{i}, i*10)
	}
}

func locks() {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
		}()
	}
	wg.Wait()
	defer trace("locks")()
	fmt.Println("locked")
}

func main() {
	args()
	loops()
	locks()
}`)
	want := `first f
value receiver 1
method 1 5
func [1] 5
loop [1] 10
loop [0] 0
close y
close x
close b
close a
enter locks
locked
leave locks
`
	if got := r.text("stdout"); got != want {
		t.Errorf("printed\n%s\nwant\n%s", got, want)
	}
}

// A function literal deferred in a loop sees the variables of its own
// iteration (loop variables, copies, parameters), and the deferred calls
// of all iterations run last to first; a named result changed by them
// is what the function returns. Before, every one saw the last iteration.
func TestDeferredLiteralsInLoopsSeeTheirOwnIteration(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

func closures() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Print("c", i, " ") }()
	}
}

func copies() {
	for i := 0; i < 3; i++ {
		j := i * 10
		defer func() { fmt.Print("j", j, " ") }()
	}
}

func params() {
	for i := 0; i < 3; i++ {
		defer func(i int) { fmt.Print("p", i, " ") }(i)
	}
}

func nested() {
	for _, s := range []string{"x", "y"} {
		for k := range 2 {
			defer func() { fmt.Print(s, k, " ") }()
		}
	}
}

func sum() (n int) {
	for i := 1; i <= 3; i++ {
		defer func() { n = n*10 + i }()
	}
	return 0
}

func main() {
	closures()
	fmt.Println()
	copies()
	fmt.Println()
	params()
	fmt.Println()
	nested()
	fmt.Println()
	fmt.Println(sum())
}`)
	want := "c2 c1 c0 \nj20 j10 j0 \np2 p1 p0 \ny1 y0 x1 x0 \n321\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// recover keeps working where Go lets it work: in a function or method
// deferred directly (with arguments taken at the defer statement), in a
// literal deferred in a loop that uses no variable of the loop; and a
// re-panic reaches the caller.
func TestDeferredRecoverStillWorks(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"errors"
	"fmt"
)

func catch(err *error, tag string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %v", tag, r)
	}
}

func work(n int) (err error) {
	tag := "work"
	defer catch(&err, tag)
	tag = "changed"
	if n > 1 {
		panic("too big")
	}
	return nil
}

type G struct{ name string }

func (g *G) guard(out *string) {
	if r := recover(); r != nil {
		*out = fmt.Sprint(g.name, " recovered ", r)
	}
}

func method() (out string) {
	g := &G{"g"}
	defer g.guard(&out)
	panic("m")
}

func inLoop() (out string) {
	for i := 0; i < 2; i++ {
		defer func() {
			if r := recover(); r != nil {
				out = fmt.Sprint("loop recovered ", r)
			}
		}()
	}
	panic("l")
}

func repanic() {
	defer func() {
		r := recover()
		panic(errors.New(fmt.Sprint("again: ", r)))
	}()
	panic("once")
}

func main() {
	fmt.Println(work(1), work(2))
	fmt.Println(method())
	fmt.Println(inLoop())
	defer func() { fmt.Println("main:", recover()) }()
	repanic()
}`)
	want := "<nil> work: too big\ng recovered m\nloop recovered l\nmain: again: once\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// What the interpreter cannot run as Go does is refused before the cell
// runs, naming the construct, its place and what to write instead: a
// function value made from a literal that calls recover, deferred by name
// (it hung the cell), a literal that calls recover deferred in a loop and
// using the loop's variables, and a method that calls recover deferred in
// a loop on the loop's receiver (both would see the last iteration).
func TestDeferredConstructsTheInterpreterCannotRunAreRefused(t *testing.T) {
	s := newSession(t)
	for _, c := range []struct{ code, want string }{
		{`func f() {
	handler := func() {
		if r := recover(); r != nil {
			println("recovered")
		}
	}
	defer handler()
	panic("x")
}`, "cell:7:2: defer handler()"},
		{`func g() {
	for i := 0; i < 2; i++ {
		defer func() {
			if recover() != nil {
				println(i)
			}
		}()
	}
}`, "cell:3:3: "},
		{`type G struct{ name string }

func (g *G) Guard() {
	if r := recover(); r != nil {
		println(g.name)
	}
}

func h(gs []*G) {
	for _, g := range gs {
		defer g.Guard()
	}
}`, "cell:11:3: defer of the method Guard"},
	} {
		res, _ := run(t, s, c.code)
		if res.Err == nil {
			t.Errorf("%s\nran; want it refused", c.code)
			continue
		}
		msg := res.Err.Value
		if !strings.Contains(msg, c.want) || !strings.Contains(msg, "recover") || !strings.Contains(msg, "defer func()") {
			t.Errorf("%s\nrefused with %q; want the place %q, the construct and the workaround", c.code, msg, c.want)
		}
	}
	if _, r := mustRun(t, s, `import "fmt"
fmt.Println("still here")`); r.text("stdout") != "still here\n" {
		t.Errorf("the next cell printed %q", r.text("stdout"))
	}
}

// A defer statement at a cell's top level runs when the cell's
// statements end, with its arguments as they were at the statement.
func TestDeferredCallsAtACellsTopLevel(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"
k := 1
for i := 0; i < 2; i++ {
	defer fmt.Println("top", i, k)
	defer func() { fmt.Println("lit", i) }()
}
k = 2
fmt.Println("body", k)`)
	want := "body 2\nlit 1\ntop 1 1\nlit 0\ntop 0 1\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
