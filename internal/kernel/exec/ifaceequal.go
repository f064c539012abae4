package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sync"
	"unsafe"

	"golang.org/x/tools/go/ast/astutil"
)

// Comparisons of interface values. yaegi v0.16.1 holds a value of a cell
// type with methods in an interface as its wrapper of the value and the
// storage it was read from, and `==` compares the wrappers: two
// interfaces holding equal values compared unequal (`var a, b any = k,
// k2; a == b` with k == k2). A compiled function given the two values
// sees the values themselves, so the kernel writes such a comparison as
// a call of the runtime's Equal, which compares them as Go does
// (panicking, as Go does, on a type that cannot be compared):
//
//	a == b  →  _gotrain.Equal(a, b)
//	a != b  →  !_gotrain.Equal(a, b)
//
// Only comparisons with an operand of an empty interface or an
// interface declared in a cell, and only while the cells declare a type
// with methods; not against nil, not of errors (errconv.go makes error
// values the runtime's own), nor of compiled packages' interfaces. A
// value of a cell interface reaches Equal without its type: while two
// cell types with methods share an underlying type (`Dog` and `Cat`,
// both `struct{ Name string }`), its comparisons are left to yaegi.

// ifaceComparisons marks, by their operator's position, the comparisons
// to write as calls of Equal.
func (c *checker) ifaceComparisons(f *ast.File, info *types.Info, marks map[token.Position]bool) {
	cellMethods := -1 // unknown until a candidate is met
	clash := false    // two cell types with methods share a shape
	ast.Inspect(f, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
			return true
		}
		p := c.fset.Position(b.OpPos)
		if p.Filename != cellFile || !comparedIface(b.X, info) && !comparedIface(b.Y, info) {
			return true
		}
		for _, o := range []ast.Expr{b.X, b.Y} {
			if tv, ok := info.Types[o]; !ok || tv.IsNil() || tv.Type == nil || mentionsTypeParam(tv.Type) ||
				types.Identical(tv.Type, types.Universe.Lookup("error").Type()) || compiledIface(tv.Type) {
				return true
			}
		}
		if cellMethods < 0 {
			cellMethods, clash = 0, shapesClash(info)
			if cellTypesWithMethods(info) {
				cellMethods = 1
			}
		}
		if cellMethods == 1 && !(clash && (cellIface(b.X, info) || cellIface(b.Y, info))) {
			marks[key(p)] = true
		}
		return true
	})
}

// cellIface reports whether x is of an interface with methods declared
// in a cell: yaegi gives a compiled function the value it holds without
// its type, so two cell types of one shape cannot be told apart.
func cellIface(x ast.Expr, info *types.Info) bool {
	t := info.TypeOf(x)
	return t != nil && comparedIface(x, info) && !emptyInterface(t)
}

// shapesClash reports whether two types declared in the cells, with
// methods, have the same underlying type.
func shapesClash(info *types.Info) bool {
	var ts []types.Type
	for _, o := range info.Defs {
		if tn, ok := o.(*types.TypeName); ok && tn.Pkg() != nil && tn.Pkg().Path() == "main" && !types.IsInterface(tn.Type()) && hasMethods(tn.Type()) {
			ts = append(ts, tn.Type())
		}
	}
	for i := range ts {
		for j := i + 1; j < len(ts); j++ {
			if !types.Identical(ts[i], ts[j]) && types.Identical(ts[i].Underlying(), ts[j].Underlying()) {
				return true
			}
		}
	}
	return false
}

