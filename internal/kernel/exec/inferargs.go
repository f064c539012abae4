package exec

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"unicode"
)

// Leaving type arguments to yaegi. The kernel writes out the type
// arguments go/types inferred for a generic call, because yaegi v0.16.1
// infers them only in simple cases. But yaegi cannot take every type
// argument written out: one that is an instance of a generic type of two
// or more parameters (`slices.SortFunc[[]Pair[K, V], Pair[K, V]]`) makes
// its compiler dereference a nil type (it gives a type to an
// `Pair[K, V]` index list only where a type is expected, not as an
// argument), and an instance it has not made yet (`Id[Box[int]]`) is
// "type not found". Such a call is left as the user wrote it when yaegi's
// own inference comes to the same type arguments.
//
// yaegi's inference (interp/generic.go, inferTypesFromCall) walks the
// parameters in order, matching each against its argument's type: a type
// parameter takes the argument's type, a pointer, slice or channel its
// element, a map its key and value, a function its parameters then its
// results; every match is appended to a list, repeats included, and the
// function is instantiated with the list's first types, in the order of
// its type parameters. inferredByYaegi replays that walk on go/types'
// types and compares.

// needsNoWrittenArgs reports whether a generic call's type arguments are
// better left to yaegi: one of them names an instance of a generic type,
// or a type parameter of the generic function the call is in (yaegi
// writes a type parameter's argument there by its name, main.Celsius,
// which it then cannot find: Sum[T](xs) in Average[T] failed for a cell
// type T), and yaegi infers them all from the call.
//
// typed, when not nil, allows constant arguments matching a type
// parameter: it receives each with the type go/types gave it, which the
// caller must write as a conversion (yaegi would infer an untyped type
// from the constant: "" in Reduce(ps, "", f)).
func needsNoWrittenArgs(call *ast.CallExpr, fn *types.Func, targs []types.Type, info *types.Info, interpreted func(*types.Package) bool, typed map[ast.Expr]types.Type) bool {
	fragile := false
	for _, t := range targs {
		fragile = fragile || mentionsInstance(t) || mentionsTypeParam(t)
	}
	return fragile && inferredByYaegi(call, fn, targs, info, interpreted, typed)
}

