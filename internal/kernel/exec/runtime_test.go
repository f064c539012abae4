package exec

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestCompiledOutputIsCaptured(t *testing.T) {
	s := newSession(t)
	if s.capture == nil {
		t.Fatal("file descriptors 1 and 2 are not captured")
	}
	// log.Printf in compiled code writes to fd 2; os.Stdout.WriteString to fd 1.
	_, r := mustRun(t, s, `import ("fmt"; "os"; "log"; "io")
fmt.Println("interpreted")
os.Stdout.WriteString("direct\n")
io.WriteString(os.Stderr, "to stderr\n")
log.Print("logged")`)
	out := r.text("stdout")
	if out != "interpreted\ndirect\n" {
		t.Errorf("stdout %q", out)
	}
	errText := r.text("stderr")
	if !strings.Contains(errText, "to stderr\n") || !strings.Contains(errText, "logged\n") {
		t.Errorf("stderr %q", errText)
	}
}

func TestCompiledLibraryWritesToFD(t *testing.T) {
	s := newSession(t)
	// strings.Builder is compiled; fmt.Fprintf on os.Stdout is compiled code
	// writing to the real descriptor.
	_, r := mustRun(t, s, `import ("fmt"; "os")
fmt.Fprintf(os.Stdout, "%d-%s\n", 7, "x")`)
	if got := r.text("stdout"); got != "7-x\n" {
		t.Errorf("stdout %q", got)
	}
}

func TestGoroutineOutputKeepsArriving(t *testing.T) {
	s := newSession(t)
	// The goroutine prints after its cell has ended; with no newer cell,
	// the text still reaches the cell that started it.
	_, r := mustRun(t, s, `import ("fmt"; "os"; "time")
go func() {
	time.Sleep(50 * time.Millisecond)
	fmt.Println("late interpreted")
	os.Stdout.WriteString("late compiled\n")
}()`)
	want := "late interpreted\nlate compiled\n"
	waitFor(t, func() bool { return r.text("stdout") == want }, func() string { return r.text("stdout") })
}

// waitFor polls cond until it holds or 10 s pass (then the test fails
// showing what was seen instead).
func waitFor(t *testing.T, cond func() bool, seen func() string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met; saw %q", seen())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestGoroutinePanicBecomesError(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `v := 5
done := make(chan bool)`)
	// While the cell runs, the goroutine's panic is the cell's one error.
	res, r := run(t, s, `go func(n int) {
	defer close(done)
	panic("boom in goroutine")
}(v)
<-done
import "time"
time.Sleep(100 * time.Millisecond)`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "boom in goroutine") {
		t.Fatalf("cell error %+v, want the goroutine's panic", res.Err)
	}
	for _, e := range r.snapshot() {
		if e.kind == "error" {
			t.Errorf("a second error output: %+v", e.errValue)
		}
	}
	// After the cell ended, it is shown as an error output of that cell.
	_, r = mustRun(t, s, `go func() {
	time.Sleep(50 * time.Millisecond)
	panic("late boom")
}()`)
	waitFor(t, func() bool {
		for _, e := range r.snapshot() {
			if e.kind == "error" && strings.Contains(e.errValue.Value, "late boom") {
				return true
			}
		}
		return false
	}, func() string { return fmt.Sprint(r.snapshot()) })
	res, _ = mustRun(t, s, "v")
	if plain(res) != "5" {
		t.Errorf("state lost after a goroutine panic")
	}
}

func TestExitAndFatalAreErrors(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "z := 3")
	for _, cell := range []string{`import "os"
os.Exit(3)`, `import "log"
log.Fatal("bad")`, `import "log"
log.Fatalf("bad %d", 1)`} {
		res, _ := run(t, s, cell)
		if res.Err == nil || res.Err.Name != "Exit" {
			t.Errorf("%q: error %+v, want Exit", cell, res.Err)
		}
	}
	res, _ := mustRun(t, s, "z")
	if plain(res) != "3" {
		t.Errorf("state lost")
	}
}

// A logger a cell makes with log.New or takes with log.Default has every
// method of *log.Logger (SetPrefix did not compile: "undefined method"),
// and its Fatal ends the cell as log.Fatal does (log.Default().Fatal ended
// the kernel's cell process, losing the session's state).
func TestCellLoggers(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import ("bytes"; "fmt"; "log")
var buf bytes.Buffer
l := log.New(&buf, "my:", 0)
l.Println("one")
l.SetPrefix("ohmy:")
l.SetFlags(log.Lmsgprefix)
l.Printf("two %d", 2)
fmt.Print(buf.String(), l.Prefix(), " ", l.Flags(), " ", l.Writer() == &buf, "\n")
kept := 5`)
	if got, want := r.text("stdout"), "my:one\nohmy:two 2\nohmy: 64 true\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	for _, cell := range []string{`log.Default().Fatal("bad")`, `l.Fatalf("bad %d", 1)`} {
		res, _ := run(t, s, cell)
		if res.Err == nil || res.Err.Name != "Exit" || !strings.Contains(res.Err.Value, "log.Fatal") {
			t.Errorf("%q: error %+v, want Exit naming log.Fatal", cell, res.Err)
		}
	}
	if res, _ := mustRun(t, s, "kept"); plain(res) != "5" {
		t.Errorf("kept = %q after the fatal loggers, want 5", plain(res))
	}
	if res, _ := mustRun(t, s, "buf.String()"); !strings.Contains(plain(res), "ohmy:bad 1") {
		t.Errorf("l.Fatalf did not write its message to the logger's writer")
	}
}

