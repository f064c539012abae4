package exec

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Results assigned to package-level variables.
//
// yaegi v0.16.1 gives a called function the storage of a package-level
// variable it is assigned to (`count = next()`) as the storage of its
// named results, so the function saw its own result in that variable
// early — and, as named results start at their zero values
// (namedresults.go), a zero before it set it (`next` reading `count`
// after `n = count + 1` read 1, not 0, and before that 0, not the old
// count). Locals, fields and elements are given no such storage. The
// kernel assigns such a call's results through fresh variables: `count
// = next()` becomes `{ r1 := next(); count = r1 }`.

// globalResultDests finds, in the checked file f, the assignments of
// the cell whose single right-hand side is a call of a function that is
// not a compiled package's, assigned to a package-level variable, by
// the position of their first left-hand side.
func (c *checker) globalResultDests(f *ast.File, info *types.Info) map[token.Position]bool {
	out := map[token.Position]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if !ok || a.Tok != token.ASSIGN || len(a.Rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(a.Rhs[0]).(*ast.CallExpr)
		if !ok || info.Types[call.Fun].IsType() || info.Types[call.Fun].IsBuiltin() {
			return true
		}
		if fn := calleeFunc(info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() != "main" {
			return true // a compiled package's function
		}
		p := c.fset.Position(a.Pos())
		if p.Filename != cellFile {
			return true
		}
		for _, l := range a.Lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				continue
			}
			if v, ok := info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				out[key(p)] = true
			}
		}
		return true
	})
	return out
}

// calleeFunc returns the function or method a call names, if any.
func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	switch x := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[x].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		fn, _ := info.Uses[x.Sel].(*types.Func)
		return fn
	case *ast.IndexExpr:
		return calleeFunc(info, &ast.CallExpr{Fun: x.X})
	case *ast.IndexListExpr:
		return calleeFunc(info, &ast.CallExpr{Fun: x.X})
	}
	return nil
}

// resultDest reports whether the checker found a of the running cell
// to assign a call's results to a package-level variable.
func (s *Session) resultDest(a *ast.AssignStmt) bool {
	if s.std == nil || s.std.resultDests == nil {
		return false
	}
	return s.std.resultDests[key(s.interp.FileSet().Position(a.Pos()))]
}

// viaFresh assigns a's results through fresh variables: `x, y = f()`
// becomes `{ r1, r2 := f(); x, y = r1, r2 }`.
func (r *rewriter) viaFresh(a *ast.AssignStmt) ast.Stmt {
	pos := a.Pos()
	tmps := make([]ast.Expr, len(a.Lhs))
	uses := make([]ast.Expr, len(a.Lhs))
	for i := range a.Lhs {
		id := r.fresh(pos, "res")
		tmps[i], uses[i] = id, ident(id)
	}
	def := &ast.AssignStmt{Lhs: tmps, TokPos: a.TokPos, Tok: token.DEFINE, Rhs: a.Rhs}
	set := &ast.AssignStmt{Lhs: a.Lhs, TokPos: a.TokPos, Tok: token.ASSIGN, Rhs: uses}
	if r.viaFreshDone == nil {
		r.viaFreshDone = map[*ast.AssignStmt]bool{}
	}
	r.viaFreshDone[set] = true
	return &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{def, set}, Rbrace: a.End()}
}
