package exec

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
	"strings"
)

// rewriter closes yaegi v0.16.1's gaps with Go 1.22+ in a parsed cell:
//   - `for i := range n` over an integer becomes a counted loop (yaegi's
//     compiler panics on it);
//   - loop variables get a per-iteration copy when closures or goroutines
//     could capture them, as Go 1.22 specifies;
//   - `go f(args)` becomes a goroutine that recovers a panic and reports it
//     as the cell's error instead of killing the process;
//   - a composite literal assigned to a variable is parenthesized:
//     yaegi v0.16.1 builds `p = P{1, 2}` in fresh storage for p, so a
//     pointer taken before (`q := &p`, a method value of a pointer
//     receiver) no longer sees p; and `var e error = E{…}` held a value
//     whose methods could not be called ("reflect: Method index out of
//     range") (parenLiterals);
//   - an unexported field of a struct type gets the tags `json:"-"`
//     and `xml:"-"`: yaegi v0.16.1 makes such fields exported in the
//     struct type it builds (`secret` becomes `Xsecret`), so
//     encoding/json and encoding/xml wrote them (hideUnexported);
//   - an embedded field of a struct type of two or more fields gets the
//     tag `gotrain:"embedded"`, which the runtime's Embedded reads to
//     show encoding/json and encoding/xml the embedding yaegi leaves out
//     (codecembed.go);
//   - a labelled break or continue directly in a select case is nested
//     in `if true { … }`, which yaegi then takes to the labelled loop
//     (nestSelectBranches);
//   - unnamed parameters are named _ (nameParams);
//   - a function literal passed as an argument in a loop body is made
//     where it is passed, so a compiled function keeping it sees that
//     iteration's variables (closureArgsInLoop);
//   - a deferred call takes its function value, receiver and arguments
//     at the defer statement, and a literal deferred in a loop its
//     iteration's variables (deferargs.go);
//   - a function that may run several deferred calls runs them as Go
//     does when one of them panics: the rest still run and a later
//     recover sees the newest panic (deferstack.go);
//   - named results start at their zero values (namedresults.go);
//   - a call's results assigned to a package-level variable go through
//     fresh variables, which yaegi cannot give the callee as its
//     results' storage (resultdest.go);
//   - in a function that defers a call, function literals are made in a
//     frame of their own, so a deferred call may call them without
//     yaegi's frame lock hanging the cell (ownFrameClosures);
//   - every function starts with `rt.Enter(); defer rt.Leave()` (through
//     interpreted wrappers, see guardDepth), which
//     turns runaway recursion into a panic before Go's stack limit kills
//     the process (a fatal error no recover can catch).
type rewriter struct {
	// isInt reports whether a range operand is known to be an integer.
	isInt func(ast.Expr) bool
	// typed reports whether the checker typed a range operand, and
	// whether as an integer.
	typed func(ast.Expr) (bool, bool)
	// chanValues reports whether a range operand holds channels
	// (rangechan.go).
	chanValues func(ast.Expr) bool
	// strValues reports whether a range operand is a string ranged with
	// a value variable (rangestring.go).
	strValues func(ast.Expr) bool
	// anyRange makes every range over an expression not known to be a
	// slice, map, string, channel or function an integer loop (the retry
	// after yaegi refused the cell).
	anyRange bool
	n        int // counter for fresh names
	// fset places go statements in the cell (for their goroutines' labels).
	fset *token.FileSet
	// guarded are the go statements goStmt made, not to be wrapped again.
	guarded map[*ast.GoStmt]bool
	// compiledPkg reports whether a name is a compiled package the
	// session imported; loopDefers are the defer statements in loop
	// bodies, each with its outermost loop (deferargs.go); deferFacts
	// are the checker's facts about a defer statement, ok false when
	// the checker was not sure of the cell; err is the first construct
	// refused.
	compiledPkg func(string) bool
	loopDefers  map[*ast.DeferStmt]*loopScope
	deferFacts  func(*ast.DeferStmt) (deferFact, bool)
	// resultDest reports whether an assignment gives a call's results
	// to a package-level variable (resultdest.go).
	resultDest func(*ast.AssignStmt) bool
	// viaFreshDone are the assignments viaFresh made.
	viaFreshDone map[*ast.AssignStmt]bool
	// recoverHandlers are the defer statements deferring, by name, a
	// literal that calls recover (refused, deferargs.go).
	recoverHandlers map[*ast.DeferStmt]bool
	deferDone       map[*ast.DeferStmt]bool // the defer statements deferStmt made
	// deferStack names, for the defer statements of a function that may
	// run several deferred calls, the stack they go on; rawRecover are
	// the recover calls the kernel wrote for it, left as they are;
	// noGuard the literals it wrote, which need no depth guard
	// (deferstack.go).
	deferStack map[*ast.DeferStmt]*ast.Ident
	rawRecover map[*ast.CallExpr]bool
	noGuard    map[*ast.FuncLit]bool
	err        error
}

