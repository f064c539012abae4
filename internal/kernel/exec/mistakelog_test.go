package exec

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// A user's mistake — a cell yaegi's compiler panics on, a runtime panic,
// a panic in a goroutine, a compile error — reaches the kernel's log as
// one line at most, never a stack trace; the kernel's own panics are the
// only ones logged with their stack (execute.go).
func TestMistakesLogOneLine(t *testing.T) {
	var mu sync.Mutex
	var logs []string
	s, err := New(Options{Log: func(format string, args ...any) {
		mu.Lock()
		logs = append(logs, fmt.Sprintf(format, args...))
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cells := []string{
		// yaegi v0.16.1's compiler panics on a type assertion to a
		// pointer to an instance of a generic type of two parameters.
		"type P[K comparable, V any] struct {\n\tk K\n\tv V\n}\nfunc f(a any) bool {\n\t_, ok := a.(*P[string, int])\n\treturn ok\n}",
		"var m map[string]int\nm[\"a\"] = 1",
		"xs := []int{1}\ni := 3\n_ = xs[i]",
		"undefinedThing + 1",
		"type N struct{ v int }\nvar np *N\n_ = np.v",
	}
	for _, c := range cells {
		if res, _ := run(t, s, c); res.Err == nil {
			t.Errorf("cell %q: no error", c)
		}
	}
	// A goroutine's panic is logged too, one line (when it comes: the
	// cell may have ended by then, so its presence is not asserted).
	run(t, s, "done := make(chan bool)\ngo func() { defer close(done); panic(\"in a goroutine\") }()\n<-done")
	mu.Lock()
	defer mu.Unlock()
	compilerLines := 0
	for _, l := range logs {
		if strings.Contains(strings.TrimRight(l, "\n"), "\n") || strings.Contains(l, "goroutine ") {
			t.Errorf("a log entry of more than one line (a stack trace?):\n%s", l)
		}
		if strings.Contains(l, "yaegi compiler panicked") {
			compilerLines++
		}
	}
	if compilerLines == 0 {
		t.Errorf("the compiler's panic was not logged: %q", logs)
	}
}
