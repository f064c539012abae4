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
// A value written to `_`, and a value type the cell cannot write, are
// left as they are.

// mapCommaOK records, by the position of their [, the map indexes of the
// cell's two-value assignments and var specs whose value is kept, with the
// map's element type.
func (c *checker) mapCommaOK(f *ast.File, info *types.Info, out map[token.Position]string, typeList func([]types.Type) (string, bool)) {
	mark := func(value ast.Expr, rhs ast.Expr) {
		if id, ok := value.(*ast.Ident); ok && id.Name == "_" {
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

// readMapsFresh rewrites the map indexes mapCommaOK recorded.
func readMapsFresh(n ast.Node, fset *token.FileSet, marks map[token.Position]string) {
	if len(marks) == 0 {
		return
	}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		ix, ok := c.Node().(*ast.IndexExpr)
		if !ok {
			return true
		}
		elem, ok := marks[key(fset.Position(ix.Lbrack))]
		if !ok {
			return true
		}
		repl := parseExpr(fset, "func() ("+elem+", bool) { _gotrain_v, _gotrain_ok := ARG0[ARG1]; return _gotrain_v, _gotrain_ok }()", ix.Pos())
		if repl == nil {
			return true
		}
		astutil.Apply(repl, nil, func(rc *astutil.Cursor) bool {
			switch id, _ := rc.Node().(*ast.Ident); {
			case id == nil:
			case id.Name == "ARG0":
				rc.Replace(ix.X)
			case id.Name == "ARG1":
				rc.Replace(ix.Index)
			}
			return true
		})
		c.Replace(repl)
		return true
	})
}
