package exec

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The Go toolchain as the reference: tests compare what a cell does with
// what `go build` and `go run` do with the same source in a file.

// goFiles returns the .go files of a folder under tests/exec, sorted.
func goFiles(t *testing.T, folder string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "tests", "exec", "testdata", folder, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in tests/exec/testdata/%s: %v", folder, err)
	}
	return files
}

// goModule writes each file as the main package of its own folder (named
// after the file) of a temporary module and returns the module's folder.
func goModule(t *testing.T, files []string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/progs\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pkg := filepath.Join(dir, progName(f))
		if err := os.Mkdir(pkg, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg, "main.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// progName is a program's name: its file name without .go.
func progName(file string) string { return strings.TrimSuffix(filepath.Base(file), ".go") }

// goCommand runs the go command in dir, offline, and returns its combined
// output and whether it succeeded.
func goCommand(t *testing.T, dir string, args ...string) (string, bool) {
	t.Helper()
	return command(t, dir, "go", args...)
}

// command runs a program in dir and returns its combined output and
// whether it succeeded.
func command(t *testing.T, dir, name string, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out), err == nil
}

// goBuildErrors maps each program of dir to the first error `go build`
// reports for it: "line:col: message", continuation lines included (the
// positions they name in the program's file are named in "cell").
func goBuildErrors(t *testing.T, dir string) map[string]string {
	t.Helper()
	out, _ := goCommand(t, dir, "build", "-gcflags=-e", "-o", os.DevNull, "./...")
	first := map[string]string{}
	head := regexp.MustCompile(`^(?:\./)?([^/\s]+)/main\.go:(\d+:\d+): (.*)$`)
	var cur string
	for _, l := range strings.Split(out, "\n") {
		if m := head.FindStringSubmatch(l); m != nil {
			cur = ""
			if _, seen := first[m[1]]; !seen {
				cur = m[1]
				first[cur] = m[2] + ": " + m[3]
			}
			continue
		}
		if strings.HasPrefix(l, "\t") && cur != "" {
			// A continuation naming the file names the cell.
			first[cur] += "\n" + strings.Replace(strings.Replace(l, "./"+cur+"/main.go:", "cell:", 1), cur+"/main.go:", "cell:", 1)
			continue
		}
		cur = ""
	}
	return first
}

// readFile returns a file's text.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
