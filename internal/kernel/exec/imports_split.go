package exec

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/gotrain/gotrain/internal/kernel/modules"
	"github.com/gotrain/gotrain/internal/kernel/symbols"
)

// A package split between the interpreter and the compiler. Compiled
// packages bring only their non-generic API (yaegi extract skips generic
// declarations), so a package with generic API and a few declarations
// yaegi cannot load (samber/lo: its throttle, where yaegi's compiler
// panics) would lose its whole generic API by the compile route. Instead
// it is interpreted from its source with those declarations taken out,
// and the package is also compiled into the executor under another import
// path (splitAlias): the exported, non-generic declarations taken out are
// served from there (`var F = compiled.F`, `type T = compiled.T`).
//
// The declarations yaegi cannot load are found by loading: each error
// yaegi reports at a position in the package names the top-level
// declaration there (a "unit": a func, a var or const spec, or a type
// with its methods); that unit is taken out, with every unit that uses a
// unit taken out that has no compiled stand-in (a generic one, an
// unexported one, or one whose type involves a type still interpreted),
// and the package is loaded again, a bounded number of times. The units
// first named (the seeds) are the plan; the session and the probes work
// out the rest from them.
//
// Limits: package-level variables exist twice (the compiled functions use
// the compiled ones); a generic declaration taken out is not available.

// splitPrefix starts the import path a split package's compiled half is
// registered under.
const splitPrefix = "gotrain.compiled/"

// splitAlias is the import path of the compiled half of a split package.
func splitAlias(importPath string) string { return splitPrefix + importPath }

// splitName is the name the interpreted half imports the compiled half by.
const splitName = "_gotrainCompiled"

// CompiledSplit are the packages compiled into this program, under
// splitAlias, as the compiled half of a split (set by the generated
// executor's main through RegisterSplit).
var CompiledSplit []string

// RegisterSplit moves the symbols of pkgs, compiled into this program,
// under their split aliases, so that their source is interpreted and the
// compiled half serves what the interpreter cannot load.
func RegisterSplit(pkgs []string) {
	CompiledSplit = append([]string(nil), pkgs...)
	for _, p := range pkgs {
		for k, v := range symbols.Symbols {
			if rest, ok := strings.CutPrefix(k, p+"/"); ok && !strings.Contains(rest, "/") {
				delete(symbols.Symbols, k)
				symbols.Symbols[splitAlias(p)+"/"+rest] = v
			}
		}
	}
}

// compiledHalf reports whether the compiled half of a split of p is in
// this program.
func compiledHalf(p string) bool {
	for _, c := range CompiledSplit {
		if c == p {
			return true
		}
	}
	return false
}

// splitPlan is what a probe found: the units yaegi cannot load (Seeds),
// and, for the user, the exported names served compiled and those not
// available, and the exported generic names that stay interpreted.
type splitPlan struct {
	Seeds    []string
	Compiled []string `json:",omitempty"`
	Lost     []string `json:",omitempty"`
	Generic  []string `json:",omitempty"`
}

// unit is a top-level declaration of a package: a func, a var or const
// spec, or a type with its methods.
type unit struct {
	key      string
	file     *ast.File
	nodes    []ast.Node // *ast.FuncDecl, or specs with their GenDecl in decls
	decls    []*ast.GenDecl
	names    []string
	generic  bool
	exported bool
	isConst  bool
	isType   bool
	deps     map[string]bool // units it names
	private  map[string]bool // units whose unexported fields or methods it uses
}

