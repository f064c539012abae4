package exec

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// The comma-ok map index of a missing key. yaegi v0.16.1 sets the value
// only when the key is there (getIndexMap2: `if v.IsValid() {
// dest(f).Set(v) }`), so `i, ok := m["route"]` after `i := m["route"]`
// and a delete (the Go blog's "Go maps in action") left i at 66, where Go
// gives 0, and `v, ok := m[k]` in a loop kept the previous iteration's v
// for a missing k. The index is read in a function literal of its own,
// whose variable is new, hence zero, at every call:
//
//	v, ok := m[k] → v, ok := func() (V, bool) { v, ok := m[k]; return v, ok }()
//
// The comma-ok type assertion that fails has the same fault (`s, ok :=
// x.(string)` in a loop kept the last string) and the same cure:
//
//	s, ok := x.(T) → s, ok := func() (T, bool) { s, ok := x.(T); return s, ok }()
//
// A value written to `_`, a value type the cell cannot write, and an
// operand calling recover (which must stay in the deferred function: `s,
// ok := recover().(string)`) are left as they are.

// mapCommaOK records, by the position of their [ (or the assertion's
// dot), the map indexes and type assertions of the cell's two-value
// assignments and var specs whose value is kept, with the value's type.
func (c *checker) mapCommaOK(f *ast.File, info *types.Info, out map[token.Position]string, typeList func([]types.Type) (string, bool)) {
	mark := func(value ast.Expr, rhs ast.Expr) {
		if id, ok := value.(*ast.Ident); ok && id.Name == "_" {
			return
		}
		if exprCallsRecover(rhs, info) {
			return
		}
		if ta, ok := ast.Unparen(rhs).(*ast.TypeAssertExpr); ok && ta.Type != nil {
			p := c.fset.Position(ta.X.End())
			if p.Filename != cellFile {
				return
			}
			if v, ok := typeList([]types.Type{info.TypeOf(ta.Type)}); ok && info.TypeOf(ta.Type) != nil {
				out[key(p)] = v
			}
			return
		}
		ix, ok := ast.Unparen(rhs).(*ast.IndexExpr)
		if !ok {
			return
		}
		t := info.TypeOf(ix.X)
		if t == nil {
			return
		}
		m, ok := coreOf(t).(*types.Map)
		if !ok {
			return
		}
		p := c.fset.Position(ix.Lbrack)
		if p.Filename != cellFile {
			return
		}
		if v, ok := typeList([]types.Type{m.Elem()}); ok {
			out[key(p)] = v
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			if len(s.Lhs) == 2 && len(s.Rhs) == 1 {
				mark(s.Lhs[0], s.Rhs[0])
			}
		case *ast.ValueSpec:
			if len(s.Names) == 2 && len(s.Values) == 1 {
				mark(s.Names[0], s.Values[0])
			}
		}
		return true
	})
}

// exprCallsRecover reports whether x calls the builtin recover.
func exprCallsRecover(x ast.Expr, info *types.Info) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
				found = true
			}
		}
		return !found
	})
	return found
}

// readMapsFresh rewrites the map indexes mapCommaOK recorded.
func readMapsFresh(n ast.Node, fset *token.FileSet, marks map[token.Position]string) {
	if len(marks) == 0 {
		return
	}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		if ta, ok := c.Node().(*ast.TypeAssertExpr); ok && ta.Type != nil {
			if t, ok := marks[key(fset.Position(ta.X.End()))]; ok {
				if repl := freshRead(fset, "func() ("+t+", bool) { _gotrain_v, _gotrain_ok := ARG0.(ARG1); return _gotrain_v, _gotrain_ok }()", ta.Pos(), ta.X, ta.Type); repl != nil {
					c.Replace(repl)
				}
			}
			return true
		}
		ix, ok := c.Node().(*ast.IndexExpr)
		if !ok {
			return true
		}
		elem, ok := marks[key(fset.Position(ix.Lbrack))]
		if !ok {
			return true
		}
		if repl := freshRead(fset, "func() ("+elem+", bool) { _gotrain_v, _gotrain_ok := ARG0[ARG1]; return _gotrain_v, _gotrain_ok }()", ix.Pos(), ix.X, ix.Index); repl != nil {
			c.Replace(repl)
		}
		return true
	})
}

// freshRead parses a template, ARG0 and ARG1 replaced by x and y.
func freshRead(fset *token.FileSet, tmpl string, pos token.Pos, x, y ast.Expr) ast.Expr {
	repl := parseExpr(fset, tmpl, pos)
	if repl == nil {
		return nil
	}
	astutil.Apply(repl, nil, func(rc *astutil.Cursor) bool {
		switch id, _ := rc.Node().(*ast.Ident); {
		case id == nil:
		case id.Name == "ARG0":
			rc.Replace(x)
		case id.Name == "ARG1":
			rc.Replace(y)
		}
		return true
	})
	return repl
}
