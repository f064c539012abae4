package exec

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/gotrain/gotrain/internal/kernel/modules"
)

// Third-party source as the interpreter reads it. yaegi v0.16.1 infers a
// generic function's type arguments only in simple cases, and libraries
// lean on inference inside their own code (samber/lo's NewThrottle calls
// its Map with a function literal returning a function): such a package
// fails to load. Before yaegi reads a package's file, the package is
// type-checked with its function bodies and every call of a generic
// function whose type arguments were inferred gets them written out, as
// cells get them (stdpkgs.go): `Map(f, func(…) func(struct{}) {…})` →
// `Map[func(), func(struct{})](f, …)`. Arguments that cannot be written
// in that file (a type of a package it does not import, an unexported
// type of another package) leave the call as it was; a package that
// does not type-check is served as it is.

// sourceRewriter rewrites the files of the packages one importer knows:
// all of them, or, once enable was called, only those of the modules it
// named (a session's: those a probe found needed it).
type sourceRewriter struct {
	imp *checkImporter

	mu      sync.Mutex
	only    map[string]bool     // module paths to rewrite; nil: every module
	files   map[string][]byte   // file path → its source with type arguments written
	done    map[string]bool     // package folders already rewritten
	splits  map[string][]string // import path → seeds of its split (imports_split.go)
	split   map[string]*splitState
	foreign map[string]bool // package folder → has constraints of another package
}

// splitState is a split package as rewritten: its units and what was
// taken out.
type splitState struct {
	fset            *token.FileSet
	pkg             *types.Package
	units           map[string]*unit
	removed, served map[string]bool
}

// setSplit makes the rewriter take out of importPath's source the
// declarations the interpreter cannot load (seeds, and what depends on
// them).
func (sr *sourceRewriter) setSplit(importPath string, seeds []string) {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	if sr.splits == nil {
		sr.splits = map[string][]string{}
	}
	sr.splits[importPath] = seeds
}

// constrained reports, once per folder, whether a package's source has
// constraints of another package (imports_constraints.go), which the
// rewriter writes out whether or not the package was enabled. sr.mu is
// held.
func (sr *sourceRewriter) constrained(dir string) bool {
	if c, ok := sr.foreign[dir]; ok {
		return c
	}
	if sr.foreign == nil {
		sr.foreign = map[string]bool{}
	}
	c := false
	if bp, err := build.Default.ImportDir(dir, 0); err == nil {
		c = foreignConstraints(dir, bp.GoFiles)
	}
	sr.foreign[dir] = c
	return c
}

// splitOf is the state of a split package once its files were read.
func (sr *sourceRewriter) splitOf(importPath string) *splitState {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	return sr.split[importPath]
}

func newSourceRewriter(imp *checkImporter) *sourceRewriter {
	return &sourceRewriter{imp: imp, files: map[string][]byte{}, done: map[string]bool{}}
}

// newSessionRewriter rewrites nothing until enable names modules.
func newSessionRewriter(imp *checkImporter) *sourceRewriter {
	sr := newSourceRewriter(imp)
	sr.only = map[string]bool{}
	return sr
}

// enable makes the rewriter rewrite the packages of mods.
func (sr *sourceRewriter) enable(mods []modules.Module) {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	if sr.only == nil {
		return
	}
	for _, m := range mods {
		sr.only[m.Path] = true
	}
}

// Rewrite is a modules.Rewrite.
func (sr *sourceRewriter) Rewrite(importPath, file string, src []byte) []byte {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	if sr.only != nil && !sr.only[importPath] {
		in := false
		for p := importPath; !in && strings.Contains(p, "/"); p = p[:strings.LastIndex(p, "/")] {
			in = sr.only[p]
		}
		if !in && !sr.constrained(filepath.Dir(file)) {
			return src
		}
	}
	dir := filepath.Dir(file)
	if !sr.done[dir] {
		sr.done[dir] = true
		sr.rewritePackage(importPath, dir)
	}
	if out, ok := sr.files[file]; ok {
		return out
	}
	return src
}

