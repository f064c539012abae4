package exec

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Compiler-quality errors. Before a cell runs, the checker type-checks it
// with go/types against what earlier cells declared, so that mistakes
// read as the Go compiler writes them (`undefined: x`, `declared and not
// used: y`, `missing return`), at the cell's own line and column, and
// nothing of a wrong cell runs. The file checked is synthesized:
//
//	package main
//	<the cell's imports, then the session's other imports>
//	<earlier cells' declarations, latest definition of each name>
//	var x T          // variables earlier cells defined with :=
//	<the cell's declarations>
//	func _() { <the cell's statements> }
//
// Earlier code carries positions in a file named prior, so only the
// cell's own errors are reported. Statements run at the top level in a
// notebook, so `declared and not used` of a top-level variable and `is
// not used` of the final expression (the cell's value) are not errors.
//
// The check only speaks when it is sure: a cell importing a package the
// checker cannot load (from GOROOT's sources, or a resolved third-party
// package's: imports_types.go), or using a variable whose type could not
// be written down, runs unchecked and yaegi's own errors apply.
type checker struct {
	mu    sync.Mutex
	fset  *token.FileSet
	imp   types.Importer
	decls []priorDecl             // earlier cells' declarations, in order
	vars  map[string]string       // top-level := variables → their type, as Go source
	vague map[string]bool         // top-level variables whose type cannot be written
	bad   map[string]struct{}     // import paths the importer failed on
	objs  map[string]types.Object // the cells' top-level names, as go/types saw them (typeinfo.go)
	pkg   *types.Package          // the last cell's checked package (typeinfo.go)
}

// priorDecl is one declaration of an earlier cell and the names (or
// "Type.Method" keys) it declares.
type priorDecl struct {
	keys []string
	text string
}

// priorFile names the positions of earlier cells' code in the checked file.
const priorFile = "prior"

// The standard packages' types are shared by every session's checker
// (stdtypes.go: from the kernel's cache, or from source once per machine
// and toolchain); the importer is not safe for concurrent use, so it is
// called under importMu.
var (
	sharedFset = token.NewFileSet()
	importMu   sync.Mutex
	stdImport  = lazyStdTypes(sharedFset, stdTypesDir)
)

// lockedImporter serialises the shared importer.
type lockedImporter struct{}

func (lockedImporter) Import(path string) (*types.Package, error) {
	importMu.Lock()
	defer importMu.Unlock()
	return stdImport.Import(path)
}

func newChecker() *checker {
	return &checker{fset: sharedFset, imp: lockedImporter{}, vars: map[string]string{}, vague: map[string]bool{}, bad: map[string]struct{}{}, objs: map[string]types.Object{}}
}

// warm loads the packages most cells import, so the first cells do not
// wait for them.
func (c *checker) warm() {
	for _, p := range []string{"fmt", "strings", "math", "sort", "errors", "time", "os", "strconv"} {
		c.imp.Import(p) // an error shows again, and is kept, when a cell imports p
	}
}

// load imports a standard package into the importer's cache; false when
// it cannot (then cells importing it are not checked). c.mu is held.
func (c *checker) load(path string) bool {
	if _, bad := c.bad[path]; bad {
		return false
	}
	first := path
	if i := strings.IndexByte(path, '/'); i >= 0 {
		first = path[:i]
	}
	if strings.Contains(first, ".") {
		// A third-party package: the session's importer checks it from
		// source once the session resolved it (imports_types.go); not
		// remembered as bad, since it may be resolved later.
		if _, ok := c.imp.(*checkImporter); !ok {
			c.bad[path] = struct{}{}
			return false
		}
		_, err := c.imp.Import(path)
		return err == nil
	}
	if _, err := c.imp.Import(path); err != nil {
		c.bad[path] = struct{}{}
		return false
	}
	return true
}

