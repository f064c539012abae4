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
// interpreter made.
func TestRuntimeErrorsReadAsGo(t *testing.T) {
	s := newSession(t)
	for code, want := range map[string]string{
		"import \"fmt\"\nvar p *int\nfmt.Println(*p)": "runtime error: invalid memory address or nil pointer dereference",
		"type T struct{ A int }\nvar tp *T\ntp.A":        "runtime error: invalid memory address or nil pointer dereference",
		"a := []int{1, 2, 3}\ni := 5\na[i]":              "runtime error: index out of range",
		"b := []int{1, 2, 3}\nk := 5\nb[1:k]":            "runtime error: slice bounds out of range",
	} {
		res, _ := run(t, s, code)
		if res.Err == nil || res.Err.Value != want {
			t.Errorf("%q: %+v, want %q", code, res.Err, want)
		}
	}
}
