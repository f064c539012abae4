package exec

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/gotrain/gotrain/internal/kernel/gostd"
)

// Literals of generic types handed to compiled code. In a method of a
// generic type, yaegi v0.16.1 compiles a composite literal of a generic
// type written in the arguments of a compiled function's call
// (`c.ll.PushFront(entry[K, V]{k, v})`, container/list's) into frame
// slots another value uses: a later statement fails with "reflect.Value.Call:
// call of nil function", or a value lands in a variable of another type.
// A variable of the type filled field by field and returned from a
// function literal (recgeneric.go's form) is compiled right, so such a
// literal is written that way.

// compiledCallLits marks, in the checked file f, the composite literals of
// generic struct types in the arguments of calls to compiled functions
// and methods, with their types' field names.
func (c *checker) compiledCallLits(f *ast.File, info *types.Info, lits map[token.Position][]string) {
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !compiledCallee(call, info) {
			return true
		}
		for _, a := range call.Args {
			ast.Inspect(a, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.CompositeLit:
					c.markGenericLit(x, info, lits)
				}
				return true
			})
		}
		return true
	})
}

// compiledCallee reports whether call calls a function or method of a
// compiled package (not main, not a gostd source package).
func compiledCallee(call *ast.CallExpr, info *types.Info) bool {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	p := fn.Pkg().Path()
	return p != "main" && !gostd.Whole(p)
}

// markGenericLit marks lit when its type is an instance of a generic
// struct type declared in main.
func (c *checker) markGenericLit(lit *ast.CompositeLit, info *types.Info, lits map[token.Position][]string) {
	if lit.Type == nil {
		return
	}
	n, ok := info.TypeOf(lit).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
		return
	}
	st, ok := n.Underlying().(*types.Struct)
	p := c.fset.Position(lit.Pos())
	if !ok || p.Filename != cellFile {
		return
	}
	fields := make([]string, st.NumFields())
	for i := range fields {
		fields[i] = st.Field(i).Name()
	}
	lits[key(p)] = fields
}
