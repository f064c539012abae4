package exec

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// Execute runs one cell. Cancelling ctx (an interrupt) stops interpreted
// code and any library call that watches ctx; the session stays usable.
func (s *Session) Execute(ctx context.Context, code string, out Output) (res Result) {
	if out == nil {
		out = discard{}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	s.syncOutput() // what earlier goroutines printed belongs to the earlier cell
	s.execMu.Lock()
	defer s.execMu.Unlock()
	s.running.Store(true)
	defer s.running.Store(false)
	// The cell's goroutine, and every goroutine it starts, carry its name
	// into a fatal error's stacks (goroutines.go).
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels("cell", s.startCell(ctx, out))))
	defer pprof.SetGoroutineLabels(context.Background())
	s.stdin.reset()
	s.panics.take()
	defer func() {
		if r := recover(); r != nil {
			s.opts.Log("exec: session panicked: %v\n%s", r, debug.Stack())
			res = Result{Err: &Error{Name: "KernelError", Value: fmt.Sprint(r), Traceback: []string{red + bold + "KernelError" + reset + ": " + fmt.Sprint(r)}}}
		}
		s.syncOutput()
	}()
	s.takeGoError()
	res = s.runCell(ctx, code, out)
	if sw := s.replay.pending; sw != nil {
		s.replay.pending = nil
		if res.Err != nil && res.Err.Name == switchErrName {
			res.Switch = sw
		}
	}
	if ge := s.takeGoError(); ge != nil {
		if res.Err == nil {
			// A goroutine the cell started panicked while it ran: that
			// is the cell's one error.
			return Result{Err: ge, Payload: res.Payload}
		}
		for _, l := range ge.Traceback {
			out.Stream("stderr", l+"\n")
		}
	}
	return res
}

// runCell handles magics, then evaluates the Go code.
func (s *Session) runCell(ctx context.Context, code string, out Output) Result {
	if m, rest, ok := s.magic(ctx, code, out); ok {
		return m(rest)
	}
	return s.evalGo(ctx, code)
}

// evalGo evaluates Go source: group by group, in order; the value of a
// final expression statement becomes the result.
func (s *Session) evalGo(ctx context.Context, code string) Result {
	groups := splitCell(code)
	if e := s.resolveCellImports(ctx, groups); e != nil {
		return Result{Err: e} // nothing of the cell ran (imports.go)
	}
	groups, notes := s.redeclareForMethods(groups)
	defer s.endRedeclare()
	checked := s.checker.check(groups, s.importsCopy(), s.aliasesCopy())
	if checked.sure {
		for _, w := range checked.warnings(groups) {
			p := w.Fset.Position(w.Pos)
			s.stream("stderr", fmt.Sprintf("warning: %s:%d:%d: %s\n", cellFile, p.Line, p.Column, w.Msg))
		}
		if len(checked.errs) > 0 {
			return Result{Err: compileError(code, typeErrorList(checked.errs))}
		}
		defer checked.commit()
		for _, n := range notes {
			s.stream("stderr", n)
		}
		s.builtins = checked.builtins
		s.std = &checked.std
	} else {
		s.builtins = nil
		s.std = nil
		defer s.checker.forget(groups)
	}
	var last reflect.Value
	var lastIsValue bool
	for gi, g := range groups {
		if err := ctx.Err(); err != nil {
			return interrupted()
		}
		node, isValue, err := s.parseGroup(g, gi == len(groups)-1, true)
		undo := s.takeUndo()
		if err != nil {
			return Result{Err: s.unrenameError(compileError(code, err))}
		}
		if node == nil {
			continue
		}
		if g.kind == stmtGroup {
			s.noteReplay(g) // what it changes, even if it fails half way
		}
		v, valued, e := s.run(ctx, code, node, isValue, g)
		if e == nil && g.kind != stmtGroup && !(g.kind == declGroup && declaresMain(node)) {
			s.noteReplay(g)
		}
		if e != nil {
			undo() // a type redefined by a group that failed keeps its name
			return Result{Err: s.unrenameError(e)}
		}
		last, lastIsValue = v, valued
		if g.kind == declGroup {
			if e := s.rebindCallers(ctx, code, node, groups); e != nil {
				return Result{Err: s.unrenameError(e)}
			}
		}
		if g.kind == declGroup && declaresMain(node) {
			// Run main once, as `go run` would (mainfunc.go).
			mg := mainCall(g)
			mnode, _, err := s.parseGroup(mg, false, false)
			if err != nil {
				return Result{Err: s.unrenameError(compileError(code, err))}
			}
			if _, _, e := s.run(ctx, code, mnode, false, mg); e != nil {
				return Result{Err: s.unrenameError(e)}
			}
			last, lastIsValue = reflect.Value{}, false
		}
	}
	if !lastIsValue || !last.IsValid() {
		return Result{}
	}
	return Result{Value: s.valueBundle(last)}
}