// fresh returns a new identifier no cell can spell by accident.
func (r *rewriter) fresh(pos token.Pos, what string) *ast.Ident {
	r.n++
	return &ast.Ident{NamePos: pos, Name: fmt.Sprintf("_gotrain_%s%d", what, r.n)}
}

// rewrite changes n in place.
func (r *rewriter) rewrite(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			if x.Body != nil {
				nameParams(x.Recv)
				nameParams(x.Type.Params)
				r.markRecoverHandlers(x.Body)
				ownFrameClosures(x.Body)
				r.zeroNamedResults(x.Type, x.Body)
				guardDepth(x.Body, false)
				r.deferStackFor(x.Body)
			}
		case *ast.FuncLit:
			nameParams(x.Type.Params)
			r.markRecoverHandlers(x.Body)
			ownFrameClosures(x.Body)
			r.zeroNamedResults(x.Type, x.Body)
			if !r.noGuard[x] {
				guardDepth(x.Body, x.Type.Results.NumFields() > 1)
			}
			r.deferStackFor(x.Body)
		case *ast.BlockStmt:
			r.stmts(x.List)
		case *ast.CaseClause:
			r.stmts(x.Body)
		case *ast.IfStmt:
			callCondWithElse(x)
		case *ast.CommClause:
			r.selectAssign(x)
			r.stmts(x.Body)
			nestSelectBranches(x)
		case *ast.StructType:
			hideUnexported(x)
			markEmbedded(x)
		case *ast.ValueSpec:
			if x.Type != nil {
				parenLiterals(x.Values)
			}
		case *ast.AssignStmt:
			if x.Tok == token.ASSIGN {
				parenLiterals(x.Rhs)
			}
		case *ast.CallExpr:
			if isRecover(x) {
				if !r.rawRecover[x] {
					recovered(x)
				}
				return false
			}
		}
		return true
	})
}

// stmts rewrites the statements of one list in place (before Inspect
// descends into them).
func (r *rewriter) stmts(list []ast.Stmt) {
	for i, s := range list {
		list[i] = r.stmt(s)
	}
}

func (r *rewriter) stmt(s ast.Stmt) ast.Stmt {
	switch x := s.(type) {
	case *ast.LabeledStmt:
		inner := r.stmt(x.Stmt)
		if b, ok := inner.(*ast.BlockStmt); ok && len(b.List) == 2 {
			if loop, ok := b.List[1].(*ast.ForStmt); ok && x.Stmt != inner {
				// A range over an int became { lim := n; for … }: the
				// label belongs to the loop, not to the block.
				x.Stmt = loop
				b.List[1] = x
				return b
			}
		}
		x.Stmt = inner
	case *ast.GoStmt:
		if !r.guarded[x] {
			return r.goStmt(x)
		}
	case *ast.AssignStmt:
		if x.Tok == token.ASSIGN && r.resultDest != nil && !r.viaFreshDone[x] && r.resultDest(x) {
			return r.viaFresh(x)
		}
		if parallelDirect(x) {
			return r.viaOperands(x)
		}
	case *ast.DeferStmt:
		if ds := r.deferStack[x]; ds != nil {
			return r.pushDeferred(ds, r.deferStmt(x))
		}
		return r.deferStmt(x)
	case *ast.RangeStmt:
		r.markLoopDefers(x.Body, x.Key, x.Value)
		closureArgsInLoop(x.Body)
		if r.rangesOverInt(x.X) {
			return r.intRange(x)
		}
		if r.strValues != nil && r.strValues(x.X) {
			return r.stringRange(x)
		}
		if r.chanValues != nil && x.Value != nil && r.chanValues(x.X) {
			r.chanValueRange(x)
		}
		if x.Tok == token.DEFINE && capturesLoopVars(x.Body) {
			r.copyPerIteration(x.Body, x.Key, x.Value)
		}
	case *ast.ForStmt:
		var vars []ast.Expr
		if a, ok := x.Init.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
			vars = a.Lhs
		}
		r.markLoopDefers(x.Body, vars...)
		closureArgsInLoop(x.Body)
		if a, ok := x.Init.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && capturesLoopVars(x.Body) && !assigns(x.Body, a.Lhs) {
			r.copyPerIteration(x.Body, a.Lhs...)
		}
	}
	return s
}

