package exec

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Values of cell types put into an interface of a compiled package
// (io.Closer, fmt.Stringer, sort.Interface, io.Writer). yaegi v0.16.1
// makes such an interface value a wrapper whose methods read their
// receiver from the conversion's operand when they are called, not when
// the value was converted: `for n := range 3 { r := &R{n}; cs =
// append(cs, r) }` closed the last R three times, `var c io.Closer = r;
// r = &R{2}; c.Close()` closed the second, and a map or a channel of such
// values filled in a loop held the last one everywhere. A function's
// frame is new at every call, so the kernel makes each such conversion
// in a function literal of its own, which the wrapper then reads:
//
//	cs = append(cs, r)
//	→
//	cs = append(cs, func(_gotrain_pv *R) io.Closer { return _gotrain_pv }(r))
//
// A local variable declared outside any loop and never assigned again
// (nor written in place, nor its address taken) holds one value for its frame's life: its
// conversions are left as they are, so a hot loop writing to a cell
// io.Writer pays nothing. Conversions to error are errconv.go's, arguments of a compiled
// variadic parameter variadiciface.go's (which writes them the same way);
// interfaces declared in cells and empty ones hold the value itself.

// pkgIfaceConversions marks the conversions, implicit and explicit, of
// values of cell types to non-empty interfaces of compiled packages.
func (c *checker) pkgIfaceConversions(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	errType := types.Universe.Lookup("error").Type()
	variadic := map[ast.Expr]bool{} // converted by variadiciface.go
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			for i := range e.varargs[key(c.fset.Position(call.Lparen))] {
				if i < len(call.Args) {
					variadic[call.Args[i]] = true
				}
			}
		}
		return true
	})
	stable := unchangedLocals(f, info)
	mark := func(x ast.Expr, to types.Type) {
		start, end := c.fset.Position(x.Pos()), c.fset.Position(x.End())
		if start.Filename != cellFile || variadic[x] || !compiledIface(to) || types.Identical(to, errType) {
			return
		}
		if id, ok := ast.Unparen(x).(*ast.Ident); ok && stable[info.Uses[id]] {
			return
		}
		from := info.TypeOf(x)
		if from == nil || types.IsInterface(from) || !cellType(from) || mentionsTypeParam(from) {
			return
		}
		t, ok1 := typeList([]types.Type{from})
		i, ok2 := typeList([]types.Type{to})
		if ok1 && ok2 {
			e.ifaceWraps[span{key(start), key(end)}] = errConv{src: "func(_gotrain_pv " + t + ") " + i + " { return _gotrain_pv }(_)"}
		}
	}
	for _, conv := range ifaceConversions(f, info) {
		mark(conv.expr, conv.to)
	}
	ast.Inspect(f, func(n ast.Node) bool { // io.Closer(x)
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			mark(call.Args[0], tv.Type)
		}
		return true
	})
}

// compiledIface reports whether t is a named interface with methods
// declared in a package other than the cells'.
func compiledIface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == "main" {
		return false
	}
	it, ok := n.Underlying().(*types.Interface)
	return ok && it.NumMethods() > 0
}

// stableLocals returns the local variables of f's functions (a cell's
// top-level names are the session's, which later cells may assign)
// declared outside every loop and never assigned after their
// declaration nor their address taken.
func stableLocals(f *ast.File, info *types.Info) map[types.Object]bool {
	var loops, funcs [][2]token.Pos
	gotos := false // a goto may run a declaration again: nothing is stable
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BranchStmt:
			gotos = gotos || x.Tok == token.GOTO
		case *ast.ForStmt, *ast.RangeStmt:
			loops = append(loops, [2]token.Pos{x.Pos(), x.End()})
		case *ast.FuncDecl:
			if x.Name.Name != "_gotrainCell" && x.Body != nil { // the cell's statements declare the session's names
				funcs = append(funcs, [2]token.Pos{x.Type.Pos(), x.End()})
			}
		case *ast.FuncLit:
			funcs = append(funcs, [2]token.Pos{x.Pos(), x.End()})
		}
		return true
	})
	in := func(p token.Pos, ranges [][2]token.Pos) bool {
		for _, r := range ranges {
			if p >= r[0] && p < r[1] {
				return true
			}
		}
		return false
	}
	out := map[types.Object]bool{}
	if gotos {
		return out
	}
	assigned := assignedVars(f, info)
	for id, o := range info.Defs {
		v, ok := o.(*types.Var)
		if !ok || v.IsField() || !in(id.Pos(), funcs) || assigned[v] || in(id.Pos(), loops) {
			continue
		}
		out[v] = true
	}
	return out
}
