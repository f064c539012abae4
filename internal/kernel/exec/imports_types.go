package exec

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/types"
	"path/filepath"
	"sync"

	"github.com/gotrain/gotrain/internal/kernel/modules"
)

// The checker's view of third-party packages. The standard library is
// type-checked by a shared importer (stdtypes.go: from the kernel's cache,
// or from GOROOT's source the first time);
// a package the session resolved (imports.go) is type-checked here from
// its source in the module cache, as go build would select its files, so
// that cells using it are checked like any other: the compiler's errors,
// and, above all, the type arguments go/types infers written out for
// yaegi (stdpkgs.go), which infers only simple cases itself —
// `lo.Map(xs, func(x int) string {…})` runs as `lo.Map[int, string](…)`.
// Function bodies are not checked (only the API matters). A package that
// cannot be checked (cgo, or not resolved yet) is an error, and cells
// naming it run unchecked, as before.

// checkImporter is a session checker's importer: the shared standard one,
// and the session's resolved third-party packages.
type checkImporter struct {
	dir func(importPath string) (string, bool) // a resolved package's folder

	mu   sync.Mutex
	pkgs map[string]*types.Package
	errs map[string]error // packages that were resolved but cannot be checked
}

func newCheckImporter(mods *modules.Resolver) *checkImporter {
	return &checkImporter{dir: mods.PackageDir, pkgs: map[string]*types.Package{}, errs: map[string]error{}}
}

// Import returns a package's types.
func (ci *checkImporter) Import(path string) (*types.Package, error) {
	if !modules.ThirdParty(path) {
		return lockedImporter{}.Import(path)
	}
	ci.mu.Lock()
	defer ci.mu.Unlock()
	return ci.importLocked(path, map[string]bool{})
}

// errNotResolved is the answer for a package the session has not resolved.
var errNotResolved = errors.New("not resolved by the session")

// importLocked checks a third-party package from source; ci.mu is held.
func (ci *checkImporter) importLocked(path string, loading map[string]bool) (*types.Package, error) {
	if p, ok := ci.pkgs[path]; ok {
		return p, nil
	}
	if err, ok := ci.errs[path]; ok {
		return nil, err
	}
	dir, ok := ci.dir(path)
	if !ok {
		return nil, errNotResolved // not cached: it may be resolved later
	}
	if loading[path] {
		return nil, fmt.Errorf("import cycle through %s", path)
	}
	loading[path] = true
	p, err := ci.check(path, dir, loading)
	if err != nil {
		ci.errs[path] = err
		return nil, err
	}
	ci.pkgs[path] = p
	return p, nil
}

// check type-checks the package in dir.
func (ci *checkImporter) check(path, dir string, loading map[string]bool) (*types.Package, error) {
	bp, err := build.Default.ImportDir(dir, 0)
	if err != nil {
		return nil, err
	}
	if len(bp.CgoFiles) > 0 {
		return nil, fmt.Errorf("%s uses cgo", path)
	}
	files := make([]*ast.File, 0, len(bp.GoFiles))
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(sharedFset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{
		IgnoreFuncBodies: true,
		Importer: importerFunc(func(dep string) (*types.Package, error) {
			if !modules.ThirdParty(dep) {
				return lockedImporter{}.Import(dep)
			}
			return ci.importLocked(dep, loading)
		}),
	}
	return conf.Check(path, sharedFset, files, nil)
}

// forget drops what was checked (after %get -u moved versions).
func (ci *checkImporter) forget() {
	ci.mu.Lock()
	defer ci.mu.Unlock()
	ci.pkgs = map[string]*types.Package{}
	ci.errs = map[string]error{}
}

// importerFunc is a function as a types.Importer.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