// rewritePackage type-checks the package in dir and keeps the rewritten
// source of each file that changed. sr.mu is held.
func (sr *sourceRewriter) rewritePackage(importPath, dir string) {
	bp, err := build.Default.ImportDir(dir, 0)
	if err != nil || len(bp.CgoFiles) > 0 {
		return
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return
		}
		files = append(files, f)
	}
	info := &types.Info{Instances: map[*ast.Ident]types.Instance{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	constrained := foreignConstraints(dir, bp.GoFiles)
	seeds, splitting := sr.splits[importPath]
	if splitting {
		info.Defs = map[*ast.Ident]types.Object{}
		info.Selections = map[*ast.SelectorExpr]*types.Selection{}
	}
	failed := false
	conf := types.Config{Importer: sr.imp, Error: func(error) { failed = true }}
	pkg, _ := conf.Check(importPath, fset, files, info)
	if failed || pkg == nil {
		return
	}
	var st *splitState
	if splitting {
		units, _ := splitUnits(files, pkg, info)
		removed, served := splitClosure(units, pkg, seeds, compiledHalf(importPath))
		st = &splitState{fset: fset, pkg: pkg, units: units, removed: removed, served: served}
		if sr.split == nil {
			sr.split = map[string]*splitState{}
		}
		sr.split[importPath] = st
	}
	for i, f := range files {
		var edits []edit
		for _, in := range inferredArgs(f, fset, pkg, info) {
			edits = append(edits, edit{in.at, in.at, in.text})
		}
		if constrained {
			edits = append(edits, constraintEdits(f, fset, pkg, info)...)
		}
		if st != nil {
			edits = append(edits, splitEdits(fset, f, i == 0, importPath, st.units, st.removed, st.served)...)
		}
		if len(edits) == 0 {
			continue
		}
		name := fset.Position(f.Pos()).Filename
		src, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		sr.files[name] = applyEdits(src, edits)
	}
}

// insert is text to insert at a byte offset.
type insert struct {
	at   int
	text string
}

// inferredArgs are the insertions writing out, in f, the type arguments
// of generic calls go/types inferred.
func inferredArgs(f *ast.File, fset *token.FileSet, pkg *types.Package, info *types.Info) []insert {
	names := map[string]string{} // import path → its name in f
	for _, is := range f.Imports {
		p, _ := strconv.Unquote(is.Path.Value)
		switch {
		case is.Name == nil:
			names[p] = ""
		case is.Name.Name != "_" && is.Name.Name != ".":
			names[p] = is.Name.Name
		}
	}
	explicit := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		var x ast.Expr
		switch e := n.(type) {
		case *ast.IndexExpr:
			x = e.X
		case *ast.IndexListExpr:
			x = e.X
		}
		switch e := x.(type) {
		case *ast.Ident:
			explicit[e] = true
		case *ast.SelectorExpr:
			explicit[e.Sel] = true
		}
		return true
	})
	file := fset.File(f.Pos())
	calls := callsByName(f)
	own := func(p *types.Package) bool { return p == pkg }
	var out []insert
	for id, inst := range info.Instances {
		if _, isFunc := inst.Type.(*types.Signature); !isFunc || explicit[id] || fset.File(id.Pos()) != file {
			continue
		}
		if fn, ok := info.Uses[id].(*types.Func); ok && calls[id] != nil && needsNoWrittenArgs(calls[id], fn, typeArgs(inst.TypeArgs), info, own, nil) {
			continue // yaegi infers them, and could not take them written (inferargs.go)
		}
		ok := true
		var list string
		for i := 0; i < inst.TypeArgs.Len(); i++ {
			s, named := nameType(inst.TypeArgs.At(i), pkg, names)
			ok = ok && named
			if i > 0 {
				list += ", "
			}
			list += s
		}
		if ok && writable(list) {
			out = append(out, insert{at: file.Offset(id.End()), text: "[" + list + "]"})
		}
	}
	return out
}

// exportedFrom reports whether every named type in t is pkg's own or
// exported (so code in pkg can name it).
func exportedFrom(t types.Type, pkg *types.Package) bool {
	ok := true
	walkType(t, func(t types.Type) {
		switch x := t.(type) {
		case *types.Named:
			o := x.Obj()
			if o.Pkg() != nil && o.Pkg() != pkg && !o.Exported() {
				ok = false
			}
			if o.Parent() != nil && o.Parent() != o.Pkg().Scope() && o.Pkg() != pkg {
				ok = false
			}
		case *types.Struct:
			for i := 0; i < x.NumFields(); i++ {
				if !x.Field(i).Exported() && x.Field(i).Pkg() != pkg {
					ok = false
				}
			}
		}
	})
	return ok
}
