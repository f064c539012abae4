package exec

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Ranges over collections of channels. yaegi v0.16.1 decides whether a
// range is over a channel by looking at its second child, which for
// `for _, c := range chans` is the value variable c, of channel type: it
// then ranges over chans as if it were a channel ("reflect: call of
// reflect.Value.Len on int Value"). When the checker says a range's value
// is a channel and its operand a slice, array or map named without a
// call, the value is read by index instead:
//
//	for i, c := range chans { body } → for i := range chans { c := chans[i]; body }

// chanValueRanges marks, by the position of their operand, the ranges
// the rewrite applies to.
func (c *checker) chanValueRanges(f *ast.File, info *types.Info, marks map[token.Position]bool) {
	ast.Inspect(f, func(n ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok || rs.Value == nil || rs.Tok != token.DEFINE || !callFree(rs.X) {
			return true
		}
		p := c.fset.Position(rs.X.Pos())
		if p.Filename != cellFile {
			return true
		}
		t := info.TypeOf(rs.X)
		if t == nil {
			return true
		}
		var elem types.Type
		switch u := t.Underlying().(type) {
		case *types.Slice:
			elem = u.Elem()
		case *types.Array:
			elem = u.Elem()
		case *types.Map:
			elem = u.Elem()
		case *types.Pointer:
			if a, ok := u.Elem().Underlying().(*types.Array); ok {
				elem = a.Elem()
			}
		}
		if elem == nil {
			return true
		}
		if _, isChan := elem.Underlying().(*types.Chan); isChan {
			marks[key(p)] = true
		}
		return true
	})
}

// callFree reports whether evaluating e twice is the same as once: a
// name, or selectors and dereferences of one.
func callFree(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return callFree(x.X)
	case *ast.ParenExpr:
		return callFree(x.X)
	case *ast.StarExpr:
		return callFree(x.X)
	}
	return false
}

// chanValueRange makes the value of a marked range an index expression
// read at the start of the body.
func (r *rewriter) chanValueRange(x *ast.RangeStmt) {
	pos := x.For
	k, ok := x.Key.(*ast.Ident)
	if !ok || k.Name == "_" {
		k = r.fresh(pos, "k")
		x.Key = k
	}
	v := x.Value
	x.Value = nil
	read := &ast.AssignStmt{Lhs: []ast.Expr{v}, Tok: token.DEFINE, TokPos: pos,
		Rhs: []ast.Expr{&ast.IndexExpr{X: x.X, Lbrack: pos, Index: ident(k), Rbrack: pos}}}
	x.Body.List = append([]ast.Stmt{read}, x.Body.List...)
}
