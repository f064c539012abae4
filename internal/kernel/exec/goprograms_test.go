package exec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// Under the race detector, programs that start goroutines are left out
// here: yaegi v0.16.1 has data races of its own on that path (getFunc
// writes a shared node while other goroutines read it; its method wrapper
// copies a struct receiver, which the kernel avoids for pointer-receiver
// calls: ptrrecv.go), which the detector reports whatever the program
// does. tests/run runs this test once more without
// the race detector, so CI checks them all the same.
func startsGoroutines(t *testing.T, src string) bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		_, ok := n.(*ast.GoStmt)
		found = found || ok
		return !found
	})
	return found
}

// Each program in tests/exec/testdata/goprograms, pasted whole into one
// cell of a fresh session, prints what `go run` prints for the same file
// (built here, once, with the toolchain that builds the kernel), once: a
// later cell prints nothing of it.
func TestProgramsRunLikeGoRun(t *testing.T) {
	files, want := goRunOutputs(t, "goprograms")
	for _, f := range files {
		name := progName(f)
		t.Run(name, func(t *testing.T) {
			src := readFile(t, f)
			if raceDetector && startsGoroutines(t, src) {
				t.Log("starts goroutines: checked by the run without the race detector (yaegi's own races)")
				return
			}
			s := newSession(t)
			got, err := cellOutput(t, s, src)
			if err != nil {
				t.Fatalf("cell failed: %s\n%s", err.Value, got)
			}
			if got != want[name] {
				t.Fatalf("cell printed\n%s\ngo run printed\n%s", got, want[name])
			}
			if _, r := mustRun(t, s, "_ = 1"); r.text("stdout")+r.text("stderr") != "" {
				t.Fatalf("a later cell printed %q", r.text("stdout")+r.text("stderr"))
			}
		})
	}
}

// The programs in tests/exec/testdata/goprograms_known_wrong are yaegi
// v0.16.1 miscompilations the kernel neither rewrites nor refuses yet
// (listed in the README's known limits). This test keeps that list
// honest: when one starts printing what `go run` prints, it fails, and the
// program moves to goprograms.
func TestKnownWrongProgramsStillDiffer(t *testing.T) {
	files, want := goRunOutputs(t, "goprograms_known_wrong")
	for _, f := range files {
		name := progName(f)
		t.Run(name, func(t *testing.T) {
			got, err := cellOutput(t, newSession(t), readFile(t, f))
			if err == nil && got == want[name] {
				t.Fatalf("%s now runs as go run does: move it to goprograms and drop it from the README's known limits", name)
			}
		})
	}
}

// goRunOutputs builds the programs of a testdata folder with the Go
// toolchain and returns them with what each prints when run.
func goRunOutputs(t *testing.T, folder string) ([]string, map[string]string) {
	t.Helper()
	files := goFiles(t, folder)
	mod := goModule(t, files)
	bin := t.TempDir()
	if out, ok := goCommand(t, mod, "build", "-o", bin+string(filepath.Separator), "./..."); !ok {
		t.Fatalf("go build of the programs failed:\n%s", out)
	}
	want := map[string]string{}
	for _, f := range files {
		out, ok := command(t, mod, filepath.Join(bin, progName(f)))
		if !ok {
			t.Fatalf("the compiled %s failed:\n%s", progName(f), out)
		}
		want[progName(f)] = out
	}
	return files, want
}

// cellOutput runs a cell and returns what it printed and its error.
func cellOutput(t *testing.T, s *Session, code string) (string, *Error) {
	t.Helper()
	res, r := run(t, s, code)
	return r.text("stdout") + r.text("stderr"), res.Err
}