// splitUnits finds the units of a type-checked package (info has Defs,
// Uses and Selections) and what each uses.
func splitUnits(files []*ast.File, pkg *types.Package, info *types.Info) (map[string]*unit, map[string]string) {
	units := map[string]*unit{}
	byName := map[string]string{} // top-level name → unit key
	get := func(key string, f *ast.File) *unit {
		u, ok := units[key]
		if !ok {
			u = &unit{key: key, file: f, deps: map[string]bool{}, private: map[string]bool{}}
			units[key] = u
		}
		return u
	}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				key := d.Name.Name
				if d.Recv != nil {
					key = recvName(d.Recv.List[0].Type)
				} else if key == "init" || key == "_" {
					key = fmt.Sprintf("%s#%d", key, d.Pos())
				}
				u := get(key, f)
				u.nodes = append(u.nodes, d)
				u.decls = append(u.decls, nil)
				if d.Recv == nil {
					u.names = append(u.names, d.Name.Name)
					u.generic = u.generic || d.Type.TypeParams != nil
					u.exported = d.Name.IsExported()
				}
			case *ast.GenDecl:
				if d.Tok == token.IMPORT {
					continue
				}
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						u := get(sp.Name.Name, f)
						u.nodes = append(u.nodes, sp)
						u.decls = append(u.decls, d)
						u.names = append(u.names, sp.Name.Name)
						u.generic = sp.TypeParams != nil
						u.exported = sp.Name.IsExported()
						u.isType = true
					case *ast.ValueSpec:
						key := sp.Names[0].Name
						if key == "_" {
							key = fmt.Sprintf("_#%d", sp.Pos())
						}
						u := get(key, f)
						u.nodes = append(u.nodes, sp)
						u.decls = append(u.decls, d)
						u.exported = true
						for _, n := range sp.Names {
							u.names = append(u.names, n.Name)
							u.exported = u.exported && n.IsExported()
							byName[n.Name] = key
						}
						u.isConst = d.Tok == token.CONST
					}
				}
			}
		}
	}
	for k, u := range units {
		for _, n := range u.names {
			byName[n] = k
		}
	}
	unitOf := func(o types.Object) string {
		if o == nil || o.Pkg() != pkg || o.Parent() != pkg.Scope() {
			return ""
		}
		return byName[o.Name()]
	}
	for _, u := range units {
		for _, n := range u.nodes {
			ast.Inspect(n, func(x ast.Node) bool {
				switch x := x.(type) {
				case *ast.Ident:
					if k := unitOf(info.Uses[x]); k != "" && k != u.key {
						u.deps[k] = true
					}
				case *ast.SelectorExpr:
					sel, ok := info.Selections[x]
					if !ok {
						return true
					}
					t := sel.Recv()
					if p, ok := t.(*types.Pointer); ok {
						t = p.Elem()
					}
					if nt, ok := t.(*types.Named); ok {
						if k := unitOf(nt.Origin().Obj()); k != "" && k != u.key {
							u.deps[k] = true
							if !sel.Obj().Exported() {
								u.private[k] = true
							}
						}
					}
				}
				return true
			})
		}
	}
	return units, byName
}

// recvName is the base type name of a method's receiver.
func recvName(t ast.Expr) string {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// splitClosure takes out seeds and every unit using a unit taken out
// that has no stand-in; stand-ins are allowed when the compiled half is
// there. It returns the units taken out and which of them have stand-ins.
func splitClosure(units map[string]*unit, pkg *types.Package, seeds []string, standIns bool) (removed, served map[string]bool) {
	removed = map[string]bool{}
	for _, s := range seeds {
		if units[s] != nil {
			removed[s] = true
		}
	}
	for round := 0; round < 100; round++ {
		served = map[string]bool{}
		if standIns {
			for k := range removed {
				u := units[k]
				served[k] = !u.generic && u.exported && !u.isConst && len(u.names) > 0
			}
			// A stand-in's type may name only the package's types that
			// are stand-ins too.
			for changed := true; changed; {
				changed = false
				for k := range served {
					if served[k] && !typesServed(units[k], pkg, units, served) {
						served[k] = false
						changed = true
					}
				}
			}
		}
		grew := false
		for k, u := range units {
			if removed[k] {
				continue
			}
			for d := range u.deps {
				if removed[d] && (!served[d] || u.private[d]) {
					removed[k] = true
					grew = true
					break
				}
			}
		}
		if !grew {
			break
		}
	}
	return removed, served
}

// typesServed reports whether every named type of pkg in the types of
// u's names is served compiled.
func typesServed(u *unit, pkg *types.Package, units map[string]*unit, served map[string]bool) bool {
	ok := true
	seen := map[types.Type]bool{}
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if !ok || t == nil || seen[t] {
			return
		}
		seen[t] = true
		if x, isNamed := t.(*types.Named); isNamed {
			if o := x.Obj(); o.Pkg() == pkg {
				if u.isType && o.Name() == u.names[0] {
					walk(x.Underlying())
					return
				}
				if !served[o.Name()] || units[o.Name()] == nil {
					ok = false
				}
			}
		}
		typeParts(t, walk)
	}
	for _, n := range u.names {
		if o := pkg.Scope().Lookup(n); o != nil {
			walk(o.Type())
			if u.isType {
				for _, t := range []types.Type{o.Type(), types.NewPointer(o.Type())} {
					ms := types.NewMethodSet(t)
					for i := 0; i < ms.Len(); i++ {
						walk(ms.At(i).Type())
					}
				}
			}
		}
	}
	return ok
}