// rangesOverInt reports whether a range operand should become a count.
func (r *rewriter) rangesOverInt(e ast.Expr) bool {
	if r.isInt != nil && r.isInt(e) {
		return true
	}
	if r.typed != nil {
		if _, ok := r.typed(e); ok {
			return false // the checker says it is not an integer
		}
	}
	if !r.anyRange {
		return false
	}
	switch x := e.(type) {
	case *ast.CompositeLit, *ast.FuncLit, *ast.SliceExpr:
		return false
	case *ast.BasicLit:
		return x.Kind == token.INT
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && (id.Name == "make" || id.Name == "append") {
			return false
		}
	}
	return true
}

// intRange turns `for k := range n { body }` into
// `{ lim := n; for k := lim - lim; k < lim; k++ { k := k; body } }`,
// keeping n's type for k and evaluating n once.
func (r *rewriter) intRange(x *ast.RangeStmt) ast.Stmt {
	pos := x.For
	lim := r.fresh(pos, "n")
	key, _ := x.Key.(*ast.Ident)
	assign := x.Tok == token.ASSIGN
	if key == nil || key.Name == "_" {
		key, assign = &ast.Ident{NamePos: pos, Name: "_"}, true
	}
	// The counter has its own name: the body gets a copy of it under the
	// cell's name, per iteration, so changing it in the body cannot
	// change the count (as in Go).
	counter := r.fresh(pos, "i")
	body := x.Body
	tok := token.DEFINE
	if assign { // `for k = range n` assigns an outer variable
		tok = token.ASSIGN
	}
	body.List = append([]ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{ident(key)}, Tok: tok, Rhs: []ast.Expr{ident(counter)}, TokPos: pos}}, body.List...)
	loop := &ast.ForStmt{
		For:  pos,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{ident(counter)}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.BinaryExpr{X: ident(lim), Op: token.SUB, Y: ident(lim), OpPos: pos}}, TokPos: pos},
		Cond: &ast.BinaryExpr{X: ident(counter), Op: token.LSS, Y: ident(lim), OpPos: pos},
		Post: &ast.IncDecStmt{X: ident(counter), Tok: token.INC, TokPos: pos},
		Body: body,
	}
	return &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{lim}, Tok: token.DEFINE, Rhs: []ast.Expr{x.X}, TokPos: pos},
		loop,
	}, Rbrace: x.Body.Rbrace}
}

func ident(id *ast.Ident) *ast.Ident { return &ast.Ident{NamePos: id.NamePos, Name: id.Name} }