// comparedIface reports whether x is of an empty interface or of an
// interface declared in a cell.
func comparedIface(x ast.Expr, info *types.Info) bool {
	t := info.TypeOf(x)
	if t == nil {
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok || !types.IsInterface(t) {
		return false
	}
	if emptyInterface(t) {
		return true
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
}

// cellTypesWithMethods reports whether a type declared in the cells
// (not an interface) has methods, on its values or its pointers.
func cellTypesWithMethods(info *types.Info) bool {
	for _, o := range info.Defs {
		tn, ok := o.(*types.TypeName)
		if !ok || tn.Pkg() == nil || tn.Pkg().Path() != "main" || types.IsInterface(tn.Type()) {
			continue
		}
		if hasMethods(tn.Type()) {
			return true
		}
	}
	return false
}

// rewriteIfaceComparisons writes the marked comparisons as calls of
// Equal.
func rewriteIfaceComparisons(n ast.Node, fset *token.FileSet, marks map[token.Position]bool) {
	if len(marks) == 0 {
		return
	}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		b, ok := c.Node().(*ast.BinaryExpr)
		if !ok || !marks[key(fset.Position(b.OpPos))] {
			return true
		}
		call := &ast.CallExpr{
			Fun:    &ast.SelectorExpr{X: &ast.Ident{NamePos: b.Pos(), Name: rtName}, Sel: &ast.Ident{NamePos: b.Pos(), Name: "Equal"}},
			Lparen: b.OpPos, Args: []ast.Expr{b.X, b.Y}, Rparen: b.End(),
		}
		if b.Op == token.NEQ {
			c.Replace(&ast.UnaryExpr{OpPos: b.Pos(), Op: token.NOT, X: call})
			return true
		}
		c.Replace(call)
		return true
	})
}

// rtEqual is a == b, for values of cell types as Go compares them
// (called from cells): the values yaegi's wrappers hold, of the same
// type by the interpreter's name for it when both are wrapped (two cell
// types of one shape share a reflect type).
func rtEqual(a, b any) bool {
	va, na := unwrapYaegi(a)
	vb, nb := unwrapYaegi(b)
	if na != "" && nb != "" && na != nb {
		return false
	}
	return va == vb
}

// unwrapYaegi returns the value a yaegi v0.16.1 interface wrapper
// (interp.valueInterface{node, value}) holds and the name of its type
// in the interpreter; v and "" when v is no wrapper.
func unwrapYaegi(v any) (any, string) {
	name := ""
	for v != nil {
		rv := reflect.ValueOf(v)
		t := rv.Type()
		if t.Kind() != reflect.Struct || t.Name() != "valueInterface" || t.PkgPath() != "github.com/traefik/yaegi/interp" || t.NumField() != 2 {
			return v, name
		}
		c := reflect.New(t).Elem()
		c.Set(rv)
		if n := c.Field(0); n.Kind() == reflect.Pointer && !n.IsNil() {
			name = yaegiTypeName(n.Elem())
		}
		f := c.Field(1)
		inner := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(reflect.Value)
		if !inner.IsValid() {
			return nil, name
		}
		if !inner.CanInterface() {
			return v, name
		}
		v = inner.Interface()
	}
	return v, name
}

// yaegiFields are the indices of interp.node's typ and interp.itype's
// path, name and str fields, found once.
var yaegiFields struct {
	once                 sync.Once
	typ, path, name, str []int
}

// yaegiTypeName names the type of an interp.node as the interpreter
// does ("" when its fields are not where they were).
func yaegiTypeName(node reflect.Value) string {
	f := &yaegiFields
	f.once.Do(func() {
		index := func(t reflect.Type, name string) []int {
			if sf, ok := t.FieldByName(name); ok {
				return sf.Index
			}
			return nil
		}
		if f.typ = index(node.Type(), "typ"); f.typ == nil {
			return
		}
		it := node.Type().FieldByIndex(f.typ).Type
		if it.Kind() != reflect.Pointer || it.Elem().Kind() != reflect.Struct {
			f.typ = nil
			return
		}
		f.path, f.name, f.str = index(it.Elem(), "path"), index(it.Elem(), "name"), index(it.Elem(), "str")
	})
	if f.typ == nil || f.path == nil || f.name == nil || f.str == nil {
		return ""
	}
	it := node.FieldByIndex(f.typ)
	if it.IsNil() {
		return ""
	}
	it = it.Elem()
	return it.FieldByIndex(f.path).String() + "." + it.FieldByIndex(f.name).String() + " " + it.FieldByIndex(f.str).String()
}
