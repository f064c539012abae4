package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Deferred calls, evaluated at the defer statement.
//
// Go evaluates a deferred call's function value, receiver and arguments
// when the defer statement runs. yaegi v0.16.1 keeps, for an interpreted
// callee, references to the variables the arguments name and reads the
// receiver of a method when the call runs; and it runs a deferred
// function literal in the function's frame as it is at the return. So
// `defer t.show(k); k = 6` showed 6, `for _, c := range cs { defer
// c.Close() }` closed the last c each time, and a literal deferred in a
// loop saw the last iteration's variables.
//
// Storage a `:=` makes is fresh each time the statement runs, and a
// deferred call keeps a reference to the storage its argument names.
// So `defer f(a, b)` becomes `{ a1, b1 := a, b; defer f(a1, b1) }`,
// and each run of the defer statement (each iteration of a loop) holds
// its own values. The callee is left in place when it is a function
// name, a builtin or a package's function: recover, which Go allows only
// in a function the deferral calls directly, finds the panic through
// that direct call. A function value, a field, `f()` of `defer f()()`,
// and a method are taken as values first (`m := c.Close; defer m()`, the
// method value binding the receiver as Go does) — except a method whose
// name a cell method that calls recover has (its receiver stays as
// yaegi reads it). A function literal deferred in a loop that uses the
// loop's variables is made in a frame of its own at the defer statement
// (`fn := func() func() { return lit }(); defer fn()`), which keeps that
// iteration's variables (the closures of ownFrameClosures).
//
// Refused, with the workaround: a literal that calls recover deferred by
// a variable's name (`handler := func() { … recover() … }; defer
// handler()` hung the cell: yaegi holds the function's frame while its
// deferred calls run), and a literal that calls recover deferred in a
// loop and using the loop's variables (its own frame would lose the
// panic; in place it would see the last iteration).

// deferFact is what the checker found about one defer statement.
type deferFact struct {
	// hoistCallee: the callee is a value to take at the defer
	// statement (a variable, a field, a method value not named like a
	// cell method that calls recover, a call's result).
	hoistCallee bool
	// steadyRecv: the callee is a method whose receiver Go and yaegi
	// agree on unless the defer runs again (in a loop): a pointer
	// receiver named by a variable nothing assigns after its
	// declaration (`defer mu.Unlock()`). Its method value is taken only
	// in a loop.
	steadyRecv bool
	// method: the callee is a method value (its receiver is copied
	// first: yaegi's method value reads its receiver's variable).
	method bool
	// recovers: the callee is a method named like a cell method that
	// calls recover (left for yaegi to call directly).
	recovers bool
	// inline: arguments left in place (constants, untyped values, nil:
	// they take the parameter's type there).
	inline map[int]bool
	// tuple is the number of results of a lone call argument that has
	// several (0 otherwise).
	tuple int
}

// loopScope is the outermost loop a defer statement is in, within its
// function: its body and the variables its header declares.
type loopScope struct {
	body   *ast.BlockStmt
	header []string
}

// names returns the variables the loop declares: in its header and
// anywhere in its body outside function literals.
func (l *loopScope) names() map[string]bool {
	out := map[string]bool{}
	for _, n := range l.header {
		out[n] = true
	}
	ast.Inspect(l.body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				for _, e := range x.Lhs {
					if id, ok := e.(*ast.Ident); ok {
						out[id.Name] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range x.Names {
				out[id.Name] = true
			}
		case *ast.RangeStmt:
			if x.Tok == token.DEFINE {
				for _, e := range []ast.Expr{x.Key, x.Value} {
					if id, ok := e.(*ast.Ident); ok {
						out[id.Name] = true
					}
				}
			}
		case *ast.TypeSwitchStmt:
			if a, ok := x.Assign.(*ast.AssignStmt); ok {
				for _, e := range a.Lhs {
					if id, ok := e.(*ast.Ident); ok {
						out[id.Name] = true
					}
				}
			}
		}
		return true
	})
	delete(out, "_")
	return out
}