// interrupted is the error of a cell stopped by its context.
func interrupted() Result {
	msg := "the cell was interrupted; variables defined before the interrupt are kept"
	return Result{Err: &Error{Name: "Interrupted", Value: msg, Traceback: []string{red + bold + "Interrupted" + reset + ": " + msg}}}
}

// lineDirective makes positions in what follows count from the group's
// place in the cell.
func lineDirective(g group) string {
	return "/*line " + cellFile + ":" + strconv.Itoa(g.line) + ":" + strconv.Itoa(g.col) + "*/"
}

// parseGroup parses one group into the node yaegi compiles, applying
// idempotent imports, method-redefinition warnings and the rewrites. It
// returns nil when nothing is left to do (all imports already done). isValue
// says whether the node ends with an expression whose value is the cell's.
func (s *Session) parseGroup(g group, final, note bool) (ast.Node, bool, error) {
	return s.parseGroupRanges(g, final, note, false)
}

// parseGroupRanges is parseGroup; anyRange makes every range over an
// operand not known to be a slice, map, string, channel or function a
// counted loop (the second compile attempt, see compileGroup).
func (s *Session) parseGroupRanges(g group, final, note, anyRange bool) (ast.Node, bool, error) {
	fset := s.interp.FileSet()
	switch g.kind {
	case importGroup:
		f, err := parser.ParseFile(fset, cellFile, "package main;"+lineDirective(g)+g.text, 0)
		if err != nil {
			return nil, false, err
		}
		n := s.newImports(f)
		if n == nil {
			return nil, false, nil
		}
		if err := s.loadStd(dropStdImports(n.(*ast.File))); err != nil {
			return nil, false, err
		}
		if len(n.(*ast.File).Decls[0].(*ast.GenDecl).Specs) == 0 {
			return nil, false, nil
		}
		return n, false, nil
	case declGroup:
		f, err := parser.ParseFile(fset, cellFile, "package main;"+lineDirective(g)+g.text, parser.DeclarationErrors)
		if err != nil {
			return nil, false, err
		}
		if note {
			s.noteDecls(f)
		}
		renameMainDecl(f)
		renameTypes(f, s.typeRenames())
		replaceBuiltins(f, fset, s.builtins)
		if err := s.stdEdits(f); err != nil {
			return nil, false, err
		}
		r := s.newRewriter()
		r.anyRange = anyRange
		r.rewrite(f)
		if r.err != nil {
			return nil, false, r.err
		}
		return f, false, nil
	default:
		f, err := parser.ParseFile(fset, cellFile, "package main;func main(){"+lineDirective(g)+g.text+"\n}", 0)
		if err != nil {
			return nil, false, err
		}
		body := f.Decls[0].(*ast.FuncDecl).Body
		isValue := false
		if final && len(body.List) > 0 {
			if es, ok := body.List[len(body.List)-1].(*ast.ExprStmt); ok {
				isValue = showsValue(es.X) && s.singleResult(es.X)
			}
		}
		if note {
			s.noteDefines(body)
		}
		renameTypes(body, s.typeRenames())
		replaceBuiltins(body, fset, s.builtins)
		if err := s.stdEdits(body); err != nil {
			return nil, false, err
		}
		r := s.newRewriter()
		r.anyRange = anyRange
		r.rewrite(body)
		if r.err != nil {
			return nil, false, r.err
		}
		wrapNested(body)
		s.unnameMapIndexes(body)
		if len(body.List) > 0 {
			body.List = append([]ast.Stmt{startedCall(body.List[0].Pos())}, markStatements(body.List, fset)...)
		}
		return body, isValue, nil
	}
}

