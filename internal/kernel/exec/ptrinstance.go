package exec

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/astutil"
)

// Variables of a pointer to a generic type of two or more parameters.
// In a function, yaegi v0.16.1 reads `var p *Pair[string, int]` as a
// dereference (it knows `Pair[string, int]` is a type only with one type
// argument), and its compiler dereferences nil. A function's result type
// it reads right, so the kernel declares such a variable from a function
// literal's: `var p = func() (v *Pair[string, int]) { return }()`, and
// `var p *Pair[K, V] = q` as `var p = func(v *Pair[K, V]) *Pair[K, V] { return v }(q)`.

// instancePointer reports whether t is *G[A, B, …].
func instancePointer(t ast.Expr) bool {
	star, ok := ast.Unparen(t).(*ast.StarExpr)
	if !ok {
		return false
	}
	_, ok = ast.Unparen(star.X).(*ast.IndexListExpr)
	return ok
}

// rewriteInstancePointerVars rewrites, in the function bodies of n, the
// var declarations typed as a pointer to a generic type of two or more
// parameters.
func rewriteInstancePointerVars(n ast.Node) {
	astutil.Apply(n, func(c *astutil.Cursor) bool {
		ds, ok := c.Node().(*ast.DeclStmt)
		if !ok {
			return true
		}
		gd, ok := ds.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return true
		}
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			if vs.Type == nil || !instancePointer(vs.Type) {
				continue
			}
			switch len(vs.Values) {
			case 0:
				vals := make([]ast.Expr, len(vs.Names))
				for i := range vals {
					vals[i] = zeroOf(vs.Type, vs.Names[i].Pos())
				}
				vs.Values = vals
			case len(vs.Names):
				for i, v := range vs.Values {
					vs.Values[i] = passedThrough(vs.Type, v)
				}
			default:
				continue // a call's results: left as written
			}
			vs.Type = nil
		}
		return true
	}, nil)
}

// zeroOf is `func() (v T) { return }()`.
func zeroOf(t ast.Expr, pos token.Pos) ast.Expr {
	fn := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{{NamePos: pos, Name: "v"}}, Type: t}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ReturnStmt{Return: pos}}, Rbrace: pos},
	}
	return &ast.CallExpr{Fun: fn, Lparen: pos, Rparen: pos}
}

// passedThrough is `func(v T) T { return v }(x)`.
func passedThrough(t, x ast.Expr) ast.Expr {
	pos := x.Pos()
	v := func() *ast.Ident { return &ast.Ident{NamePos: pos, Name: "v"} }
	fn := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{v()}, Type: t}}}, Results: &ast.FieldList{List: []*ast.Field{{Type: t}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{v()}}}, Rbrace: pos},
	}
	return &ast.CallExpr{Fun: fn, Lparen: pos, Args: []ast.Expr{x}, Rparen: x.End()}
}
