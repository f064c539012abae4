package exec

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Values of cell types with methods put into interfaces declared in
// cells or empty ones. yaegi v0.16.1 makes such an interface value of
// the value's type and the storage it was read from, not a copy: a
// later write to that storage shows through the interface. `var v any =
// p; p = Point{7, 7}` printed {7 7}; `all = append(all, p)` in a loop
// left every element the last p, scaled by the `p.Scale(100)` after
// it; `rs = append(rs, mk(i))` every element the last call's result (a
// call's result has one slot in its caller's frame); `var s Shape = c;
// c = 5` turned s into 5. Go copies the value. A function's frame is
// new at every call, so the kernel makes each such conversion in a
// function literal of its own, which the interface then holds:
//
//	all = append(all, p)
//	→
//	all = append(all, func(_gotrain_pv Point) any { return _gotrain_pv }(p))
//
// To an empty interface, a type with value methods goes through an
// interface of its methods, which keeps the methods (ifaceconv.go):
// `(func(_gotrain_pv V) interface{ Name() string } { return _gotrain_pv
// }(v))`. Left as they are: composite literals (`&P{…}` too) and
// constants, whose storage is new; a local variable that holds one value
// for its frame's life (stableLocals: declared outside loops, never
// assigned, written in place nor its address taken); arguments of
// compiled functions for an empty interface (the call copies the
// value: container/list, sync.Map keep what was passed); comparisons
// and map keys (an interface value the kernel made would be looked up by
// its storage, not its value).
// A value of a type parameter may be of a cell type: it is copied the
// same way, its type written by its name (`func(_gotrain_pv T) any {
// … }(x)`), and so is a value of an instance of a generic cell type of
// one parameter written with type parameters (`Pair[T]`); one of two or
// more (`Map[K, V]`) is left as it is. Conversions
// to error are errconv.go's, to compiled packages' interfaces
// ifacewrap.go's; the kernel writes `any(v)` itself (ifaceCasts).

// cellIfaceCopies marks the conversions of values of cell types with
// methods to interfaces declared in cells and to empty interfaces.
func (c *checker) cellIfaceCopies(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	var stable map[types.Object]bool // made at the first candidate
	compiledArg, compared := map[ast.Expr]bool{}, map[ast.Expr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			if compiledFunc(x.Fun, info) {
				for _, a := range x.Args {
					compiledArg[a] = true
				}
			}
		case *ast.BinaryExpr:
			compared[x.X], compared[x.Y] = true, true
		case *ast.IndexExpr:
			compared[x.Index] = true // a map key: looked up by value
		case *ast.CompositeLit:
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					compared[kv.Key] = true
				}
			}
		case *ast.SwitchStmt:
			if x.Tag != nil {
				for _, cl := range x.Body.List {
					for _, v := range cl.(*ast.CaseClause).List {
						compared[v] = true
					}
				}
			}
		}
		return true
	})
	mark := func(x ast.Expr, to types.Type) {
		if _, ok := types.Unalias(to).(*types.TypeParam); ok || to == nil || !types.IsInterface(to) || compiledIface(to) || types.Identical(to, types.Universe.Lookup("error").Type()) {
			return
		}
		if compared[x] || compiledArg[x] && emptyInterface(to) {
			return
		}
		from, ok := copiedType(x, info)
		if !ok || freshValue(x) {
			return
		}
		if id, ok := ast.Unparen(x).(*ast.Ident); ok {
			if stable == nil {
				stable = unchangedLocals(f, info)
			}
			if stable[info.Uses[id]] {
				return
			}
		}
		start, end := c.fset.Position(x.Pos()), c.fset.Position(x.End())
		if start.Filename != cellFile {
			return
		}
		if src, ok := copySource(from, to, typeList); ok {
			e.ifaceWraps[span{key(start), key(end)}] = errConv{src: src}
		}
	}
	for _, conv := range ifaceConversions(f, info) {
		mark(conv.expr, conv.to)
	}
	ast.Inspect(f, func(n ast.Node) bool { // Shape(x), any(x)
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		tv, ok := info.Types[call.Fun]
		if !ok || !tv.IsType() {
			return true
		}
		if emptyInterface(tv.Type) {
			if from := info.TypeOf(call.Args[0]); from != nil && methodsOf(from).NumMethods() > 0 {
				return true // ifaceCasts writes the whole conversion
			}
		}
		mark(call.Args[0], tv.Type)
		return true
	})
}