// newImports keeps the import specs not done yet (importing a package a
// second time fails in yaegi) and records them; nil when none are left.
func (s *Session) newImports(f *ast.File) ast.Node {
	var keep []ast.Spec
	names := make([]string, len(f.Imports))
	for i, imp := range f.Imports {
		if imp.Name != nil {
			names[i] = imp.Name.Name
		} else {
			path, _ := strconv.Unquote(imp.Path.Value)
			names[i] = s.importName(path)
		}
	}
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	for i, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		name := names[i]
		if prev, ok := s.imports[path]; ok && prev == name || s.aliases[name] == path {
			continue
		}
		keep = append(keep, imp)
		if _, ok := s.imports[path]; ok {
			// The path under another name: both names work, as two
			// import lines of one file.
			s.aliases[name] = path
			continue
		}
		s.imports[path] = name
	}
	if len(keep) == 0 {
		return nil
	}
	f.Decls = []ast.Decl{&ast.GenDecl{Tok: token.IMPORT, TokPos: f.Imports[0].Pos(), Lparen: f.Imports[0].Pos(), Specs: keep}}
	f.Imports = nil
	return f
}

// showsValue reports whether an expression statement's value is shown:
// calls of functions known to return nothing useful (printing) are not.
func showsValue(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return true
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if pkg, ok := sel.X.(*ast.Ident); ok {
			switch pkg.Name + "." + sel.Sel.Name {
			case "fmt.Print", "fmt.Println", "fmt.Printf", "fmt.Fprint", "fmt.Fprintln", "fmt.Fprintf",
				"fmt.Scan", "fmt.Scanln", "fmt.Scanf", "fmt.Sscan", "fmt.Sscanf", "fmt.Sscanln":
				return false
			}
		}
	}
	if id, ok := call.Fun.(*ast.Ident); ok {
		switch id.Name {
		case "print", "println", "panic", "close", "delete", "clear":
			return false // builtins without a value
		}
	}
	return true
}

// run compiles and executes one group under recover, within ctx.
func (s *Session) run(ctx context.Context, code string, node ast.Node, isValue bool, g group) (v reflect.Value, valued bool, e *Error) {
	if g.kind == importGroup {
		if e := s.resolveImports(ctx, node, s.current().out); e != nil {
			s.forgetImports(node)
			return v, false, e
		}
	}
	prog, valued, err := s.compileGroup(node, isValue, g)
	if err != nil {
		if g.kind == importGroup {
			s.forgetImports(node)
		}
		return v, false, compileError(code, err)
	}
	s.stmtAt.Store(0)
	v, err = s.execute(ctx, prog)
	if ctx.Err() != nil {
		// Interrupted, even when the program finished as the interrupt
		// came (a call watching the context returns, and the rest runs).
		s.panics.take()
		return reflect.Value{}, false, interrupted().Err
	}
	if err != nil {
		var exit exitPanic
		if errors.As(err, &exit) && exit.code == 0 && exit.msg == "" {
			// os.Exit(0): the program ended as a successful one
			// ends, its deferred calls not run (go run reports
			// nothing); the cell succeeds with what it printed.
			return reflect.Value{}, false, nil
		}
		if errors.Is(err, errGoexit) || errors.As(err, &exit) {
			return v, false, &Error{Name: "Exit", Value: err.Error(), Traceback: []string{red + bold + "Exit" + reset + ": " + err.Error()}}
		}
		var p interp.Panic
		if errors.As(err, &p) && valued && voidValue(p.Value) {
			// The final call returned nothing: yaegi compiled
			// `v := f()` and failed only when assigning. Everything ran.
			s.panics.take()
			return reflect.Value{}, false, nil
		}
		if errors.As(err, &p) {
			trace, stmt := s.panicTrace(node)
			e := withSource(s.panicError(p.Value, trace, ""), code)
			return v, false, s.locateRuntimeError(stmt, e, code)
		}
		return v, false, compileError(code, err)
	}
	return v, valued, nil
}

