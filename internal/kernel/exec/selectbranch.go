package exec

import (
	"go/ast"
	"go/token"
)

// Labelled branches in select cases. yaegi v0.16.1 takes `break L` or
// `continue L` written directly in a select case's statements as ending
// the select only: the labelled loop goes on, so `for { select { case
// <-timeout: break loop … } }` never ends and the cell hangs. The same
// statement one block deeper is right, so each such statement becomes
// `if true { break L }`; a branch without a label (which does end the
// select) and one already nested in a block are left as they are.
func nestSelectBranches(c *ast.CommClause) {
	for i, s := range c.Body {
		b, ok := s.(*ast.BranchStmt)
		if !ok || b.Label == nil || (b.Tok != token.BREAK && b.Tok != token.CONTINUE) {
			continue
		}
		c.Body[i] = &ast.IfStmt{
			If:   b.Pos(),
			Cond: &ast.Ident{NamePos: b.Pos(), Name: "true"},
			Body: &ast.BlockStmt{Lbrace: b.Pos(), List: []ast.Stmt{b}, Rbrace: b.End()},
		}
	}
}
