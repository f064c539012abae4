package exec

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 fails to compile a multi-value definition in a nested
// block at top level (outside any function): in a cell,
// `for … { c, err := f(k) }` or `{ c, err := f() }` gives "undefined: err".
// Inside a function the same code compiles. So a top-level compound
// statement holding such a definition runs as `func() { stmt }()`: its
// names were local to it anyway, and the cell's variables are globals the
// closure shares. Statements that leave the enclosing scope (return, goto,
// a labelled break or continue to an outer label) are left as they are.

// wrapNested applies that rewrite to a statement group's top-level list.
func wrapNested(body *ast.BlockStmt) {
	for i, st := range body.List {
		switch st.(type) {
		case *ast.BlockStmt, *ast.ForStmt, *ast.RangeStmt, *ast.IfStmt,
			*ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.LabeledStmt:
		default:
			continue
		}
		if !nestedMultiDefine(st) || leavesScope(st) {
			continue
		}
		body.List[i] = &ast.ExprStmt{X: &ast.CallExpr{
			Fun: &ast.FuncLit{
				Type: &ast.FuncType{Params: &ast.FieldList{}},
				Body: &ast.BlockStmt{List: []ast.Stmt{st}},
			},
		}}
	}
}

// nestedMultiDefine reports whether st (outside function literals) defines
// several names from one multi-value expression, the shape yaegi misses.
func nestedMultiDefine(st ast.Stmt) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE && len(x.Lhs) > 1 && len(x.Rhs) == 1 {
				found = true
			}
		case *ast.ValueSpec:
			if len(x.Names) > 1 && len(x.Values) == 1 {
				found = true
			}
		}
		return !found
	})
	return found
}

// leavesScope reports whether st holds a return or goto, or a break or
// continue naming a label st does not define, outside function literals:
// inside a closure those would mean something else.
func leavesScope(st ast.Stmt) bool {
	labels := map[string]bool{}
	ast.Inspect(st, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			labels[l.Label.Name] = true
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			switch {
			case x.Tok == token.GOTO || x.Tok == token.FALLTHROUGH:
				found = found || x.Tok == token.GOTO
			case x.Label != nil && !labels[x.Label.Name]:
				found = true
			}
		}
		return !found
	})
	return found
}