// goStmt turns `go f(a, b)` into `{ cell := rt.Cell(); a1, b1 := a, b;
// go func() { g := rt.GoStart(cell, "cell:L:C"); defer func() {
// recover-and-report(cell); rt.GoEnd(g) }(); f(a1, b1) }() }`: arguments
// are still evaluated before the goroutine starts, a panic is reported as
// the starting cell's (gopanic.go), and what the goroutine prints once
// that cell has finished is labelled with it (goroutines.go).
func (r *rewriter) goStmt(g *ast.GoStmt) ast.Stmt {
	pos := g.Go
	call := g.Call
	cell := r.fresh(pos, "cell")
	pre := []ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{cell}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{&ast.CallExpr{
		Fun: &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "Cell"}}, Lparen: pos, Rparen: pos}}}}
	args := make([]ast.Expr, len(call.Args))
	for i, a := range call.Args {
		if keepInline(a) {
			args[i] = a
			continue
		}
		v := r.fresh(pos, "arg")
		pre = append(pre, &ast.AssignStmt{Lhs: []ast.Expr{v}, Tok: token.DEFINE, Rhs: []ast.Expr{a}, TokPos: pos})
		args[i] = ident(v)
	}
	gid := r.fresh(pos, "g")
	where := "cell"
	if r.fset != nil {
		p := r.fset.Position(pos)
		where = fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
	}
	start := &ast.AssignStmt{Lhs: []ast.Expr{gid}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{&ast.CallExpr{
		Fun:  &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "GoStart"}},
		Args: []ast.Expr{ident(cell), &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(where)}}, Lparen: pos, Rparen: pos}}}
	end := &ast.ExprStmt{X: &ast.CallExpr{
		Fun:  &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "GoEnd"}},
		Args: []ast.Expr{ident(gid)}, Lparen: pos, Rparen: pos}}
	rec := r.fresh(pos, "r")
	guard := &ast.DeferStmt{Defer: pos, Call: &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.IfStmt{
			If:   pos,
			Init: &ast.AssignStmt{Lhs: []ast.Expr{rec}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: "recover"}}}, TokPos: pos},
			Cond: &ast.BinaryExpr{X: ident(rec), Op: token.NEQ, Y: &ast.Ident{NamePos: pos, Name: "nil"}, OpPos: pos},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
				Fun:  &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "GoPanic"}},
				Args: []ast.Expr{ident(rec), ident(cell)},
			}}}},
		}, end}},
	}}}
	inner := &ast.CallExpr{Fun: call.Fun, Lparen: call.Lparen, Args: args, Ellipsis: call.Ellipsis, Rparen: call.Rparen}
	wrapped := &ast.GoStmt{Go: pos, Call: &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{start, guard, &ast.ExprStmt{X: inner}}, Rbrace: call.Rparen},
	}, Lparen: call.Rparen, Rparen: call.Rparen}}
	if r.guarded == nil {
		r.guarded = map[*ast.GoStmt]bool{}
	}
	r.guarded[wrapped] = true
	return &ast.BlockStmt{Lbrace: pos, List: append(pre, wrapped), Rbrace: call.Rparen}
}

// keepInline reports whether a go statement's argument can be left where it
// is: constants, nil and function literals cannot change before the
// goroutine runs (and an untyped nil cannot be assigned with :=).
func keepInline(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.Ident:
		return x.Name == "nil" || x.Name == "true" || x.Name == "false"
	}
	return false
}

// capturesLoopVars reports whether a loop body could keep a reference to
// its loop variables past the iteration: a closure, a goroutine, a defer or
// an address-of.
func capturesLoopVars(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			found = true
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				found = true
			}
		}
		return !found
	})
	return found
}

// assigns reports whether body assigns to any of the names (then a copy
// would change the loop's meaning).
func assigns(body *ast.BlockStmt, names []ast.Expr) bool {
	set := map[string]bool{}
	for _, n := range names {
		if id, ok := n.(*ast.Ident); ok {
			set[id.Name] = true
		}
	}
	found := false
	hit := func(e ast.Expr) {
		if id, ok := e.(*ast.Ident); ok && set[id.Name] {
			found = true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				hit(l)
			}
		case *ast.IncDecStmt:
			hit(x.X)
		}
		return !found
	})
	return found
}

// copyPerIteration gives each named loop variable a per-iteration copy
// under a fresh name, and makes body use it: `body` becomes
// `v1 := v; body[v→v1]`. (yaegi's `v := v` in a loop body shares storage
// with the loop variable, so the copy needs its own name.) A variable the
// body declares again is left alone.
func (r *rewriter) copyPerIteration(body *ast.BlockStmt, vars ...ast.Expr) {
	var pre []ast.Stmt
	for _, v := range vars {
		id, ok := v.(*ast.Ident)
		if v == nil || !ok || id.Name == "_" || declares(body, id.Name) {
			continue
		}
		cp := r.fresh(id.NamePos, "lv")
		renameIdent(body, id.Name, cp.Name)
		pre = append(pre, &ast.AssignStmt{Lhs: []ast.Expr{cp}, Tok: token.DEFINE, Rhs: []ast.Expr{ident(id)}, TokPos: id.NamePos})
	}
	body.List = append(pre, body.List...)
}

