package exec

import (
	"go/ast"

	"golang.org/x/tools/go/ast/astutil"
)

// Function literals in a function that defers calls.
//
// yaegi v0.16.1 runs a function's deferred calls holding its frame's
// lock, and a call of a function literal, as it returns, takes the lock
// of the frame the literal was made in. So a literal made in a function
// and called while that function's deferred calls run — `f :=
// func() {…}; defer f()`, or a deferred literal calling closures the
// function kept in a slice — waits for that lock forever: the cell hung.
// In a function whose body defers a call, the kernel makes each function
// literal that is not called on the spot in a frame of its own, `func()
// T { return lit }()`, which nothing holds once it has returned. A
// literal that calls recover is left where it is: recover finds the panic
// through the frame the literal was made in (so `handler := func() {…
// recover() …}; defer handler()` is refused, deferargs.go).

// ownFrameClosures rewrites the function literals of body (not those
// inside nested literals, which are rewritten with their own bodies) when
// body has a defer statement of its own.
func ownFrameClosures(body *ast.BlockStmt) {
	if body == nil || !defersCall(body) {
		return
	}
	astutil.Apply(body, func(c *astutil.Cursor) bool {
		lit, ok := c.Node().(*ast.FuncLit)
		if !ok {
			return true
		}
		if call, ok := c.Parent().(*ast.CallExpr); ok && c.Name() == "Fun" && call.Fun == lit {
			return false // called where it is made: defer func() {…}(), go func() {…}()
		}
		if callsRecover(lit.Body) {
			return false // recover finds the panic through the frame the literal was made in
		}
		pos := lit.Pos()
		maker := &ast.FuncLit{
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: lit.Type}}}},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{lit}}}, Rbrace: lit.End()},
		}
		c.Replace(&ast.CallExpr{Fun: maker, Lparen: lit.End(), Rparen: lit.End()})
		return false
	}, nil)
}

// callsRecover reports whether body calls recover outside its nested
// function literals.
func callsRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = found || isRecover(x)
		}
		return !found
	})
	return found
}

// defersCall reports whether body has a defer statement outside its
// nested function literals.
func defersCall(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			found = true
		}
		return !found
	})
	return found
}
