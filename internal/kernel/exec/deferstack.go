package exec

import (
	"go/ast"
	"go/token"
)

// Deferred calls that panic.
//
// In Go, a deferred call that panics does not end the function's
// deferral: the function's remaining deferred calls still run, the new
// panic replacing the one in flight, and a later deferred call may
// recover it (recover returns the newest panic). yaegi v0.16.1 runs a
// function's deferred calls in one loop: a panic in one of them skipped
// the rest, so a later `recover` never ran, a `defer mu.Unlock()` was
// skipped, and the panic reached the caller
// (goprograms/165_panic_in_deferred_call.go).
//
// A function that may run several deferred calls (two defer statements,
// or one in a loop) keeps them, in the kernel's rewrite, on a stack of
// its own that the kernel runs as Go runs a function's deferred calls:
//
//	ds := rt.NewDefers()
//	defer func() { ds.Run(recover()) }()
//	…
//	defer f(a, b)  →  { a1, b1 := a, b; ds.Push(func() func(bool, any) {
//		return func(p bool, v any) { defer f(a1, b1); if p { panic(v) } }
//	}()) }
//
// DeferStack.Run (compiled Go) calls the pushed functions newest first,
// each with the panic in flight, and recovers what each ends with: a
// pushed function that returns normally ended the panic (its deferred
// call recovered it, or there was none); one that panics passes on the
// panic in flight or its call's own, newest. The pushed function defers
// the call itself and panics again with the value in flight, so the
// call's `recover` — in a literal, a named function or a method, which
// yaegi answers from the frame that deferred the call — finds the panic
// as Go's would. After the last call, a panic still in flight is raised
// again from the function's own deferral.
//
// Left as yaegi runs them: functions with one defer statement outside
// loops (the common `defer mu.Unlock()`, `defer f.Close()`, `defer
// func() { … recover() … }()`: nothing follows their deferred call), and
// cells the kernel's type check is not sure of (their arguments may be
// read late, see deferargs.go).

// deferStackFor gives body a stack of deferred calls when it may run
// several (see the comment at the top of this file).
func (r *rewriter) deferStackFor(body *ast.BlockStmt) {
	if body == nil || r.deferFacts == nil {
		return
	}
	var defers []*ast.DeferStmt
	inLoop := false
	var walk func(n ast.Node, loop bool)
	walk = func(n ast.Node, loop bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				if !loop {
					walk(x.Body, true)
					return false
				}
			case *ast.RangeStmt:
				if !loop {
					walk(x.Body, true)
					return false
				}
			case *ast.DeferStmt:
				if r.kernelDefer(x) {
					return false
				}
				defers = append(defers, x)
				inLoop = inLoop || loop
			}
			return true
		})
	}
	walk(body, false)
	if len(defers) == 0 || (len(defers) == 1 && !inLoop) {
		return
	}
	for _, d := range defers {
		if _, typed := r.deferFacts(d); !typed {
			return
		}
	}
	pos := body.Lbrace
	ds := r.fresh(pos, "ds")
	if r.deferStack == nil {
		r.deferStack = map[*ast.DeferStmt]*ast.Ident{}
	}
	for _, d := range defers {
		r.deferStack[d] = ds
	}
	raw := &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: "recover"}, Lparen: pos, Rparen: pos}
	if r.rawRecover == nil {
		r.rawRecover = map[*ast.CallExpr]bool{}
	}
	r.rawRecover[raw] = true
	run := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
			Fun: &ast.SelectorExpr{X: ident(ds), Sel: &ast.Ident{NamePos: pos, Name: "Run"}}, Lparen: pos, Args: []ast.Expr{raw}, Rparen: pos}}}, Rbrace: pos},
	}
	r.unguarded(run)
	deferRun := &ast.DeferStmt{Defer: pos, Call: &ast.CallExpr{Fun: run, Lparen: pos, Rparen: pos}}
	r.markDone(deferRun)
	newDefers := &ast.AssignStmt{Lhs: []ast.Expr{ds}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{&ast.CallExpr{
		Fun: &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "NewDefers"}}, Lparen: pos, Rparen: pos}}}
	body.List = append([]ast.Stmt{newDefers, deferRun}, body.List...)
}

