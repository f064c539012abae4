// Package gostd is the standard library's generic API as Go source the
// cell interpreter loads: yaegi's symbol tables are made of compiled
// functions, and a generic function is not one until it is instantiated,
// so `slices.Sort` or `errors.AsType` cannot be in them.
//
// The packages under this folder are the kernel's own implementations
// (not copies of Go's): cmp, iter, maps and slices whole, and for errors,
// strings, bytes, sync, sync/atomic and math/rand/v2 the generic functions and
// types the interpreter's tables lack (sync.OnceValue, atomic.Pointer,
// rand.N). A folder's path is the standard package's import path. They are
// ordinary Go, tested compiled against the standard library they stand
// for, and served to the interpreter by FS under their import paths here.
// The kernel's cell rewriting (internal/kernel/exec, stdpkgs.go) sends a
// cell's uses of those standard names to them, with the type arguments
// go/types inferred written out: the interpreter does not infer type
// arguments, so the packages themselves name them in every generic call.
package gostd

import (
	"embed"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed cmp iter maps slices errors strings bytes sync math
var files embed.FS

// Prefix is the import path the packages are served under.
const Prefix = "github.com/gotrain/gotrain/internal/kernel/gostd"

// whole are the standard packages implemented here entirely; the others
// add names to a compiled standard package.
var whole = map[string]bool{"cmp": true, "iter": true, "maps": true, "slices": true}

// Whole reports whether the standard package std is implemented here
// entirely (every use of it comes here).
func Whole(std string) bool { return whole[std] }

// Path returns the import path of the package standing for std, and
// whether there is one.
func Path(std string) (string, bool) {
	if _, ok := names()[std]; !ok {
		return "", false
	}
	return Prefix + "/" + std, true
}

// Has reports whether the package standing for std declares name.
func Has(std, name string) bool { return names()[std][name] }

// Packages lists the standard packages there is source for.
func Packages() []string {
	var out []string
	for p := range names() {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// names maps each standard package there is source for, by its import
// path (a folder here: math/rand/v2 for math/rand/v2), to the names it
// declares.
var names = sync.OnceValue(func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	fs.WalkDir(files, ".", func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || dir == "." {
			return err
		}
		srcs := goFiles(dir)
		if len(srcs) == 0 {
			return nil // math, math/rand: only a path to a package
		}
		pkg := map[string]bool{}
		for _, f := range srcs {
			src, _ := fs.ReadFile(files, path.Join(dir, f))
			file, err := parser.ParseFile(token.NewFileSet(), f, src, parser.SkipObjectResolution)
			if err != nil {
				panic("gostd: " + err.Error()) // the tests parse them too
			}
			for n, obj := range exported(file) {
				pkg[n] = obj
			}
		}
		out[dir] = pkg
		return nil
	})
	return out
})

// exported returns the exported top-level names a file declares.
func exported(f *ast.File) map[string]bool {
	out := map[string]bool{}
	for _, d := range f.Decls {
		switch x := d.(type) {
		case *ast.FuncDecl:
			if x.Recv == nil && x.Name.IsExported() {
				out[x.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, sp := range x.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok && ts.Name.IsExported() {
					out[ts.Name.Name] = true
				}
			}
		}
	}
	return out
}

// goFiles lists a package's source files, tests left out.
func goFiles(dir string) []string {
	entries, _ := fs.ReadDir(files, dir)
	var out []string
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			out = append(out, n)
		}
	}
	return out
}

// FS serves the packages' source under goPath/src/<Prefix>/..., as the
// interpreter's GOPATH layout expects, and every other name from
// fallback.
func FS(goPath string, fallback fs.FS) fs.FS {
	return overlayFS{root: strings.TrimPrefix(path.Join(goPath, "src", Prefix), "/"), fallback: fallback}
}

type overlayFS struct {
	root     string
	fallback fs.FS
}

func (o overlayFS) Open(name string) (fs.File, error) {
	clean := strings.TrimPrefix(path.Clean(strings.ReplaceAll(name, "\\", "/")), "/")
	rest, ok := strings.CutPrefix(clean, o.root)
	if !ok || (rest != "" && rest[0] != '/') {
		return o.fallback.Open(name)
	}
	rest = strings.TrimPrefix(rest, "/")
	if rest == "" {
		rest = "."
	}
	if strings.HasSuffix(rest, "_test.go") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	f, err := files.Open(rest)
	if err != nil {
		return nil, err
	}
	return testless{f}, nil
}

// testless is an embedded directory that does not list test files.
type testless struct{ fs.File }

func (t testless) ReadDir(n int) ([]fs.DirEntry, error) {
	d, ok := t.File.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Err: fs.ErrInvalid}
	}
	entries, err := d.ReadDir(n)
	out := entries[:0]
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "_test.go") {
			out = append(out, e)
		}
	}
	return out, err
}
