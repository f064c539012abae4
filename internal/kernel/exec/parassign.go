package exec

import (
	"go/ast"
	"go/token"
)

// Parallel assignments whose right-hand side holds a call, a receive or
// a composite literal.
//
// yaegi v0.16.1 compiles `=` with two or more pairs one pair at a time
// and lets a call, a receive or a composite literal store its value
// straight into its destination by turning the whole statement's own
// assignment off: every other pair of the statement is then never
// assigned. `out, l = append(out, l[0]), l[1:]` (the merge step of a
// merge sort) left l as it was — the loop never ended — and
// `a, b = two(), 9` left b unchanged, silently. The kernel evaluates
// such operands into fresh variables first, in their order, and assigns
// the statement from them: `out, l = append(out, l[0]), l[1:]` becomes
// `{ p1 := append(out, l[0]); out, l = p1, l[1:] }`, whose right-hand
// side holds none of them.

// storesDirectly reports whether yaegi lets e store its value straight
// into an assignment's destination: a call (conversions and built-ins
// included), a receive or a composite literal.
func storesDirectly(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr, *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		return x.Op == token.ARROW
	}
	return false
}

// parallelDirect reports whether a is a parallel assignment yaegi would
// assign only part of.
func parallelDirect(a *ast.AssignStmt) bool {
	if a.Tok != token.ASSIGN || len(a.Lhs) < 2 || len(a.Lhs) != len(a.Rhs) {
		return false
	}
	for _, e := range a.Rhs {
		if storesDirectly(e) {
			return true
		}
	}
	return false
}

// viaOperands evaluates a's calls, receives and composite literals into
// fresh variables, in order, and assigns a from them.
func (r *rewriter) viaOperands(a *ast.AssignStmt) ast.Stmt {
	pos := a.Pos()
	var list []ast.Stmt
	rhs := make([]ast.Expr, len(a.Rhs))
	for i, e := range a.Rhs {
		rhs[i] = e
		if !storesDirectly(e) {
			continue
		}
		id := r.fresh(e.Pos(), "par")
		list = append(list, &ast.AssignStmt{Lhs: []ast.Expr{id}, TokPos: e.Pos(), Tok: token.DEFINE, Rhs: []ast.Expr{e}})
		rhs[i] = ident(id)
	}
	set := &ast.AssignStmt{Lhs: a.Lhs, TokPos: a.TokPos, Tok: token.ASSIGN, Rhs: rhs}
	return &ast.BlockStmt{Lbrace: pos, List: append(list, set), Rbrace: a.End()}
}

// selectAssign turns a select case that receives into variables
// declared elsewhere, `case b = <-ch:`, into one that declares fresh
// ones and assigns them first thing in the case: `case p1 := <-ch: b =
// p1`. yaegi v0.16.1 panicked at such a case ("reflect.Select: invalid
// Dir"; Effective Go's leaky buffer, `case b = <-freeList:`).
func (r *rewriter) selectAssign(c *ast.CommClause) {
	a, ok := c.Comm.(*ast.AssignStmt)
	if !ok || a.Tok != token.ASSIGN || len(a.Rhs) != 1 {
		return
	}
	if u, ok := ast.Unparen(a.Rhs[0]).(*ast.UnaryExpr); !ok || u.Op != token.ARROW {
		return
	}
	tmps := make([]ast.Expr, len(a.Lhs))
	uses := make([]ast.Expr, 0, len(a.Lhs))
	dests := make([]ast.Expr, 0, len(a.Lhs))
	for i, l := range a.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
			tmps[i] = &ast.Ident{NamePos: id.Pos(), Name: "_"}
			continue
		}
		id := r.fresh(l.Pos(), "recv")
		tmps[i] = id
		uses = append(uses, ident(id))
		dests = append(dests, l)
	}
	if len(dests) == 0 {
		return
	}
	c.Comm = &ast.AssignStmt{Lhs: tmps, TokPos: a.TokPos, Tok: token.DEFINE, Rhs: a.Rhs}
	set := &ast.AssignStmt{Lhs: dests, TokPos: a.TokPos, Tok: token.ASSIGN, Rhs: uses}
	c.Body = append([]ast.Stmt{set}, c.Body...)
}

// callCondWithElse turns the condition of `if f(x) { … } else { … }`
// into `f(x) == true`. yaegi v0.16.1 took the first branch of such a
// statement whatever the call answered when the else branch was a bare
// `return` (a heap sort's sift-down, `if a.Less(root, child) { a.Swap(…);
// root = child } else { return }`, swapped where it should have
// stopped, silently); a comparison is branched on correctly.
func callCondWithElse(s *ast.IfStmt) {
	if s.Else == nil {
		return
	}
	call, ok := ast.Unparen(s.Cond).(*ast.CallExpr)
	if !ok {
		return
	}
	s.Cond = &ast.BinaryExpr{X: call, OpPos: call.End(), Op: token.EQL, Y: &ast.Ident{NamePos: call.End(), Name: "true"}}
}