// checkResult is what checking a cell found: the cell's errors and
// warnings in Go's words at cell positions, and, when sure, how to record
// the cell once it ran.
type checkResult struct {
	errs, warns []types.Error
	sure        bool
	commit      func()
	builtins    map[token.Position]string // min, max, clear calls → replacement (builtins.go)
	std         stdEdits                  // uses of the standard generic API (stdpkgs.go)
}

// check type-checks a cell's groups against the session's imports.
func (c *checker) check(groups []group, imports, aliases map[string]string) checkResult {
	c.mu.Lock()
	defer c.mu.Unlock()
	var head, cellDecls, stmts strings.Builder
	head.WriteString("package main\n")
	cellImports := map[string]bool{} // path + " " + name
	named := map[string]string{}     // the session's and the cell's imports: path → name
	for p, n := range imports {
		named[p] = n
	}
	var newKeys []string
	var parsedDecls []*ast.File
	for _, g := range groups {
		switch g.kind {
		case importGroup:
			f, err := parser.ParseFile(token.NewFileSet(), "", "package main;"+g.text, parser.ImportsOnly)
			if err != nil {
				return checkResult{}
			}
			for _, is := range f.Imports {
				p, _ := strconv.Unquote(is.Path.Value)
				if !c.load(p) {
					return checkResult{}
				}
				name := ""
				if is.Name != nil {
					name = is.Name.Name
				} else if pkg, err := c.imp.Import(p); err == nil {
					name = pkg.Name()
				}
				cellImports[p+" "+name] = true
				if _, ok := named[p]; !ok || is.Name == nil {
					named[p] = name
				}
			}
			head.WriteString(lineDirective(g) + g.text + "\n")
		case declGroup:
			f, err := parser.ParseFile(token.NewFileSet(), "", "package main;"+g.text, 0)
			if err != nil {
				return checkResult{}
			}
			parsedDecls = append(parsedDecls, f)
			newKeys = append(newKeys, declKeys(f)...)
			cellDecls.WriteString(lineDirective(g) + g.text + "\n")
		default:
			stmts.WriteString(lineDirective(g) + g.text + "\n")
		}
	}
	paths := make([]string, 0, len(imports))
	for p := range imports {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var unloaded []string
	for _, p := range paths {
		if cellImports[p+" "+imports[p]] {
			continue
		}
		if !c.load(p) {
			// A package the checker cannot load (a third-party one):
			// cells naming it are not checked.
			unloaded = append(unloaded, imports[p])
			continue
		}
		head.WriteString("/*line " + priorFile + ":1:1*/import " + imports[p] + " " + strconv.Quote(p) + "\n")
	}
	for _, n := range sortedKeys(aliases) {
		p := aliases[n]
		if cellImports[p+" "+n] || !c.load(p) {
			continue
		}
		head.WriteString("/*line " + priorFile + ":1:1*/import " + n + " " + strconv.Quote(p) + "\n")
	}
	// The cell's own names replace earlier ones.
	replaced := map[string]bool{}
	for _, k := range newKeys {
		replaced[k] = true
	}
	var stmtDefs []string
	if stmts.Len() > 0 {
		stmtDefs = topRedefines(stmts.String())
		for _, n := range stmtDefs {
			replaced[n] = true
		}
	}
	var prior strings.Builder
	prior.WriteString("/*line " + priorFile + ":1:1*/")
	for _, d := range c.decls {
		if !anyKey(d.keys, replaced) {
			prior.WriteString(d.text + "\n")
		}
	}
	for _, n := range sortedKeys(c.vars) {
		if !replaced[n] {
			prior.WriteString("var " + n + " " + c.vars[n] + "\n")
		}
	}
	src := head.String() + prior.String() + cellDecls.String()
	if stmts.Len() > 0 {
		src += "func _gotrainCell() {\n" + stmts.String() + "}\n"
	}
	if c.mentionsVague(groups, unloaded) {
		return checkResult{}
	}
	f, err := parser.ParseFile(c.fset, "checked.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return checkResult{} // the parser's own error comes when the cell runs
	}
	var all []types.Error
	conf := types.Config{Importer: c.imp, Sizes: types.SizesFor("gc", runtime.GOARCH), Error: func(err error) {
		var te types.Error
		if !errors.As(err, &te) {
			return
		}
		if n := len(all); n > 0 && strings.HasPrefix(te.Msg, "\t") {
			// A continuation ("\tprevious case"): part of the last error,
			// with its own position, as the compiler prints it.
			p := te.Fset.Position(te.Pos)
			all[n-1].Msg += fmt.Sprintf("\n\t%s:%d:%d: %s", p.Filename, p.Line, p.Column, strings.TrimPrefix(te.Msg, "\t"))
			return
		}
		all = append(all, te)
	}}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Instances: map[*ast.Ident]types.Instance{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	pkg, _ := conf.Check("main", c.fset, []*ast.File{f}, info) // errors arrive through conf.Error
	res := checkResult{sure: true, builtins: c.builtinCalls(f, info, named), std: c.stdCalls(f, info, named)}
	top := topLevelIdents(f)
	for _, e := range all {
		p := c.fset.Position(e.Pos)
		if p.Filename != cellFile {
			continue
		}
		switch {
		case strings.HasPrefix(e.Msg, "declared and not used: ") && top.defines[e.Pos]:
			continue
		case strings.HasSuffix(e.Msg, " is not used") && top.last != nil && e.Pos >= top.last.Pos() && e.Pos < top.last.End():
			continue
		case strings.Contains(e.Msg, " imported and not used"), strings.Contains(e.Msg, " imported as ") && strings.HasSuffix(e.Msg, " and not used"):
			res.warns = append(res.warns, e)
			continue
		}
		res.errs = append(res.errs, asCompiler(e, f))
	}
	for _, pos := range sortedPos(res.std.warned) {
		res.warns = append(res.warns, types.Error{Fset: c.fset, Pos: pos, Msg: res.std.warned[pos], Soft: true})
	}
	if len(res.errs) == 0 {
		// Constructs the interpreter would get wrong, refused before
		// anything of the cell runs (ifaceassert.go).
		for _, pos := range sortedPos(res.std.refused) {
			res.errs = append(res.errs, types.Error{Fset: c.fset, Pos: pos, Msg: res.std.refused[pos]})
		}
	}
	res.commit = func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.record(parsedDecls, groups, newKeys, top, info, named)
		c.recordObjects(pkg, newKeys, top, info)
	}
	return res
}

// record remembers a cell that ran: its declarations and the types of its
// top-level variables. c.mu is held.
func (c *checker) record(decls []*ast.File, groups []group, newKeys []string, top topIdents, info *types.Info, imports map[string]string) {
	replaced := map[string]bool{}
	for _, k := range newKeys {
		replaced[k] = true
	}
	for id := range top.names {
		replaced[id] = true
	}
	kept := c.decls[:0]
	for _, d := range c.decls {
		if !anyKey(d.keys, replaced) {
			kept = append(kept, d)
		}
	}
	c.decls = kept
	for n := range replaced {
		delete(c.vars, n)
		delete(c.vague, n)
	}
	for _, f := range decls {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				continue
			}
			c.decls = append(c.decls, priorDecl{keys: declKeys(&ast.File{Decls: []ast.Decl{d}}), text: nodeText(d)})
		}
	}
	qual := qualifier(imports)
	for name, id := range top.names {
		obj := info.Defs[id]
		if obj == nil {
			c.vague[name] = true
			continue
		}
		t := types.TypeString(obj.Type(), qual)
		if !writable(t) || localType(obj.Type()) {
			c.vague[name] = true
			continue
		}
		c.vars[name] = t
	}
}

