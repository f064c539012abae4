package exec

import (
	"go/ast"
	"go/types"
)

// cellTypeNameRead reports whether the checked file f reads the name of
// a reflect.Type got from a reflect.Value of a cell struct type: calls
// Name, String or PkgPath on it, or hands it to a function (fmt.Println
// prints its String). Such a Type has no name in the interpreter
// (reflectcell.go). The laws of reflection read only its fields
// (`typeOfT := s.Type(); typeOfT.Field(i).Name`), which are right when
// the struct has no unexported fields; warning them was noise.
//
// It follows values in source order: reflect.ValueOf of a cell struct
// (or a pointer to one), Elem and Indirect of such a Value, its Type(),
// and variables assigned from any of these.
func cellTypeNameRead(f *ast.File, info *types.Info) bool {
	fromCell := map[types.Object]bool{}
	var isCell func(e ast.Expr) bool
	isCell = func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return fromCell[info.Uses[x]]
		case *ast.CallExpr:
			if call, sel, _ := packageCall(x, info, "reflect"); call != nil {
				switch sel.Sel.Name {
				case "ValueOf":
					return len(call.Args) == 1 && cellStruct(info.TypeOf(call.Args[0]))
				case "Indirect":
					return len(call.Args) == 1 && isCell(call.Args[0])
				}
				return false
			}
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || !isReflect(info.TypeOf(sel.X), "Value") {
				return false
			}
			return (sel.Sel.Name == "Elem" || sel.Sel.Name == "Type") && isCell(sel.X)
		}
		return false
	}
	read := false
	ast.Inspect(f, func(n ast.Node) bool {
		if read {
			return false
		}
		switch x := n.(type) {
		case *ast.AssignStmt:
			if len(x.Lhs) == len(x.Rhs) {
				for i, l := range x.Lhs {
					id, ok := l.(*ast.Ident)
					if !ok {
						continue
					}
					obj := info.Defs[id]
					if obj == nil {
						obj = info.Uses[id]
					}
					if obj != nil && isCell(x.Rhs[i]) {
						fromCell[obj] = true
					}
				}
			}
		case *ast.ValueSpec:
			if len(x.Names) == len(x.Values) {
				for i, id := range x.Names {
					if obj := info.Defs[id]; obj != nil && isCell(x.Values[i]) {
						fromCell[obj] = true
					}
				}
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && isReflect(info.TypeOf(sel.X), "Type") && isCell(sel.X) {
				switch sel.Sel.Name {
				case "Name", "String", "PkgPath":
					read = true
				}
			}
			for _, a := range x.Args {
				if isReflect(info.TypeOf(a), "Type") && isCell(a) {
					read = true
				}
			}
		case *ast.CompositeLit:
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				if isReflect(info.TypeOf(el), "Type") && isCell(el) {
					read = true
				}
			}
		case *ast.ReturnStmt:
			for _, r := range x.Results {
				if isReflect(info.TypeOf(r), "Type") && isCell(r) {
					read = true
				}
			}
		}
		return true
	})
	return read
}

// cellStruct reports whether t is a struct type declared in a cell, or
// a pointer to one.
func cellStruct(t types.Type) bool {
	if pt, ok := types.Unalias(t).(*types.Pointer); ok {
		t = pt.Elem()
	}
	n, ok := cellNamed(t)
	if !ok {
		return false
	}
	_, ok = n.Underlying().(*types.Struct)
	return ok
}
