package exec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"
)

// countingImporter counts the packages a stdTypes checked from source.
type countingImporter struct {
	types.Importer
	paths []string
}

func (c *countingImporter) Import(path string) (*types.Package, error) {
	c.paths = append(c.paths, path)
	return c.Importer.Import(path)
}

func cachedStdTypes(dir string) (*stdTypes, *countingImporter) {
	st := newStdTypes(token.NewFileSet(), dir)
	ci := &countingImporter{Importer: st.src}
	st.src = ci
	return st, ci
}

// checkWith type-checks src against imp and returns its errors.
func checkWith(t *testing.T, imp types.Importer, fset *token.FileSet, src string) []error {
	t.Helper()
	f, err := parser.ParseFile(fset, "cell.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	conf := types.Config{Importer: imp, Error: func(err error) { errs = append(errs, err) }}
	conf.Check("main", fset, []*ast.File{f}, nil)
	return errs
}

// Uses types that several packages share (io.Reader, *os.File, error,
// iter.Seq) across packages read at different times, so a package read
// from the cache and one checked from source must agree on them.
const stdTypesProgram = `package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
)

func main() {
	var f *os.File = os.Stdout
	var w io.Writer = f
	r := bufio.NewReader(os.Stdin)
	var rd io.Reader = r
	_ = rd
	bw := bufio.NewWriter(f)
	fmt.Fprintln(bw, strings.ToUpper("x"))
	fmt.Fprintln(w, errors.Join(io.EOF, os.ErrNotExist))
	m := map[string]int{"a": 1}
	keys := slices.Sorted(maps.Keys(m))
	for l := range strings.Lines("a\nb") {
		keys = append(keys, l)
	}
	fmt.Println(min(len(keys), 3), errors.Is(io.EOF, io.EOF))
	_, _ = fmt.Fprintf(bw, "%d", "s") // vet's business, not the checker's
	var n int = "s"
	_ = n
}
`

// The standard packages' types come from the cache once a process wrote
// them there, with nothing checked from source again, and check a
// program exactly as the source does: the same single error.
func TestStdTypesAreReadFromTheCacheAfterTheFirstProcess(t *testing.T) {
	dir := t.TempDir()
	want := checkWith(t, newStdTypes(token.NewFileSet(), ""), token.NewFileSet(), stdTypesProgram)
	if len(want) != 1 {
		t.Fatalf("from source alone: %v, want the one error of `var n int = \"s\"`", want)
	}

	first, firstSrc := cachedStdTypes(dir)
	got := checkWith(t, first, first.fset, stdTypesProgram)
	if len(got) != 1 || got[0].Error() != want[0].Error() {
		t.Fatalf("first process: %v, want %v", got, want)
	}
	if len(firstSrc.paths) == 0 {
		t.Fatal("the first process checked nothing from source: the cache was not empty")
	}

	second, secondSrc := cachedStdTypes(dir)
	got = checkWith(t, second, second.fset, stdTypesProgram)
	if len(got) != 1 || got[0].Error() != want[0].Error() {
		t.Fatalf("second process: %v, want %v", got, want)
	}
	if len(secondSrc.paths) != 0 {
		t.Fatalf("the second process checked %v from source; want all from the cache", secondSrc.paths)
	}
}

// A process that reads some packages from the cache and checks others
// from source (first imported later, or by another program) sees one
// *os.File, one io.Reader: no "cannot use f (variable of type *os.File)
// as *os.File value".
func TestStdTypesFromCacheAndSourceAgree(t *testing.T) {
	dir := t.TempDir()
	first, _ := cachedStdTypes(dir)
	for _, p := range []string{"fmt", "os"} {
		if _, err := first.Import(p); err != nil {
			t.Fatal(err)
		}
	}
	second, src := cachedStdTypes(dir)
	if errs := checkWith(t, second, second.fset, stdTypesProgram); len(errs) != 1 {
		t.Fatalf("mixed cache and source: %v, want only `var n int = \"s\"`'s error", errs)
	}
	if len(src.paths) == 0 {
		t.Fatal("nothing was checked from source: the test did not mix")
	}
	for _, p := range src.paths {
		if p == "fmt" || p == "os" {
			t.Fatalf("%s was checked from source though the cache had it", p)
		}
	}
}

// A damaged cache file is checked from source again and rewritten.
func TestStdTypesRewriteADamagedFile(t *testing.T) {
	dir := t.TempDir()
	first, _ := cachedStdTypes(dir)
	if _, err := first.Import("strings"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "strings.x")
	if err := os.WriteFile(file, []byte("i\x00garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, src := cachedStdTypes(dir)
	p, err := second.Import("strings")
	if err != nil || p.Scope().Lookup("ToUpper") == nil {
		t.Fatalf("strings after a damaged file: %v, %v", p, err)
	}
	if len(src.paths) != 1 || src.paths[0] != "strings" {
		t.Fatalf("checked from source: %v, want [strings]", src.paths)
	}
	third, src := cachedStdTypes(dir)
	if _, err := third.Import("strings"); err != nil || len(src.paths) != 0 {
		t.Fatalf("after the rewrite: %v, checked from source %v", err, src.paths)
	}
}

// A package that does not exist is an error, and nothing is written.
func TestStdTypesMissingPackage(t *testing.T) {
	dir := t.TempDir()
	st, _ := cachedStdTypes(dir)
	if _, err := st.Import("no/such/pkg"); err == nil {
		t.Fatal("no error for a package that does not exist")
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 0 {
		t.Fatalf("wrote %v", files)
	}
}