// edit replaces src[from:to] with text.
type edit struct {
	from, to int
	text     string
}

// splitEdits are the edits of one file taking out the removed units and,
// in the package's first file, adding the stand-ins.
func splitEdits(fset *token.FileSet, f *ast.File, first bool, importPath string, units map[string]*unit, removed, served map[string]bool) []edit {
	tf := fset.File(f.Pos())
	off := func(p token.Pos) int { return tf.Offset(p) }
	var out []edit
	// Specs taken out, per GenDecl: all of them takes the decl.
	specsOut := map[*ast.GenDecl]int{}
	for k := range removed {
		u := units[k]
		if u.file != f {
			continue
		}
		for i, n := range u.nodes {
			if d := u.decls[i]; d != nil {
				specsOut[d]++
				continue
			}
			fd := n.(*ast.FuncDecl)
			from := fd.Pos()
			if fd.Doc != nil {
				from = fd.Doc.Pos()
			}
			out = append(out, edit{off(from), off(fd.End()), ""})
		}
	}
	for k := range removed {
		u := units[k]
		if u.file != f {
			continue
		}
		for i, n := range u.nodes {
			d := u.decls[i]
			if d == nil {
				continue
			}
			if specsOut[d] == len(d.Specs) || !d.Lparen.IsValid() {
				if specsOut[d] > 0 {
					from := d.Pos()
					if d.Doc != nil {
						from = d.Doc.Pos()
					}
					out = append(out, edit{off(from), off(d.End()), ""})
					specsOut[d] = 0 // once
				}
				continue
			}
			out = append(out, edit{off(n.Pos()), off(n.End()), ""})
		}
	}
	if first && len(served) > 0 {
		var names []string
		for k, ok := range served {
			if ok && removed[k] {
				names = append(names, k)
			}
		}
		sort.Strings(names)
		if len(names) > 0 {
			out = append(out, edit{off(f.Name.End()), off(f.Name.End()), "; import " + splitName + " " + strconv.Quote(splitAlias(importPath))})
			var b strings.Builder
			for _, k := range names {
				u := units[k]
				for _, n := range u.names {
					if u.isType {
						fmt.Fprintf(&b, "\ntype %s = %s.%s", n, splitName, n)
					} else {
						fmt.Fprintf(&b, "\nvar %s = %s.%s", n, splitName, n)
					}
				}
			}
			end := tf.Size()
			out = append(out, edit{end, end, "\n" + b.String() + "\n"})
		}
	}
	return out
}

// applyEdits makes non-overlapping edits (insertions inside a removed
// range are dropped) in src.
func applyEdits(src []byte, edits []edit) []byte {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].from != edits[j].from {
			return edits[i].from < edits[j].from
		}
		return edits[i].to < edits[j].to
	})
	out := make([]byte, 0, len(src)+256)
	last := 0
	for _, e := range edits {
		if e.from < last {
			continue // inside a range already replaced
		}
		out = append(out, src[last:e.from]...)
		out = append(out, e.text...)
		last = e.to
	}
	return append(out, src[last:]...)
}

// yaegiPos finds, in an error of yaegi's, the first position in a file
// of the package importPath: the file's base name and line.
var yaegiPos = regexp.MustCompile(`([^\s:]+\.go):(\d+):(\d+)`)