// declares reports whether n declares name anywhere (then renaming it
// would be wrong).
func declares(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				for _, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == name {
						found = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range x.Names {
				found = found || id.Name == name
			}
		case *ast.Field:
			for _, id := range x.Names {
				found = found || id.Name == name
			}
		case *ast.TypeSpec:
			found = found || x.Name.Name == name
		case *ast.RangeStmt:
			if x.Tok == token.DEFINE {
				for _, e := range []ast.Expr{x.Key, x.Value} {
					if id, ok := e.(*ast.Ident); ok && id.Name == name {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// renameIdent renames uses of a variable in n; selectors' field names and
// composite-literal keys are field names, not uses, and are kept.
func renameIdent(n ast.Node, from, to string) {
	skip := map[*ast.Ident]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			skip[x.Sel] = true
		case *ast.CompositeLit:
			for _, e := range x.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						skip[id] = true
					}
				}
			}
		case *ast.Ident:
			if x.Name == from && !skip[x] {
				x.Name = to
			}
		}
		return true
	})
}

// intKinds are the reflect kinds a range-over-int operand may have.
func isIntKind(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// A function literal with several results gets its depth guard through
// interpreted wrappers of rt.Enter and rt.Leave (defined in
// renderPrelude): yaegi v0.16.1 mis-assigns the results of such a literal
// that refers to a compiled function when a top-level closure calls it
// ("reflect.Set: value of type int is not assignable to type func()").
// Other functions call rt directly: the wrappers cost an interpreted call
// each (fib(20) took 64 ms with them, 39 ms without, 2-core VM).
const (
	enterFunc = "_gotrainEnter"
	leaveFunc = "_gotrainLeave"
)

// nameParams names unnamed parameters (and an unnamed receiver) _: in a
// function whose body begins with guardDepth's deferred call, yaegi
// v0.16.1 stores that call where an unnamed parameter's value goes
// (`func (n Num) Eval(map[string]float64) float64` panicked: "reflect.Set:
// value of type map[string]float64 is not assignable to type func()").
func nameParams(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		if len(f.Names) == 0 {
			f.Names = []*ast.Ident{{NamePos: f.Type.Pos(), Name: "_"}}
		}
	}
}

// guardDepth starts a function body with `rt.Enter(); defer rt.Leave()`,
// or with the interpreted wrappers when wrapped.
func guardDepth(body *ast.BlockStmt, wrapped bool) {
	pos := body.Lbrace
	call := func(name, wrapper string) *ast.CallExpr {
		if wrapped {
			return &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: wrapper}, Lparen: pos, Rparen: pos}
		}
		return &ast.CallExpr{Fun: &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: name}}, Lparen: pos, Rparen: pos}
	}
	body.List = append([]ast.Stmt{&ast.ExprStmt{X: call("Enter", enterFunc)}, &ast.DeferStmt{Defer: pos, Call: call("Leave", leaveFunc)}}, body.List...)
}

// isRecover reports whether call is `recover()`.
func isRecover(call *ast.CallExpr) bool {
	id, ok := call.Fun.(*ast.Ident)
	return ok && id.Name == "recover" && len(call.Args) == 0
}

// recovered makes `recover()` `rt.Recovered(recover())`, which unwraps
// the value yaegi recovers (rtRecovered).
func recovered(call *ast.CallExpr) {
	pos := call.Pos()
	inner := &ast.CallExpr{Fun: call.Fun, Lparen: call.Lparen, Rparen: call.Rparen}
	call.Fun = &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "Recovered"}}
	call.Args = []ast.Expr{inner}
}

// parenLiterals parenthesizes the composite literals of an assignment's
// right-hand side, which makes yaegi copy the value into the variable's
// storage instead of replacing that storage.
func parenLiterals(rhs []ast.Expr) {
	for i, x := range rhs {
		if lit, ok := x.(*ast.CompositeLit); ok {
			rhs[i] = &ast.ParenExpr{Lparen: lit.Pos(), X: lit, Rparen: lit.End()}
		}
	}
}

// hideUnexported tags the unexported, not embedded fields of a struct
// type `json:"-"` and `xml:"-"`, each unless their tag already has that
// key.
func hideUnexported(st *ast.StructType) {
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 || ast.IsExported(f.Names[0].Name) {
			continue
		}
		tag := ""
		if f.Tag != nil {
			tag, _ = strconv.Unquote(f.Tag.Value)
		}
		added := false
		for _, k := range []string{"json", "xml"} {
			if _, ok := reflect.StructTag(tag).Lookup(k); !ok {
				tag, added = strings.TrimSpace(tag+" "+k+`:"-"`), true
			}
		}
		if !added {
			continue
		}
		pos := f.Names[0].End()
		if f.Tag != nil {
			pos = f.Tag.Pos()
		}
		f.Tag = &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(tag)}
	}
}
