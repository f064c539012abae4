package exec

import (
	"go/ast"
	"go/types"
)

// reflect's view of methods. yaegi v0.16.1 builds a cell type's values on
// reflect types without methods, so reflect.Type's and reflect.Value's
// NumMethod answer 0, Method panics and MethodByName finds nothing for a
// value of a type declared in a cell (the laws of reflection's
// `v.MethodByName("Greet").Call(nil)` printed nothing). Such a call in a
// cell whose package declares types with methods is warned at its place,
// naming them and the workaround.

// reflectMethodCalls warns about the cell's calls of NumMethod, Method
// and MethodByName on a reflect.Type or reflect.Value.
func (c *checker) reflectMethodCalls(f *ast.File, info *types.Info, e stdEdits) {
	var held *string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		switch sel.Sel.Name {
		case "NumMethod", "Method", "MethodByName":
		default:
			return true
		}
		t := info.TypeOf(sel.X)
		if !isReflect(t, "Type") && !isReflect(t, "Value") {
			return true
		}
		if c.fset.Position(call.Pos()).Filename != cellFile {
			return true
		}
		if held == nil {
			s := ""
			if main := mainScope(info); main != nil {
				s = cellTypesWhere(main, func(n *types.Named) bool {
					return types.NewMethodSet(types.NewPointer(n)).Len() > 0
				})
			}
			held = &s
		}
		if *held != "" {
			e.warned[call.Pos()] = "reflect: " + sel.Sel.Name + " does not see the methods of types declared in a cell (" + *held + ") in this interpreter: NumMethod answers 0, MethodByName finds nothing; call the method directly, or keep the method values in a map[string]func(…)"
		}
		return true
	})
}

// mainScope returns the scope of the cells' package, from any object the
// checker defined in it.
func mainScope(info *types.Info) *types.Scope {
	for _, obj := range info.Defs {
		if obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "main" {
			return obj.Pkg().Scope()
		}
	}
	return nil
}