// localType reports whether t names a type declared inside a function.
func localType(t types.Type) bool {
	found := false
	walkType(t, func(t types.Type) {
		if n, ok := t.(*types.Named); ok {
			if o := n.Obj(); o.Pkg() != nil && o.Parent() != o.Pkg().Scope() {
				found = true
			}
		}
	})
	return found
}

// mentionsVague reports whether the cell names a variable whose type is
// unknown or a package the checker could not load.
func (c *checker) mentionsVague(groups []group, pkgs []string) bool {
	ids := cellIdents(groups)
	for n := range c.vague {
		if ids[n] {
			return true
		}
	}
	for _, n := range pkgs {
		if ids[n] {
			return true
		}
	}
	return false
}

// cellIdents returns the identifiers a cell spells.
func cellIdents(groups []group) map[string]bool {
	ids := map[string]bool{}
	for _, g := range groups {
		var sc scanner.Scanner
		fs := token.NewFileSet()
		sc.Init(fs.AddFile("", -1, len(g.text)), []byte(g.text), nil, 0)
		for {
			_, tok, lit := sc.Scan()
			if tok == token.EOF {
				break
			}
			if tok == token.IDENT {
				ids[lit] = true
			}
		}
	}
	return ids
}

// forget records that a cell ran unchecked: what it declares or defines
// has no type the checker knows, so cells naming it are not checked.
func (c *checker) forget(groups []group) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var names []string
	for _, g := range groups {
		switch g.kind {
		case declGroup:
			if f, err := parser.ParseFile(token.NewFileSet(), "", "package main;"+g.text, parser.SkipObjectResolution); err == nil {
				for _, k := range declKeys(f) {
					names = append(names, strings.SplitN(k, ".", 2)[0])
				}
			}
		case stmtGroup:
			names = append(names, topDefines(g.text)...)
		}
	}
	gone := map[string]bool{}
	for _, n := range names {
		gone[n] = true
		c.vague[n] = true
		delete(c.vars, n)
	}
	kept := c.decls[:0]
	for _, d := range c.decls {
		if !anyKey(d.keys, gone) {
			kept = append(kept, d)
		}
	}
	c.decls = kept
}