// compileGroup compiles a parsed group. When the group ends with a value,
// the value is first passed to the render function; if that does not
// compile (a call returning nothing or several values, like fmt.Println)
// the group is compiled as written and shows no value. When yaegi refuses
// a cell with a range statement, it is retried with every ambiguous range
// made a counted loop. The error reported is that of the cell as written.
func (s *Session) compileGroup(node ast.Node, isValue bool, g group) (*interp.Program, bool, error) {
	if isValue {
		wrapValue(node.(*ast.BlockStmt))
		if prog, err := s.compile(node); err == nil {
			return prog, true, nil
		}
		n2, _, perr := s.reparse(g)
		if perr != nil {
			return nil, false, perr
		}
		node = n2
	}
	prog, err := s.compile(node)
	if err == nil || g.kind == importGroup || !hasRange(node) {
		return prog, false, err
	}
	for _, wrap := range []bool{true, false} {
		if wrap && !isValue {
			continue
		}
		// Parsed and rewritten once, with ambiguous ranges counted:
		// rewriting the rewritten cell again doubled every function's
		// Enter/Leave (each call counted twice against the recursion
		// guard) and wrapped recover() and go statements twice.
		n3, _, perr := s.parseGroupRanges(g, false, false, true)
		if perr != nil {
			break
		}
		if wrap {
			wrapValue(n3.(*ast.BlockStmt))
		}
		if p3, err3 := s.compile(n3); err3 == nil {
			return p3, wrap, nil
		}
	}
	return nil, false, err
}

// compile compiles a node, turning a panic inside yaegi's compiler into an
// error.
func (s *Session) compile(node ast.Node) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			// A cell the interpreter cannot compile is the user's
			// problem, not the kernel's: one line in the log.
			s.opts.Log("exec: yaegi compiler panicked on a cell: %v", r)
			err = fmt.Errorf("the interpreter cannot compile this cell (%v)", r)
		}
	}()
	return s.interp.CompileAST(node)
}

// reparse parses a group again, for a second compile attempt.
func (s *Session) reparse(g group) (ast.Node, bool, error) {
	return s.parseGroup(g, false, false)
}

// forgetImports undoes the record of imports that failed to compile.
func (s *Session) forgetImports(node ast.Node) {
	f, ok := node.(*ast.File)
	if !ok {
		return
	}
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				if is, ok := sp.(*ast.ImportSpec); ok {
					path, _ := strconv.Unquote(is.Path.Value)
					if is.Name != nil && s.aliases[is.Name.Name] == path {
						delete(s.aliases, is.Name.Name)
						continue
					}
					delete(s.imports, path)
				}
			}
		}
	}
}

// hasRange reports whether n contains a range statement.
func hasRange(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.RangeStmt); ok {
			found = true
		}
		return !found
	})
	return found
}

// startedCall is `_gotrain.Started()`, the first statement of every
// statement group (see Session.execute).
func startedCall(pos token.Pos) ast.Stmt {
	return &ast.ExprStmt{X: &ast.CallExpr{Fun: &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "Started"}}, Lparen: pos, Rparen: pos}}
}

// voidValue recognises yaegi's panic when the cell's final call, wrapped to
// show its value, returned no value.
func voidValue(r any) bool {
	msg := fmt.Sprint(r)
	return strings.HasPrefix(msg, "reflect.Set: value of type ") && strings.Contains(msg, "is not assignable to type func(")
}

// singleResult reports whether a final expression may have exactly one
// value: false for calls of compiled functions or cell functions known to
// return none or several.
func (s *Session) singleResult(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return true
	}
	switch f := call.Fun.(type) {
	case *ast.SelectorExpr:
		pkg, ok := f.X.(*ast.Ident)
		if !ok {
			return true
		}
		if v, ok := s.binSymbol(pkg.Name, f.Sel.Name); ok && v.Kind() == reflect.Func {
			return v.Type().NumOut() == 1
		}
	case *ast.Ident:
		s.stateMu.Lock()
		n, ok := s.results[f.Name]
		s.stateMu.Unlock()
		if ok {
			return n == 1
		}
	}
	return true
}
