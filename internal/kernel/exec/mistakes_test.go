package exec

import (
	"strings"
	"testing"
)

// Each program in tests/exec/testdata/mistakes holds one common mistake. Pasted
// into a cell, it must fail with the error `go build` reports for the same
// file — same message, same line and column (the cell is the file) — and
// run nothing; an unused import is a warning, and the program runs.
func TestMistakesReadLikeGoBuild(t *testing.T) {
	files := goFiles(t, "mistakes")
	want := goBuildErrors(t, goModule(t, files))
	for _, f := range files {
		name := progName(f)
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatalf("go build reports no error for %s", name)
			}
			src := readFile(t, f)
			s := newSession(t)
			res, r := run(t, s, src)
			if strings.Contains(w, "imported and not used") {
				if res.Err != nil {
					t.Fatalf("an unused import failed the cell: %s", res.Err.Value)
				}
				if got := r.text("stderr"); !strings.Contains(got, "warning: cell:"+w+"\n") {
					t.Fatalf("stderr %q, want the warning %q", got, w)
				}
				return
			}
			if res.Err == nil {
				t.Fatalf("the cell ran; go build says %q", w)
			}
			if got := strings.SplitN(res.Err.Value, "; cell:", 2)[0]; got != "cell:"+w {
				t.Fatalf("cell error\n%s\ngo build\ncell:%s", got, w)
			}
			if out := r.text("stdout"); out != "" {
				t.Fatalf("a failing cell printed %q", out)
			}
		})
	}
}