// markLoopDefers records the defer statements of a loop body, outside
// function literals, with the outermost loop they are in.
func (r *rewriter) markLoopDefers(body *ast.BlockStmt, vars ...ast.Expr) {
	var scope *loopScope
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if r.loopDefers[x] != nil {
				return true // an inner loop of one already marked
			}
			if scope == nil {
				scope = &loopScope{body: body}
				for _, v := range vars {
					if id, ok := v.(*ast.Ident); ok {
						scope.header = append(scope.header, id.Name)
					}
				}
			}
			if r.loopDefers == nil {
				r.loopDefers = map[*ast.DeferStmt]*loopScope{}
			}
			r.loopDefers[x] = scope
		}
		return true
	})
}

// deferStmt evaluates a deferred call's callee and arguments at the
// defer statement (see the comment at the top of this file).
func (r *rewriter) deferStmt(d *ast.DeferStmt) ast.Stmt {
	call := d.Call
	if isRecover(call) || r.deferDone[d] {
		return d
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if x, ok := sel.X.(*ast.Ident); ok && x.Name == rtName {
			return d // the kernel's own (guardDepth), placed where a cell's defer may be
		}
	}
	var fact deferFact
	typed := false
	if r.deferFacts != nil {
		fact, typed = r.deferFacts(d)
	}
	pos := d.Defer
	var pre []ast.Stmt
	hoist := func(what string, e ...ast.Expr) []ast.Expr {
		n := 1
		if len(e) == 1 && fact.tuple > 1 && what == "darg" {
			n = fact.tuple
		}
		lhs := make([]ast.Expr, n)
		for i := range lhs {
			lhs[i] = r.fresh(pos, what)
		}
		parenLiterals(e) // `v := []int{i}` shares the literal's storage between runs
		pre = append(pre, &ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: e, TokPos: pos})
		out := make([]ast.Expr, n)
		for i, v := range lhs {
			out[i] = ident(v.(*ast.Ident))
		}
		return out
	}
	fun := call.Fun
	var method *ast.SelectorExpr // a method called through a thunk over its receiver
	switch x := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		if loop := r.loopDefers[d]; loop != nil {
			if used := usesNames(x, loop.names()); len(used) > 0 {
				if callsRecover(x.Body) {
					r.refuse(pos, "a function literal that calls recover, deferred in a loop and using the loop's variables ("+strings.Join(used, ", ")+"), would see only the loop's last iteration in this interpreter: pass them as arguments (defer func("+used[0]+" T) { … }("+used[0]+")), or recover in one defer func() { … }() outside the loop")
					return d
				}
				fun = hoist("dfn", madeInPlace(x))[0]
			}
		}
	case *ast.Ident:
		if lit := r.recoverHandlers[d]; lit {
			r.refuse(pos, "defer "+x.Name+"(): "+x.Name+" is a function literal that calls recover; deferred by its name it hangs this interpreter (the function's frame is held while its deferred calls run): write the literal in the defer statement, defer func() { … recover() … }()")
			return d
		}
		if fact.hoistCallee {
			fun = hoist("dfn", x)[0]
		}
	case *ast.CallExpr:
		fun = hoist("dfn", x)[0]
	case *ast.SelectorExpr:
		if loop := r.loopDefers[d]; fact.recovers && loop != nil {
			if used := usesNames(&ast.FuncLit{Type: &ast.FuncType{}, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: x.X}}}}, loop.names()); len(used) > 0 {
				r.refuse(pos, "defer of the method "+x.Sel.Name+" in a loop, on a receiver of the loop ("+strings.Join(used, ", ")+"): "+x.Sel.Name+" calls recover, so this interpreter must call it directly, and then it reads the receiver when the function returns (the last iteration's): defer it once outside the loop, or recover in a defer func() { … }() there")
				return d
			}
		}
		if fact.hoistCallee && (!fact.steadyRecv || r.loopDefers[d] != nil) {
			if fact.method {
				// yaegi's method value reads the variable its receiver
				// names when it is called (the frame's, at the return):
				// the receiver goes into a variable of its own and the
				// call into a literal made in a frame of its own.
				method = &ast.SelectorExpr{X: hoist("drecv", x.X)[0], Sel: x.Sel}
			} else {
				fun = hoist("dfn", x)[0]
			}
		}
	case *ast.IndexExpr:
		if fact.hoistCallee {
			fun = hoist("dfn", x)[0]
		}
	}
	var args []ast.Expr
	for i, a := range call.Args {
		if _, isCall := a.(*ast.CallExpr); isCall && len(call.Args) == 1 && !typed {
			args = append(args, a) // it may have several results
			continue
		}
		if keepInline(a) || fact.inline[i] || (!typed && literalOnly(a)) {
			args = append(args, a)
			continue
		}
		args = append(args, hoist("darg", a)...)
	}
	if len(pre) == 0 {
		return d
	}
	ellipsis := call.Ellipsis
	if method != nil {
		thunk := &ast.FuncLit{
			Type: &ast.FuncType{Func: call.Lparen, Params: &ast.FieldList{}},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: method, Lparen: call.Lparen, Args: args, Ellipsis: ellipsis, Rparen: call.Rparen}}}, Rbrace: call.Rparen},
		}
		fun, args, ellipsis = hoist("dfn", madeInPlace(thunk))[0], nil, token.NoPos
	}
	deferred := &ast.DeferStmt{Defer: pos, Call: &ast.CallExpr{Fun: fun, Lparen: call.Lparen, Args: args, Ellipsis: ellipsis, Rparen: call.Rparen}}
	if r.deferDone == nil {
		r.deferDone = map[*ast.DeferStmt]bool{}
	}
	r.deferDone[deferred] = true
	return &ast.BlockStmt{Lbrace: pos, List: append(pre, deferred), Rbrace: call.Rparen}
}

