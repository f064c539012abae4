package exec

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/gotrain/gotrain/internal/kernel/gostd"
)

// Arithmetic assigned to an interface field of a compiled struct.
//
// yaegi v0.16.1 compiles `e.Value = n * 2`, e a *list.Element (or any
// struct of a compiled package, the field of an interface type: a
// ring.Ring's Value, an os.PathError's Err) and the value an arithmetic
// operation, so that the operation writes its result in place of the
// assignment — and the function it is in ends there, silently: the
// statements after it never ran and the cell reported success. A
// conversion is not an arithmetic operation, so the checker marks such
// assignments and the value is written `T(n * 2)`, T its type.

// compiledIfaceFieldAssigns records, by the position of their `=`, the
// cell's assignments of a non-constant arithmetic value to a field of an
// interface type of a compiled package's struct, with the value's type.
func (c *checker) compiledIfaceFieldAssigns(f *ast.File, info *types.Info, conv map[token.Position]string, typeList func([]types.Type) (string, bool)) {
	ast.Inspect(f, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		sel, ok := as.Lhs[0].(*ast.SelectorExpr)
		if !ok || !compiledIfaceField(info.Selections[sel]) {
			return true
		}
		if !arithmetic(as.Rhs[0]) {
			return true
		}
		tv, ok := info.Types[as.Rhs[0]]
		if !ok || tv.Value != nil || tv.Type == nil {
			return true // a constant: yaegi assigns its value
		}
		t, ok := typeList([]types.Type{types.Default(tv.Type)})
		if !ok {
			return true
		}
		if p := c.fset.Position(as.TokPos); p.Filename == cellFile {
			conv[key(p)] = t
		}
		return true
	})
}

// compiledIfaceField reports whether a selection is a field of an
// interface type declared in a struct of a compiled package (not the
// cell's, not one gostd supplies as source).
func compiledIfaceField(s *types.Selection) bool {
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	v := s.Obj()
	if v.Pkg() == nil || v.Pkg().Path() == "main" || gostd.Whole(v.Pkg().Path()) {
		return false
	}
	return types.IsInterface(v.Type())
}

// arithmetic reports whether e (its parentheses aside) is an arithmetic
// operation yaegi would write in place: a binary operation other than a
// comparison or a logical one, or a unary -, +, ^.
func arithmetic(e ast.Expr) bool {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			return false
		}
		return true
	case *ast.UnaryExpr:
		return x.Op == token.SUB || x.Op == token.ADD || x.Op == token.XOR
	}
	return false
}

// convertFieldAssigns writes the values of the assignments
// compiledIfaceFieldAssigns marked as conversions to their types.
func convertFieldAssigns(n ast.Node, fset *token.FileSet, conv map[token.Position]string) {
	if len(conv) == 0 {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return true
		}
		t, ok := conv[key(fset.Position(as.TokPos))]
		if !ok {
			return true
		}
		if call, ok := parseExpr(fset, "("+t+")(_)", as.Rhs[0].Pos()).(*ast.CallExpr); ok {
			call.Args[0] = as.Rhs[0]
			as.Rhs[0] = call
		}
		return true
	})
}
