package exec

import (
	"go/ast"

	"golang.org/x/tools/go/ast/astutil"
)

// Function literals passed as arguments in a loop body.
//
// yaegi v0.16.1 makes a function literal passed straight to a compiled
// function (`wg.Go(func() {…})`, `m.Store(k, func() int {…})`,
// `time.AfterFunc(d, func() {…})`) over the frame of the function it is
// made in as that frame is when the literal runs, not as it was when the
// literal was made (other literals get a copy of the frame). In a loop
// body the per-iteration variables (loop variables, variables declared in
// the body) are new each iteration, so a literal the compiled function
// kept and ran later saw the last iteration's: `for i := range 4 {
// wg.Go(func() { t[i] = i * i }) }` filled only t[3]. In a loop body, the
// kernel makes each such literal where it is passed, `func() T { return
// lit }()`, which copies the frame then.
//
// closureArgsInLoop rewrites the literals passed as arguments in body (a
// loop's), not those inside nested literals (their own loops are
// rewritten with them).
func closureArgsInLoop(body *ast.BlockStmt) {
	if body == nil {
		return
	}
	astutil.Apply(body, func(c *astutil.Cursor) bool {
		lit, ok := c.Node().(*ast.FuncLit)
		if !ok {
			return true
		}
		if call, ok := c.Parent().(*ast.CallExpr); ok && c.Name() == "Args" && !isBuiltinCall(call) {
			c.Replace(madeInPlace(lit))
		}
		return false
	}, nil)
}

// madeInPlace returns `func() T { return lit }()`, T being lit's type.
func madeInPlace(lit *ast.FuncLit) ast.Expr {
	pos := lit.Pos()
	maker := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: lit.Type}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{lit}}}, Rbrace: lit.End()},
	}
	return &ast.CallExpr{Fun: maker, Lparen: lit.End(), Rparen: lit.End()}
}

// isBuiltinCall reports whether call names a builtin that only stores or
// drops its arguments (append keeps a literal as interpreted code made it).
func isBuiltinCall(call *ast.CallExpr) bool {
	id, ok := call.Fun.(*ast.Ident)
	return ok && (id.Name == "append" || id.Name == "panic" || id.Name == "print" || id.Name == "println")
}