// inferredByYaegi reports whether yaegi infers, from call's arguments,
// the type arguments targs of the generic function fn. interpreted tells
// the packages whose types yaegi builds itself (their values' types have
// structure it can walk); a value of a compiled package's type is opaque
// to it (a slice from strings.Fields has no element type there, and its
// walk would dereference nil).
func inferredByYaegi(call *ast.CallExpr, fn *types.Func, targs []types.Type, info *types.Info, interpreted func(*types.Package) bool, typed map[ast.Expr]types.Type) bool {
	sig, ok := fn.Origin().Type().(*types.Signature)
	if !ok || sig.TypeParams().Len() != len(targs) || sig.Variadic() || call.Ellipsis.IsValid() || len(call.Args) != sig.Params().Len() {
		return false
	}
	var got []types.Type
	sure := true
	var walk func(param, arg types.Type)
	walk = func(param, arg types.Type) {
		if !sure || !mentionsTypeParam(param) {
			return
		}
		if _, isTP := param.(*types.TypeParam); isTP {
			got = append(got, arg)
			return
		}
		if n, isNamed := param.(*types.Named); isNamed {
			// yaegi types a generic instance of a type parameter
			// (List[T], iter.Seq[T]) as the generic type itself,
			// which takes the whole argument's type.
			if n.TypeArgs().Len() > 0 {
				got = append(got, arg)
			}
			return
		}
		if !builtByInterpreter(arg, interpreted) {
			sure = false
			return
		}
		a := arg.Underlying()
		switch p := param.(type) {
		case *types.Pointer:
			if x, ok := a.(*types.Pointer); ok {
				walk(p.Elem(), x.Elem())
				return
			}
		case *types.Slice:
			if x, ok := a.(*types.Slice); ok {
				walk(p.Elem(), x.Elem())
				return
			}
		case *types.Chan:
			if x, ok := a.(*types.Chan); ok {
				walk(p.Elem(), x.Elem())
				return
			}
		case *types.Map:
			if x, ok := a.(*types.Map); ok {
				walk(p.Key(), x.Key())
				walk(p.Elem(), x.Elem())
				return
			}
		case *types.Signature:
			if x, ok := a.(*types.Signature); ok && p.Params().Len() == x.Params().Len() && p.Results().Len() == x.Results().Len() {
				for i := 0; i < p.Params().Len(); i++ {
					walk(p.Params().At(i).Type(), x.Params().At(i).Type())
				}
				for i := 0; i < p.Results().Len(); i++ {
					walk(p.Results().At(i).Type(), x.Results().At(i).Type())
				}
				return
			}
		case *types.Array, *types.Interface:
			return // yaegi matches nothing in these
		}
		sure = false // a struct type literal, or shapes that differ
	}
	consts := map[ast.Expr]types.Type{}
	for i, a := range call.Args {
		tv, ok := info.Types[a]
		param := sig.Params().At(i).Type()
		if ok && tv.Value != nil && typed != nil && typedConstant(tv.Type) {
			consts[a] = tv.Type // given its type, see typed
		} else if !ok || tv.Type == nil || tv.Value != nil || tv.IsNil() {
			// yaegi types a constant argument as untyped (1 in
			// Max(1, 2.5) would make T int); nil has no type.
			if mentionsTypeParam(param) {
				return false
			}
			continue
		}
		walk(param, tv.Type)
	}
	if !sure || len(got) < len(targs) {
		return false
	}
	for i, t := range targs {
		if !types.Identical(got[i], t) {
			return false
		}
	}
	for a, t := range consts {
		typed[a] = t
	}
	return true
}

// typedConstant reports whether a constant argument of type t can be
// written as a conversion to t for yaegi: a typed basic type or a named
// type, no type parameter in it.
func typedConstant(t types.Type) bool {
	if t == nil || mentionsTypeParam(t) {
		return false
	}
	if b, ok := t.(*types.Basic); ok {
		return b.Info()&types.IsUntyped == 0
	}
	_, named := t.(*types.Named)
	return named
}

// builtByInterpreter reports whether yaegi knows the structure of a value
// of type t: t names a type an interpreted package declares, or a type
// parameter (its values are made by interpreted code), somewhere in it.
func builtByInterpreter(t types.Type, interpreted func(*types.Package) bool) bool {
	found := false
	walkType(t, func(t types.Type) {
		switch x := t.(type) {
		case *types.TypeParam:
			found = true
		case *types.Named:
			if p := x.Obj().Pkg(); p != nil && interpreted(p) {
				found = true
			}
		}
	})
	return found
}

// mentionsTypeParam reports whether t has a type parameter in it.
func mentionsTypeParam(t types.Type) bool {
	found := false
	walkType(t, func(t types.Type) {
		_, isTP := t.(*types.TypeParam)
		found = found || isTP
	})
	return found
}

// mentionsInstance reports whether t has an instance of a generic type
// in it.
func mentionsInstance(t types.Type) bool {
	found := false
	walkType(t, func(t types.Type) {
		n, ok := t.(*types.Named)
		found = found || ok && n.TypeArgs().Len() > 0
	})
	return found
}

// callsByName maps the identifier naming the function of each call in n
// with no type arguments written (F(x), pkg.F(x)) to its call.
func callsByName(n ast.Node) map[*ast.Ident]*ast.CallExpr {
	out := map[*ast.Ident]*ast.CallExpr{}
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fun := ast.Unparen(call.Fun)
		switch x := fun.(type) {
		case *ast.IndexExpr:
			fun = x.X
		case *ast.IndexListExpr:
			fun = x.X
		}
		switch f := fun.(type) {
		case *ast.Ident:
			out[f] = call
		case *ast.SelectorExpr:
			out[f.Sel] = call
		}
		return true
	})
	return out
}