// copiedType is the type of x when it is a value of a cell type (or a
// pointer to one) that has methods, which yaegi holds in an interface
// by its storage.
func copiedType(x ast.Expr, info *types.Info) (types.Type, bool) {
	tv, ok := info.Types[x]
	if !ok || tv.Type == nil || tv.Value != nil || tv.IsNil() {
		return nil, false
	}
	if _, ok := types.Unalias(tv.Type).(*types.TypeParam); ok {
		return tv.Type, true // it may be a cell type: written by its name
	}
	if types.IsInterface(tv.Type) || !cellType(tv.Type) || mentionsTypeParam(tv.Type) && !oneParamInstance(tv.Type) {
		return nil, false
	}
	base := tv.Type
	if p, ok := types.Unalias(base).(*types.Pointer); ok {
		base = p.Elem()
	}
	if types.NewMethodSet(types.NewPointer(base)).Len() == 0 {
		return nil, false // no methods: yaegi copies the value
	}
	return tv.Type, true
}

// oneParamInstance reports whether t, or what it points to, is an
// instance of a generic cell type of one type parameter (`Pair[T]` in a
// generic function), which a function literal's parameter can be
// written as; yaegi cannot take instances of two or more.
func oneParamInstance(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.TypeArgs().Len() == 1
}

// freshValue reports whether x makes a new value (a composite literal,
// or its address), which nothing else can write.
func freshValue(x ast.Expr) bool {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	_, ok := x.(*ast.CompositeLit)
	return ok
}

// copySource writes the function literal converting a value of type
// from to the interface to, _ standing for the value.
func copySource(from, to types.Type, typeList func([]types.Type) (string, bool)) (string, bool) {
	t, ok1 := typeList([]types.Type{from})
	i, ok2 := typeList([]types.Type{to})
	if !ok1 || !ok2 {
		return "", false
	}
	if mentionsTypeParam(from) {
		return "func(_gotrain_pv " + t + ") " + i + " { return _gotrain_pv }(_)", true
	}
	if emptyInterface(to) {
		if ms := methodsOf(from); ms.NumMethods() > 0 {
			hold, ok := typeList([]types.Type{ms})
			if !ok {
				return "", false
			}
			return "(func(_gotrain_pv " + t + ") " + hold + " { return _gotrain_pv }(_))", true
		}
		return "func(_gotrain_pv " + t + ") " + i + " { return _gotrain_pv }(_)", true
	}
	return "(func(_gotrain_pv " + t + ") " + i + " { return _gotrain_pv }(_))", true
}

// unchangedLocals are the local variables that hold one value for
// their frame's life: stableLocals not written in place.
func unchangedLocals(f *ast.File, info *types.Info) map[types.Object]bool {
	out := stableLocals(f, info)
	for o := range mutatedInPlace(f, info) {
		delete(out, o)
	}
	return out
}

// mutatedInPlace returns the variables of f written through a field or
// an element (`p.X = 1`, `a[0]++`), whose address is taken (`&p.X`
// too), or on which a method with a pointer receiver is called or taken
// as a value (`p.Scale(2)` takes &p).
func mutatedInPlace(f *ast.File, info *types.Info) map[types.Object]bool {
	out := map[types.Object]bool{}
	mark := func(e ast.Expr) {
		for {
			switch y := e.(type) {
			case *ast.ParenExpr:
				e = y.X
			case *ast.SelectorExpr:
				e = y.X
			case *ast.IndexExpr:
				e = y.X
			case *ast.Ident:
				if o := info.Uses[y]; o != nil {
					out[o] = true
				}
				return
			default:
				return
			}
		}
	}
	writes(f, mark)
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			sel, ok := info.Selections[x]
			if !ok || sel.Kind() == types.FieldVal {
				return true
			}
			if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
				if _, ptr := types.Unalias(sig.Recv().Type()).(*types.Pointer); ptr {
					if _, viaPtr := types.Unalias(info.TypeOf(x.X)).(*types.Pointer); !viaPtr {
						mark(x.X)
					}
				}
			}
		}
		return true
	})
	return out
}