// topIdents are the top-level names of the checked cell's statements: the
// variables they define (and the idents defining them), and its last
// statement.
type topIdents struct {
	names   map[string]*ast.Ident
	defines map[token.Pos]bool
	last    ast.Stmt
}

// topLevelIdents finds the top-level definitions in the cell function.
func topLevelIdents(f *ast.File) topIdents {
	t := topIdents{names: map[string]*ast.Ident{}, defines: map[token.Pos]bool{}}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "_gotrainCell" {
			continue
		}
		for _, st := range fd.Body.List {
			for _, id := range definedBy(st) {
				if _, seen := t.names[id.Name]; !seen {
					// The first defines it; a later := reuses it.
					t.names[id.Name] = id
				}
				t.defines[id.Pos()] = true
			}
		}
		if n := len(fd.Body.List); n > 0 {
			t.last = fd.Body.List[n-1]
		}
	}
	return t
}

// definedBy returns the variables a top-level statement defines.
func definedBy(st ast.Stmt) []*ast.Ident {
	var out []*ast.Ident
	switch x := st.(type) {
	case *ast.AssignStmt:
		if x.Tok == token.DEFINE {
			for _, l := range x.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
					out = append(out, id)
				}
			}
		}
	case *ast.DeclStmt:
		if gd, ok := x.Decl.(*ast.GenDecl); ok && gd.Tok != token.TYPE {
			for _, sp := range gd.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok {
					for _, id := range vs.Names {
						if id.Name != "_" {
							out = append(out, id)
						}
					}
				}
			}
		}
	}
	return out
}