// usesNames lists, in order of first use, the names of set that lit's
// body uses, less those its parameters and results declare (field names
// and composite-literal keys are not uses).
func usesNames(lit *ast.FuncLit, set map[string]bool) []string {
	own := map[string]bool{}
	for _, fl := range []*ast.FieldList{lit.Type.Params, lit.Type.Results} {
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			for _, n := range f.Names {
				own[n.Name] = true
			}
		}
	}
	skip := map[*ast.Ident]bool{}
	seen := map[string]bool{}
	var out []string
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			skip[x.Sel] = true
		case *ast.KeyValueExpr:
			if id, ok := x.Key.(*ast.Ident); ok {
				skip[id] = true
			}
		case *ast.Ident:
			if set[x.Name] && !own[x.Name] && !skip[x] && !seen[x.Name] {
				seen[x.Name] = true
				out = append(out, x.Name)
			}
		}
		return true
	})
	return out
}

// markRecoverHandlers records the defer statements of body (outside its
// function literals) that defer, by its name, a variable body assigns a
// function literal calling recover.
func (r *rewriter) markRecoverHandlers(body *ast.BlockStmt) {
	if body == nil || !defersCall(body) {
		return
	}
	handlers := map[string]bool{}
	note := func(lhs []*ast.Ident, rhs []ast.Expr) {
		for i, e := range rhs {
			if lit, ok := e.(*ast.FuncLit); ok && i < len(lhs) && callsRecover(lit.Body) {
				handlers[lhs[i].Name] = true
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			var ids []*ast.Ident
			for _, e := range x.Lhs {
				id, _ := e.(*ast.Ident)
				if id == nil {
					id = &ast.Ident{Name: "_"}
				}
				ids = append(ids, id)
			}
			note(ids, x.Rhs)
		case *ast.ValueSpec:
			note(x.Names, x.Values)
		}
		return true
	})
	if len(handlers) == 0 {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if id, ok := x.Call.Fun.(*ast.Ident); ok && handlers[id.Name] {
				if r.recoverHandlers == nil {
					r.recoverHandlers = map[*ast.DeferStmt]bool{}
				}
				r.recoverHandlers[x] = true
			}
		}
		return true
	})
}

// refuse keeps the first construct refused.
func (r *rewriter) refuse(pos token.Pos, msg string) {
	if r.err != nil {
		return
	}
	fset := r.fset
	if fset == nil {
		fset = token.NewFileSet()
	}
	r.err = construct(fset, pos, msg)
}

// literalOnly reports whether e is built of literals alone (an untyped
// constant such as -1 or 1<<3, which must keep its place to take the
// parameter's type).
func literalOnly(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return literalOnly(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.AND && literalOnly(x.X)
	case *ast.BinaryExpr:
		return literalOnly(x.X) && literalOnly(x.Y)
	}
	return false
}

