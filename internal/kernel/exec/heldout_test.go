package exec

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestHeldOutSweep runs every .go file of the folder named by HELDOUT_DIR
// the way TestProgramsRunLikeGoRun runs the corpus: each file pasted whole
// into one cell of a fresh session must print what the compiled program
// prints, once. It is how a set of programs kept outside the repository
// (a sweep of well-known examples) is checked against the kernel:
//
//	HELDOUT_DIR=/tmp/progs go test -run TestHeldOutSweep ./internal/kernel/exec
//
// Without HELDOUT_DIR it checks nothing and passes (CI has no such folder).
// Unlike the corpus, a program whose compiled run fails (os.Exit(3), a
// panic) is kept: the cell must fail too, having printed the start of
// what the program printed (the cell's error replaces the runtime's
// report).
func TestHeldOutSweep(t *testing.T) {
	dir := os.Getenv("HELDOUT_DIR")
	if dir == "" {
		return
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in HELDOUT_DIR=%s: %v", dir, err)
	}
	sort.Strings(files)
	mod := goModule(t, files)
	bin := t.TempDir()
	if out, ok := goCommand(t, mod, "build", "-o", bin+string(filepath.Separator), "./..."); !ok {
		t.Fatalf("go build of the programs failed:\n%s", out)
	}
	for _, f := range files {
		name := progName(f)
		t.Run(name, func(t *testing.T) {
			want, ok := command(t, mod, filepath.Join(bin, name))
			src := readFile(t, f)
			s := newSession(t)
			got, cerr := cellOutput(t, s, src)
			if !ok && cerr != nil && strings.HasPrefix(want, got) {
				// Ended as the program did (os.Exit, a panic): what the
				// cell printed before its error is what the program did.
				got = want
			} else if cerr != nil {
				got += cerr.Name + ": " + cerr.Value
			}
			if got != want {
				t.Fatalf("cell printed\n%s\ngo run printed\n%s", got, want)
			}
			if _, r := run(t, s, "_ = 1"); r.text("stdout")+r.text("stderr") != "" {
				t.Fatalf("a later cell printed %q", r.text("stdout")+r.text("stderr"))
			}
		})
	}
}