// topRedefines returns the names the top-level statements in src
// declare anew: those a := or var defines before any other mention. A
// name the cell first assigns or reads (`v, ok = f()` before `w, ok :=
// g()`) is the earlier cell's variable, which the := reuses.
func topRedefines(src string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package main;func _(){"+src+"\n}", parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	defining := map[*ast.Ident]bool{}
	for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
		for _, id := range definedBy(st) {
			defining[id] = true
		}
	}
	first := map[string]bool{} // name → its first mention defines it
	ast.Inspect(f.Decls[0].(*ast.FuncDecl).Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if _, seen := first[id.Name]; !seen {
				first[id.Name] = defining[id]
			}
		}
		return true
	})
	var out []string
	for id := range defining {
		if first[id.Name] {
			out = append(out, id.Name)
		}
	}
	sort.Strings(out)
	return out
}

// topDefines returns the names the top-level statements in src define.
func topDefines(src string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package main;func _(){"+src+"\n}", parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var out []string
	for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
		for _, id := range definedBy(st) {
			out = append(out, id.Name)
		}
	}
	return out
}

// declKeys returns the names a file's declarations declare: a function's
// or type's or variable's name, "Type.Method" for a method.
func declKeys(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		switch x := d.(type) {
		case *ast.FuncDecl:
			if x.Recv != nil && len(x.Recv.List) > 0 {
				out = append(out, recvType(x.Recv.List[0].Type)+"."+x.Name.Name)
			} else if x.Name.Name != "init" && x.Name.Name != "_" {
				out = append(out, x.Name.Name)
			}
		case *ast.GenDecl:
			for _, sp := range x.Specs {
				switch y := sp.(type) {
				case *ast.TypeSpec:
					out = append(out, y.Name.Name)
				case *ast.ValueSpec:
					for _, n := range y.Names {
						if n.Name != "_" {
							out = append(out, n.Name)
						}
					}
				}
			}
		}
	}
	return out
}

func anyKey(keys []string, set map[string]bool) bool {
	for _, k := range keys {
		if set[k] {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// typeErrorList orders type errors by position as the compiler prints
// them, at most 10 as `go build` does.
func typeErrorList(errs []types.Error) scanner.ErrorList {
	var list scanner.ErrorList
	for _, e := range errs {
		list.Add(e.Fset.Position(e.Pos), e.Msg)
	}
	list.Sort()
	if len(list) > 10 {
		list = append(list[:10], &scanner.Error{Pos: list[9].Pos, Msg: "too many errors"})
	}
	return list
}

// aliasesCopy returns the session's other names of imported paths
// (name → path).
func (s *Session) aliasesCopy() map[string]string {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	out := make(map[string]string, len(s.aliases))
	for n, p := range s.aliases {
		out[n] = p
	}
	return out
}

// importsCopy returns the session's imports (path → name).
func (s *Session) importsCopy() map[string]string {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	out := make(map[string]string, len(s.imports))
	for p, n := range s.imports {
		out[p] = n
	}
	return out
}

// warnings returns the warnings worth showing: none for a cell of imports
// only (importing in one cell and using in the next is a notebook habit).
func (r checkResult) warnings(groups []group) []types.Error {
	for _, g := range groups {
		if g.kind != importGroup {
			return r.warns
		}
	}
	return nil
}

// compilerWords maps go/types messages to the words of cmd/compile (which
// checks with its own copy of the type checker, types2) where they differ.
var compilerWords = map[string]string{
	"break not in for, switch, or select statement": "break is not in a loop, switch, or select",
	"continue not in for statement":                 "continue is not in a loop",
}

// asCompiler rewrites a go/types error as cmd/compile reports it: its
// words, and the position of the last argument's start for a call with
// too few arguments (go/types gives the argument's end).
func asCompiler(e types.Error, f *ast.File) types.Error {
	if w, ok := compilerWords[e.Msg]; ok {
		e.Msg = w
	}
	if strings.HasPrefix(e.Msg, "not enough arguments in call to ") {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) > 0 && call.Args[len(call.Args)-1].End() == e.Pos {
				e.Pos = call.Args[len(call.Args)-1].Pos()
			}
			return true
		})
	}
	return e
}