// kernelDefer reports whether d is a defer statement the kernel wrote
// (the depth guard's, or one deferStmt already made).
func (r *rewriter) kernelDefer(d *ast.DeferStmt) bool {
	if r.deferDone[d] {
		return true
	}
	switch f := d.Call.Fun.(type) {
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == rtName
	case *ast.Ident:
		return f.Name == leaveFunc
	}
	return false
}

// markDone records a defer statement the kernel made, for deferStmt to
// leave as it is.
func (r *rewriter) markDone(d *ast.DeferStmt) {
	if r.deferDone == nil {
		r.deferDone = map[*ast.DeferStmt]bool{}
	}
	r.deferDone[d] = true
}

// unguarded records a function literal the kernel made that needs no
// depth guard (it calls no user function but through its deferred call).
func (r *rewriter) unguarded(lit *ast.FuncLit) {
	if r.noGuard == nil {
		r.noGuard = map[*ast.FuncLit]bool{}
	}
	r.noGuard[lit] = true
}

// pushDeferred turns the defer statement of s (s itself, or the last
// statement of the block deferStmt made) into a push on ds.
func (r *rewriter) pushDeferred(ds *ast.Ident, s ast.Stmt) ast.Stmt {
	d, ok := s.(*ast.DeferStmt)
	block, _ := s.(*ast.BlockStmt)
	if !ok && block != nil && len(block.List) > 0 {
		d, ok = block.List[len(block.List)-1].(*ast.DeferStmt)
	}
	if !ok {
		return s
	}
	pos := d.Defer
	inner := &ast.DeferStmt{Defer: pos, Call: d.Call}
	r.markDone(inner)
	p, v := r.fresh(pos, "dp"), r.fresh(pos, "dv")
	anyType := &ast.Ident{NamePos: pos, Name: "any"}
	fnType := &ast.FuncType{Func: pos, Params: &ast.FieldList{List: []*ast.Field{
		{Names: []*ast.Ident{p}, Type: &ast.Ident{NamePos: pos, Name: "bool"}},
		{Names: []*ast.Ident{v}, Type: anyType},
	}}}
	thunk := &ast.FuncLit{Type: fnType, Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{
		inner,
		&ast.IfStmt{If: pos, Cond: ident(p), Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{
			&ast.ExprStmt{X: &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: "panic"}, Lparen: pos, Args: []ast.Expr{ident(v)}, Rparen: pos}},
		}, Rbrace: pos}},
	}, Rbrace: d.Call.Rparen}}
	r.unguarded(thunk)
	made := madeInPlace(thunk)
	r.unguarded(made.(*ast.CallExpr).Fun.(*ast.FuncLit))
	push := &ast.ExprStmt{X: &ast.CallExpr{
		Fun:    &ast.SelectorExpr{X: ident(ds), Sel: &ast.Ident{NamePos: pos, Name: "Push"}},
		Lparen: pos, Args: []ast.Expr{made}, Rparen: d.Call.Rparen,
	}}
	if block != nil {
		block.List[len(block.List)-1] = push
		return block
	}
	return push
}

// DeferStack is a function's deferred calls as the kernel runs them
// (rt.NewDefers, see the comment at the top of this file).
type DeferStack struct {
	calls     []func(bool, any)
	raw       any  // the panic in flight, as recovered
	panicking bool // a panic is in flight
}

// rtNewDefers is rt.NewDefers.
func rtNewDefers() *DeferStack { return &DeferStack{} }

// Push adds a deferred call (run by Run, newest first).
func (d *DeferStack) Push(f func(bool, any)) { d.calls = append(d.calls, f) }

// Run runs the pushed calls, newest first, as Go runs a function's
// deferred calls; p is what the function's own deferral recovered (nil
// when the function was not panicking). A panic still in flight after
// the last call is raised again.
func (d *DeferStack) Run(p any) {
	d.raw, d.panicking = p, p != nil
	for n := len(d.calls); n > 0; n = len(d.calls) {
		f := d.calls[n-1]
		d.calls[n-1] = nil
		d.calls = d.calls[:n-1]
		d.step(f)
	}
	if d.panicking {
		panic(d.raw)
	}
}

// step runs one pushed call with the panic in flight and keeps the
// panic it ends with (none when it returns).
func (d *DeferStack) step(f func(bool, any)) {
	defer func() {
		r := recover()
		d.raw, d.panicking = r, r != nil
	}()
	var v any
	if d.panicking {
		v = rtRecovered(d.raw)
	}
	f(d.panicking, v)
}
