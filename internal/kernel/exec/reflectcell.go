package exec

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// reflect of struct types declared in cells (the checker's half;
// reflecttype.go says why). A cell's reflect.TypeOf(x), x of a cell
// struct type or a pointer to one, becomes
//
//	_gotrain.CellType(reflect.TypeOf(x), "User", []string{"Name", "email"}, []string{`json:"name"`, ``})
//
// which answers the type's name, its fields' names and their written
// tags as Go does. A reflect.Value's Type() cannot be corrected so: a
// cell calling it with reflect.ValueOf of a value of a cell struct type
// gets a warning at that call, naming the type and the workaround.

// reflectCalls marks the cell's reflect.TypeOf calls to correct and the
// reflect.ValueOf calls to warn about.
func (c *checker) reflectCalls(f *ast.File, info *types.Info, e stdEdits) {
	valueType := false // the cell calls Type() on a reflect.Value
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Type" && isReflect(info.TypeOf(sel.X), "Value") {
				valueType = true
			}
		}
		return !valueType
	})
	warned := map[*types.Named]bool{}
	nameRead := valueType && cellTypeNameRead(f, info)
	ast.Inspect(f, func(n ast.Node) bool {
		call, sel, x := packageCall(n, info, "reflect")
		if call == nil {
			return true
		}
		p := c.fset.Position(sel.Sel.Pos())
		if p.Filename != cellFile {
			return true
		}
		if sel.Sel.Name != "TypeOf" && sel.Sel.Name != "ValueOf" {
			c.reflectTypeArgs(call, sel, x.Name, info, e)
			return true
		}
		if len(call.Args) != 1 {
			return true
		}
		t := info.TypeOf(call.Args[0])
		if sel.Sel.Name == "TypeOf" && t != nil && types.IsInterface(t) {
			if _, tp := types.Unalias(t).(*types.TypeParam); !tp {
				if held := cellTypesIn(info.Uses[x], t); held != "" {
					e.warned[call.Pos()] = "reflect: reflect.TypeOf of a value held in an interface (" + types.TypeString(t, types.RelativeTo(info.Uses[x].Pkg())) + "): when it holds a value of a type declared in a cell (" + held + "), this interpreter answers its own type (no name: struct { … }, float64); call reflect.TypeOf on a variable of the concrete type, or tell the types apart with a type switch"
				}
			}
			return true
		}
		if pt, ok := types.Unalias(t).(*types.Pointer); ok {
			t = pt.Elem()
		}
		n2, ok := cellNamed(t)
		if !ok || n2.TypeParams().Len() > 0 || n2.TypeArgs().Len() > 0 {
			return true
		}
		st, ok := n2.Underlying().(*types.Struct)
		if !ok {
			return true
		}
		name := n2.Obj().Name()
		if sel.Sel.Name == "ValueOf" {
			if valueType && !warned[n2] && (nameRead || hiddenOrTagged(st)) {
				warned[n2] = true
				e.warned[call.Pos()] = reflectValueWarning(name, st)
			}
			return true
		}
		names := make([]string, st.NumFields())
		tags := make([]string, st.NumFields())
		for i := range names {
			names[i] = strconv.Quote(st.Field(i).Name())
			tags[i] = strconv.Quote(st.Tag(i))
		}
		e.calls[key(p)] = rtName + ".CellType(" + x.Name + ".TypeOf(ARG0), " + strconv.Quote(name) + ", []string{" + strings.Join(names, ", ") + "}, []string{" + strings.Join(tags, ", ") + "})"
		return true
	})
}

// reflectTypeArgs passes the reflect.Type arguments of a call of a
// reflect function (reflect.New(t), reflect.SliceOf(t)) as the
// interpreter's types: reflect takes no other implementation of Type.
func (c *checker) reflectTypeArgs(call *ast.CallExpr, sel *ast.SelectorExpr, pkg string, info *types.Info, e stdEdits) {
	if call.Ellipsis.IsValid() || len(call.Args) > 10 {
		return
	}
	args := make([]string, len(call.Args))
	changed := false
	for i, a := range call.Args {
		args[i] = "ARG" + strconv.Itoa(i)
		if isReflect(info.TypeOf(a), "Type") {
			args[i], changed = rtName+".RType("+args[i]+")", true
		}
	}
	if changed {
		e.calls[key(c.fset.Position(sel.Sel.Pos()))] = pkg + "." + sel.Sel.Name + "(" + strings.Join(args, ", ") + ")"
	}
}

// reflectValueWarning says what a reflect.Value's Type() gets wrong for
// the cell struct type name, and what to use instead.
func reflectValueWarning(name string, st *types.Struct) string {
	var hidden []string
	for i := 0; i < st.NumFields(); i++ {
		if fv := st.Field(i); !fv.Exported() && !fv.Embedded() && fv.Name() != "_" {
			hidden = append(hidden, fv.Name()+" as X"+fv.Name())
		}
	}
	msg := "reflect: the Type() of a reflect.Value of main." + name + ", a struct type declared in a cell, has no name in this interpreter"
	if len(hidden) > 0 {
		msg += " and spells unexported fields exported (" + strings.Join(hidden, ", ") + `, tagged json:"-")`
	}
	return msg + "; use reflect.TypeOf on the main." + name + " value for its name, fields and tags, which the kernel reads as Go does"
}

// hiddenOrTagged reports whether st has unexported fields or tags,
// which a reflect.Value's Type() spells otherwise than Go does.
func hiddenOrTagged(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		if fv := st.Field(i); (!fv.Exported() && !fv.Embedded() && fv.Name() != "_") || st.Tag(i) != "" {
			return true
		}
	}
	return false
}

// isReflect reports whether t is reflect's type called name.
func isReflect(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "reflect" && n.Obj().Name() == name
}

// cellTypesIn names up to three types declared in the cells (the
// package the reflect import pkg belongs to) that implement the
// interface iface, themselves or through a pointer; "" when none does.
func cellTypesIn(pkg types.Object, iface types.Type) string {
	if pkg == nil || pkg.Pkg() == nil {
		return ""
	}
	it, ok := iface.Underlying().(*types.Interface)
	if !ok {
		return ""
	}
	return cellTypesWhere(pkg.Pkg().Scope(), func(n *types.Named) bool {
		return types.Implements(n, it) || types.Implements(types.NewPointer(n), it)
	})
}
