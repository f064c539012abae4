package exec

import (
	"go/ast"
	"go/token"
	"reflect"
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
// in yaegi for some types). A result whose type is an instance of a
// generic type (`(p Pair[K, V])`, `(total Stack[int])`) is zeroed in
// place by the kernel instead (`rt.Zero(&p)`): yaegi's compiler panics on
// some `var z G[K, V]` in a function. A package-level destination, which
// the function could read, is given fresh storage instead (resultdest.go).

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
		instance := namesInstance(f.Type)
		for _, name := range f.Names {
			if name.Name == "_" {
				continue
			}
			pos := name.Pos()
			if instance {
				pre = append(pre, &ast.ExprStmt{X: &ast.CallExpr{
					Fun:    &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "Zero"}},
					Lparen: pos, Args: []ast.Expr{&ast.UnaryExpr{OpPos: pos, Op: token.AND, X: ident(name)}}, Rparen: pos}})
				continue
			}
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

// rtZero is rt.Zero: it sets what p points at to its zero value.
func rtZero(p any) {
	if v := reflect.ValueOf(p); v.Kind() == reflect.Pointer && !v.IsNil() {
		v.Elem().SetZero()
	}
}