// deferFacts finds, in the checked file f, what deferStmt needs to know
// of the cell's defer statements, by the position of their defer.
func (c *checker) deferFacts(f *ast.File, info *types.Info) map[token.Position]deferFact {
	out := map[token.Position]deferFact{}
	var recoverers map[string]bool // names of cell methods that call recover
	var assigned map[types.Object]bool
	ast.Inspect(f, func(n ast.Node) bool {
		d, ok := n.(*ast.DeferStmt)
		if !ok {
			return true
		}
		p := c.fset.Position(d.Pos())
		if p.Filename != cellFile {
			return true
		}
		if recoverers == nil {
			recoverers = map[string]bool{}
			for _, decl := range f.Decls {
				if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Body != nil && callsRecover(fd.Body) {
					recoverers[fd.Name.Name] = true
				}
			}
			assigned = assignedVars(f, info)
		}
		fact := deferFact{inline: map[int]bool{}}
		switch x := ast.Unparen(d.Call.Fun).(type) {
		case *ast.Ident:
			_, isVar := info.Uses[x].(*types.Var)
			fact.hoistCallee = isVar
		case *ast.IndexExpr:
			var under types.Type
			if t := info.Types[x.X].Type; t != nil {
				under = t.Underlying()
			}
			switch under.(type) {
			case *types.Slice, *types.Map, *types.Array, *types.Pointer:
				fact.hoistCallee = true // fs[i]() (not a generic function's instance)
			}
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[x]; ok {
				switch sel.Kind() {
				case types.FieldVal:
					fact.hoistCallee = true
				case types.MethodVal:
					fact.method = true
					fact.recovers = recoverers[x.Sel.Name]
					fact.hoistCallee = !recoverers[x.Sel.Name] && !genericReceiver(sel.Recv())
					_, ptr := sel.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer)
					if id, ok := ast.Unparen(x.X).(*ast.Ident); ok && (ptr || types.IsInterface(sel.Recv())) {
						v, isVar := info.Uses[id].(*types.Var)
						fact.steadyRecv = isVar && !assigned[v]
					}
				}
			}
		}
		for i, a := range d.Call.Args {
			tv := info.Types[a]
			if tv.Value != nil || tv.IsNil() || tv.Type == nil {
				fact.inline[i] = true
				continue
			}
			if b, ok := tv.Type.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
				fact.inline[i] = true
				continue
			}
			if t, ok := tv.Type.(*types.Tuple); ok {
				fact.tuple = t.Len()
			}
		}
		out[key(p)] = fact
		return true
	})
	return out
}

// assignedVars returns the variables of f assigned after their
// declaration (=, op=, ++, a redeclaring :=, a range with =) or whose
// address is taken.
func assignedVars(f *ast.File, info *types.Info) map[types.Object]bool {
	out := map[types.Object]bool{}
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if o := info.Uses[id]; o != nil {
				out[o] = true
			}
		}
	}
	writes(f, mark)
	return out
}

// writes calls mark with every expression n writes to or takes the
// address of: the left side of an assignment (a := that declares a
// name has it in Defs, not Uses), the operand of ++ and --, a range's
// key and value assigned with =, and the operand of &.
func writes(n ast.Node, mark func(ast.Expr)) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				mark(l)
			}
		case *ast.IncDecStmt:
			mark(x.X)
		case *ast.RangeStmt:
			if x.Tok == token.ASSIGN {
				mark(x.Key)
				if x.Value != nil {
					mark(x.Value)
				}
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				mark(x.X)
			}
		}
		return true
	})
}

// genericReceiver reports whether t is, or points to, an instance of a
// generic type (whose method values the kernel does not take).
func genericReceiver(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.TypeArgs().Len() > 0
}

// deferFact returns the checker's facts about a defer statement of the
// running cell; ok is false when the checker was not sure of the cell.
func (s *Session) deferFact(d *ast.DeferStmt) (deferFact, bool) {
	if s.std == nil || s.std.defers == nil {
		return deferFact{}, false
	}
	f, ok := s.std.defers[key(s.interp.FileSet().Position(d.Defer))]
	return f, ok
}
