package exec

import (
	"go/ast"
	"go/token"
)

// Named results start at their zero values.
//
// yaegi v0.16.1 gives a called function, as the storage of its results,
// the storage of the caller's destination (`x = f()`, `s := f()` in a
// loop body, `a, b = f()`). A named result therefore started with what
// the destination held, not with its zero value: `func sum(xs []int)
// (total int) { for … { total += x }; return }` called as `s :=
// sum(row)` in a loop added each row to the last one's sum, and a
// function whose deferred call recovered a panic returned the previous
// call's results. Each function with named results now starts by
// assigning them their zero values (`var z T; n = z` — `*new(T)` fails
// in yaegi for some types). A package-level destination, which the
// function could read, is given fresh storage instead (resultdest.go).
// Results whose type is an instance of a generic type are left as they
// were: README known limits.

// namesInstance reports whether a type expression names an instance of
// a generic type.
func namesInstance(t ast.Expr) bool {
	found := false
	ast.Inspect(t, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
			found = true
		}
		return !found
	})
	return found
}

// zeroNamedResults prepends the zeroing of ft's named results to body.
func (r *rewriter) zeroNamedResults(ft *ast.FuncType, body *ast.BlockStmt) {
	if body == nil || ft.Results == nil {
		return
	}
	var pre []ast.Stmt
	for _, f := range ft.Results.List {
		if namesInstance(f.Type) {
			continue // yaegi's compiler panics on some `var z G[K, V]` in a function
		}
		for _, name := range f.Names {
			if name.Name == "_" {
				continue
			}
			pos := name.Pos()
			z := r.fresh(pos, "z")
			pre = append(pre,
				&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{z}, Type: f.Type}}}},
				&ast.AssignStmt{Lhs: []ast.Expr{ident(name)}, Tok: token.ASSIGN, Rhs: []ast.Expr{ident(z)}, TokPos: pos})
		}
	}
	if len(pre) > 0 {
		body.List = append(pre, body.List...)
	}
}