func errorPosition(msg, importPath string) (file string, line int, ok bool) {
	prefix := modules.GoPath + "/src/" + importPath + "/"
	for _, m := range yaegiPos.FindAllStringSubmatch(msg, -1) {
		rest, found := strings.CutPrefix(m[1], prefix)
		if !found || strings.Contains(rest, "/") {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		return rest, n, true
	}
	return "", 0, false
}

// unitAt is the unit declared at file:line.
func unitAt(fset *token.FileSet, units map[string]*unit, file string, line int) string {
	for k, u := range units {
		for _, n := range u.nodes {
			start, end := fset.Position(n.Pos()), fset.Position(n.End())
			if baseName(start.Filename) == file && start.Line <= line && line <= end.Line {
				return k
			}
		}
	}
	return ""
}

func baseName(p string) string { return p[strings.LastIndex(p, "/")+1:] }

// splitRounds bounds the loads a split search makes.
const splitRounds = 12

// probeSplit is what a probe prints, before the plan in JSON, when the
// package loaded (or would load, with its compiled half) split.
const probeSplit = "split: "

// splitSearch looks for the declarations of path that yaegi cannot load
// (see the top of this file), loading the package with its inferred type
// arguments written out and each declaration found taken out; err is the
// last load's error when no plan loads. A package with no exported
// generic API is not searched: compiling it whole is better.
func splitSearch(path string, deps []modules.Module) (*splitPlan, error) {
	if !hasGenericAPI(modules.Fixed(deps), path) {
		return nil, errors.New("no generic API")
	}
	var seeds []string
	for round := 0; round < splitRounds; round++ {
		st, err := loadSplit(path, deps, seeds)
		if st == nil {
			return nil, fmt.Errorf("%s does not type-check", path)
		}
		if err == nil {
			return st.plan(seeds), nil
		}
		k := ""
		if file, line, ok := errorPosition(err.Error(), path); ok {
			k = unitAt(st.fset, st.units, file, line)
		} else {
			k = bisectUnit(path, deps, seeds, st)
		}
		if k == "" || st.removed[k] {
			return nil, err
		}
		seeds = append(seeds, k)
	}
	return nil, fmt.Errorf("more than %d declarations of %s cannot be loaded", splitRounds, path)
}

// loadSplit loads path with seeds and what depends on them taken out.
func loadSplit(path string, deps []modules.Module, seeds []string) (*splitState, error) {
	r := modules.Fixed(deps)
	sr := newSourceRewriter(newCheckImporter(r))
	sr.setSplit(path, seeds)
	err := probeLoad(path, r, sr.Rewrite)
	return sr.splitOf(path), err
}

// bisectUnit finds, when yaegi's error names no position (a panic of
// its own), the unit to take out: the last of the shortest run of units,
// in source order, whose removal (with seeds) lets the package load;
// "" when none does. It loads about log2(units) times.
func bisectUnit(path string, deps []modules.Module, seeds []string, st *splitState) string {
	var order []string
	for k := range st.units {
		if !st.removed[k] {
			order = append(order, k)
		}
	}
	pos := func(k string) token.Pos { return st.units[k].nodes[0].Pos() }
	sort.Slice(order, func(i, j int) bool {
		pi, pj := st.fset.Position(pos(order[i])), st.fset.Position(pos(order[j]))
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		return pi.Offset < pj.Offset
	})
	loads := func(n int) bool {
		_, err := loadSplit(path, deps, append(append([]string(nil), seeds...), order[:n]...))
		return err == nil
	}
	if len(order) == 0 || !loads(len(order)) {
		return ""
	}
	lo, hi := 0, len(order) // loads(hi), !loads(lo)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if loads(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return order[hi-1]
}

// plan describes the split for the user.
func (st *splitState) plan(seeds []string) *splitPlan {
	p := &splitPlan{Seeds: seeds}
	for k, u := range st.units {
		switch {
		case st.removed[k] && st.served[k]:
			p.Compiled = append(p.Compiled, u.names...)
		case st.removed[k]:
			for _, n := range u.names {
				if token.IsExported(n) {
					p.Lost = append(p.Lost, n)
				}
			}
		case u.generic && u.exported:
			p.Generic = append(p.Generic, u.names...)
		}
	}
	sort.Strings(p.Compiled)
	sort.Strings(p.Lost)
	sort.Strings(p.Generic)
	return p
}

// describe is the plan for the route line.
func (p *splitPlan) describe() string {
	var b strings.Builder
	if len(p.Compiled) > 0 {
		fmt.Fprintf(&b, ", but %s (compiled: the interpreter cannot load %s)", strings.Join(p.Compiled, ", "), them(len(p.Compiled)))
	}
	if len(p.Lost) > 0 {
		fmt.Fprintf(&b, "; not available: %s (the interpreter cannot load them and they cannot be served compiled: generic, or of unexported or interpreted types)", strings.Join(p.Lost, ", "))
	}
	return b.String()
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// hasGenericAPI reports whether the package declares an exported generic
// function or type (its files for this platform, parsed without bodies).
func hasGenericAPI(r *modules.Resolver, path string) bool {
	dir, ok := r.PackageDir(path)
	if !ok {
		return false
	}
	bp, err := build.Default.ImportDir(dir, 0)
	if err != nil {
		return false
	}
	fset := token.NewFileSet()
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return false
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Type.TypeParams != nil && d.Name.IsExported() {
					return true
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					if ts, ok := sp.(*ast.TypeSpec); ok && ts.TypeParams != nil && ts.Name.IsExported() {
						return true
					}
				}
			}
		}
	}
	return false
}