// os.Exit and log.Fatal end the cell as they end a program: no deferred
// call runs and no recover sees them, from main, a nested function or a
// goroutine the cell waits for (whose wait is stopped as an interrupt
// stops it); the session goes on.
func TestExitRunsNoDeferredCalls(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "kept := 7")
	for _, cell := range []string{`import ("fmt"; "os")
func main() {
	defer fmt.Println("deferred")
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered", r)
		}
	}()
	fmt.Println("before")
	os.Exit(3)
}`, `import ("fmt"; "log")
func inner() { defer fmt.Println("deferred"); log.Fatal("bad") }
func main() {
	defer fmt.Println("deferred")
	fmt.Println("before")
	inner()
	fmt.Println("after")
}`, `import ("fmt"; "os")
finished := make(chan bool)
go func() {
	defer close(finished)
	defer fmt.Println("deferred")
	fmt.Println("before")
	os.Exit(4)
}()
<-finished
fmt.Println("after")`} {
		res, r := run(t, s, cell)
		if res.Err == nil || res.Err.Name != "Exit" {
			t.Errorf("%q: error %+v, want Exit", cell, res.Err)
		}
		if out := r.text("stdout"); out != "before\n" {
			t.Errorf("%q printed %q, want only %q", cell, out, "before\n")
		}
	}
	if res, _ := mustRun(t, s, "kept"); plain(res) != "7" {
		t.Errorf("kept = %q after the exits, want 7", plain(res))
	}
}

func TestInterruptBusyLoop(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "before := 11")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	res := s.Execute(ctx, "for { before = before + 0 }", &recorder{})
	if res.Err == nil || res.Err.Name != "Interrupted" {
		t.Fatalf("busy loop: %+v, want Interrupted", res.Err)
	}
	res, _ = mustRun(t, s, "before")
	if plain(res) != "11" {
		t.Errorf("before = %q after interrupt", plain(res))
	}
}

func TestInterruptContextWatchingCall(t *testing.T) {
	s := newSession(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	// time.Sleep-free compiled call that blocks until the cell's context ends.
	res := s.Execute(ctx, `import "github.com/gotrain/gotrain/kernel/display"
<-display.Context().Done()
"finished"`, &recorder{})
	if res.Err == nil || res.Err.Name != "Interrupted" {
		t.Fatalf("ctx-watching call: %+v, want Interrupted", res)
	}
	res2, _ := mustRun(t, s, "1 + 1")
	if plain(res2) != "2" {
		t.Errorf("session unusable after interrupt")
	}
}

func TestStdin(t *testing.T) {
	s := newSession(t)
	r := &recorder{inputs: []string{"41", "hello world"}}
	res := s.Execute(context.Background(), `import ("fmt"; "bufio"; "os")
var n int
fmt.Scan(&n)
line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
fmt.Sprint(n+1, "|", line)`, r)
	if res.Err != nil {
		t.Fatalf("%+v", res.Err)
	}
	if got := plain(res); got != "\"42|hello world\\n\"" {
		t.Errorf("value %s", got)
	}
	r2 := &recorder{noStdin: true}
	res = s.Execute(context.Background(), `var m int
_, err := fmt.Scan(&m)
err`, r2)
	if res.Err != nil || !strings.Contains(plain(res), "does not accept input") {
		t.Errorf("no-stdin client: %+v %q", res.Err, plain(res))
	}
}

func TestCompleteInspectWhileACellRuns(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "strings"
total := 0`)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan Result, 1)
	go func() { done <- s.Execute(ctx, "for { total++ }", &recorder{}) }()
	for i := 0; i < 50; i++ {
		if c := s.Complete("strings.Rep", 11); len(c.Matches) == 0 {
			t.Errorf("no completion while a cell runs")
		}
		s.Complete("tot", 3)
		s.Inspect("total", 2, 0)
		s.Inspect("strings.Repeat", 10, 0)
		if st, _ := s.IsComplete("func f() {"); st != "incomplete" {
			t.Errorf("IsComplete while running: %s", st)
		}
	}
	cancel()
	if res := <-done; res.Err == nil || res.Err.Name != "Interrupted" {
		t.Fatalf("busy cell: %+v", res.Err)
	}
	if b, ok := s.Inspect("total", 2, 0); !ok || !strings.Contains(b["text/plain"].(string), "int = ") {
		t.Errorf("inspect after the cell: %v %v", ok, b)
	}
}