// explicitArgs reports whether a call's function is written with type
// arguments (F[int], pkg.F[int, string]).
func explicitArgs(fun ast.Expr) bool {
	switch ast.Unparen(fun).(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// untakeable returns the first instance of a generic type of two or
// more type parameters in targs, which yaegi cannot take as a type
// argument, or nil.
func untakeable(targs []types.Type) *types.Named {
	var found *types.Named
	for _, t := range targs {
		walkType(t, func(t types.Type) {
			if n, ok := t.(*types.Named); ok && found == nil && n.TypeArgs().Len() >= 2 {
				found = n
			}
		})
	}
	return found
}

// untakeableMessage says why the call of fn with type arguments targs is
// refused, and what to write instead.
func untakeableMessage(fn string, inst *types.Named, targs []types.Type) string {
	qual := func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		return p.Name()
	}
	t := types.TypeString(inst, qual)
	msg := fmt.Sprintf("the interpreter cannot instantiate %s here: its type argument %s, an instance of a generic type of two or more type parameters, cannot be given to it written out, and it does not infer it from this call's arguments", fn, t)
	for _, a := range targs {
		if mentionsTypeParam(a) {
			return msg + " (it infers only in the order of the parameters: a function argument matching a type parameter seen before confuses it); write this step without calling " + fn + " (a loop), or make the generic type take one type parameter"
		}
	}
	return msg + fmt.Sprintf("; declare an alias at top level (type %s = %s) and write the type arguments with it (%s[%s, …])", aliasName(inst), t, fn, aliasName(inst))
}

// aliasName suggests a name for an alias of inst: Pair[string, int] →
// PairStringInt.
func aliasName(inst *types.Named) string {
	var b strings.Builder
	b.WriteString(inst.Obj().Name())
	for i := 0; i < inst.TypeArgs().Len(); i++ {
		name := types.TypeString(inst.TypeArgs().At(i), func(*types.Package) string { return "" })
		upper := true
		for _, r := range name {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				upper = true
				continue
			}
			if upper {
				r = unicode.ToUpper(r)
			}
			upper = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dropTypeArgs removes, in n, the type arguments written in the calls
// marked untyped (yaegi infers them), and refuses a use of a generic
// function marked in refusals.
func dropTypeArgs(n ast.Node, fset *token.FileSet, untyped map[token.Position]bool, refusals map[token.Position]string) error {
	if len(untyped) == 0 && len(refusals) == 0 {
		return nil
	}
	name := func(x ast.Expr) *ast.Ident {
		switch y := x.(type) {
		case *ast.Ident:
			return y
		case *ast.SelectorExpr:
			return y.Sel
		}
		return nil
	}
	var refused error
	ast.Inspect(n, func(n ast.Node) bool {
		if refused != nil {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if msg, ok := refusals[key(fset.Position(id.Pos()))]; ok {
				refused = construct(fset, id.Pos(), msg)
			}
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		var x ast.Expr
		switch f := call.Fun.(type) {
		case *ast.IndexExpr:
			x = f.X
		case *ast.IndexListExpr:
			x = f.X
		}
		if id := name(x); id != nil && untyped[key(fset.Position(id.Pos()))] {
			call.Fun = x
		}
		return true
	})
	return refused
}

// convertArgs writes, in n, the constant call arguments marked in conv
// as conversions to their types: Reduce(ps, "", f) → Reduce(ps, (string)(""), f).
func convertArgs(n ast.Node, fset *token.FileSet, conv map[token.Position]string) {
	if len(conv) == 0 {
		return
	}
	done := map[ast.Expr]bool{} // the conversion's own argument is at the same place
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for i, a := range call.Args {
			t, ok := conv[key(fset.Position(a.Pos()))]
			if !ok || done[a] {
				continue
			}
			if c, ok := parseExpr(fset, "("+t+")(_)", a.Pos()).(*ast.CallExpr); ok {
				c.Args[0] = a
				call.Args[i] = c
				done[a] = true
			}
		}
		return true
	})
}
