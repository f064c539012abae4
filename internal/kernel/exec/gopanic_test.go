package exec

import (
	"strings"
	"testing"
)

// A goroutine of cell 1 that panics while cell 2 runs is reported as cell
// 1's, and cell 2 succeeds.
func TestGoroutinePanicIsAttributedToItsCell(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "import \"time\"\ngo func() { time.Sleep(300 * time.Millisecond); panic(\"late\") }()")
	res, r := mustRun(t, s, "time.Sleep(time.Second)\n4")
	if plain(res) != "4" {
		t.Fatalf("cell 2 = %q", plain(res))
	}
	var got *Error
	for _, e := range r.snapshot() {
		if e.kind == "error" {
			got = e.errValue
		}
	}
	if got == nil || got.Value != "late" || !strings.Contains(got.Traceback[0], "started by cell #1 of this session, after that cell had finished") {
		t.Fatalf("late panic reported as %+v", got)
	}
	// A goroutine's panic while its own cell runs is that cell's error.
	res, _ = run(t, s, "go func() { panic(\"now\") }()\ntime.Sleep(time.Second)")
	if res.Err == nil || res.Err.Value != "now" || !strings.Contains(res.Err.Traceback[0], "started by the cell)") {
		t.Fatalf("own goroutine's panic: %+v", res.Err)
	}
}

// Runtime errors read as Go reports them, not as the reflect calls the
// interpreter made, at the statement that failed (yaegi reports the
// group's first), and at the failing operand when it can be found again.
func TestRuntimeErrorsReadAsGo(t *testing.T) {
	s := newSession(t)
	for _, c := range []struct{ code, want, at string }{
		{"import \"fmt\"\nvar p *int\nfmt.Println(*p)", "runtime error: invalid memory address or nil pointer dereference", "at cell:3:13"},
		{"type T struct{ A int }\nvar tp *T\ntp.A", "runtime error: invalid memory address or nil pointer dereference", "at cell:3:4"},
		{"a := []int{1, 2, 3}\ni := 5\nfmt.Println(a[i])", "runtime error: index out of range [5] with length 3", "at cell:3:14"},
		{"b := []int{1, 2, 3}\nk := 5\nb[1:k]", "runtime error: slice bounds out of range [:5] with capacity 3", "at cell:3:2"},
		{"s3 := \"abc\"\nlo := 2\ns3[lo:1]", "runtime error: slice bounds out of range [2:1]", "at cell:3:3"},
		{"var ps *[]int\nlen(*ps)", "runtime error: invalid memory address or nil pointer dereference", "at cell:2:5"},
		{"import \"sort\"\nvar pt *[]int\nsort.Ints(*pt)", "runtime error: invalid memory address or nil pointer dereference", "at cell:3:11"},
		{"var fn func()\nfn()", "runtime error: invalid memory address or nil pointer dereference", "at cell:2:1"},
		{"var ie error\nie.Error()", "runtime error: invalid memory address or nil pointer dereference", "at cell:2:1"},
		{"zero, ten := 0, 10\nten++\nten / zero", "runtime error: integer divide by zero", "at cell:3:5"},
		{"ten %= zero", "runtime error: integer divide by zero", "at cell:1:5"},
		{"nm := map[string]int(nil)\nnm[\"a\"] = 1", "assignment to entry in nil map", "at cell:2:3"},
		{"var ia any\n_ = ia.(int)", "interface conversion: interface {} is nil, not int", "at cell:2:5"},
		// Not an operand to find again: the statement that ran, not the first.
		{"ch := make(chan int)\nclose(ch)\nclose(ch)", "close of closed channel", "at cell:3:1\n    close(ch)"},
		// Inside a function the operands are gone: the message, not the numbers.
		{"func at(xs []int, j int) int { return xs[j] }\nat(a, 7)", "runtime error: index out of range", "at cell:1:"},
	} {
		res, _ := run(t, s, c.code)
		if res.Err == nil || res.Err.Value != c.want || !strings.Contains(strings.Join(res.Err.Traceback, "\n"), c.at) {
			t.Errorf("%q: %+v, want %q %s", c.code, res.Err, c.want, c.at)
		}
	}
	// Evaluating the operands again changed nothing.
	if res, _ := mustRun(t, s, "a[2] + i"); plain(res) != "8" {
		t.Errorf("a[2] + i = %q", plain(res))
	}
}

// What a goroutine of cell 1 prints while cell 2 runs is shown in cell 2
// with every line labelled as cell 1's; cell 2's own output, and a
// goroutine cell 2 starts, are not labelled; a goroutine started by cell
// 1's goroutine after cell 1 finished is still cell 1's.
func TestGoroutineOutputIsAttributedToItsCell(t *testing.T) {
	s := newSession(t)
	// The goroutines touch no global of cell 1 while cell 2 runs (yaegi
	// resizes the globals' frame for cell 2 unsynchronised: a race).
	mustRun(t, s, "import \"fmt\"\nready, printed := make(chan bool), make(chan bool)\n"+
		"go func(ready, printed chan bool) {\n\t<-ready\n\tfmt.Print(\"late \")\n\tfmt.Println(\"one\")\n"+
		"\tgo func(printed chan bool) { fmt.Println(\"nested\\ntwo lines\"); printed <- true }(printed)\n}(ready, printed)")
	_, r := mustRun(t, s, "fmt.Println(\"own\")\nready <- true\n<-printed\ndone := make(chan bool)\ngo func(done chan bool) { fmt.Println(\"mine\"); done <- true }(done)\n<-done")
	want := "own\n[from cell #1 of this session] late one\n[from cell #1 of this session] nested\n[from cell #1 of this session] two lines\nmine\n"
	if got := r.text("stdout"); got != want {
		t.Fatalf("cell 2's stdout = %q, want %q", got, want)
	}
}
