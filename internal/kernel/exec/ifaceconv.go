package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// Values put into interface values. yaegi v0.16.1 keeps a value of a
// cell type with methods in an interface as a pair of the value and its
// type; where it skips the pair, the interface holds the bare struct,
// which has lost its methods: a type assertion to an interface
// (`v.(Shape)`) is false and fmt misses its String method. It skips it
// for a composite literal stored straight into an interface (`var v any
// = R{2}`, `[]any{R{2}}`: a parenthesized literal takes the general
// path) and for any value a function returns as an empty interface
// (`func f() any { return r }`: a variable of an interface type of r's
// methods, returned, keeps the pair, for a pointer too). And the value
// of a call returning an interface, passed straight on as an interface
// (`kind(largest(shapes))`), is wrapped once more, so it matches no
// type assertion or type switch case of its dynamic type;
// parenthesized, it is not.
//
// go/types records no implicit conversions, so ifaceConversions finds
// them where the language makes them: every operand of an assignment,
// a var spec, a return, a call (builtins included, at their call-site
// signature), a composite literal's elements, keys and fields, a send,
// a map index, a comparison and an expression switch's cases, whose
// target type is an interface.

// ifaceConversion is one implicit conversion to an interface type.
type ifaceConversion struct {
	expr ast.Expr
	to   types.Type
	ret  *ast.ReturnStmt // the return statement it is an operand of, or nil
	idx  int             // its place in ret's results
	// results are the result types of the function ret returns from.
	results *types.Tuple
}

// ifaceConversions lists the implicit conversions of values to
// interface types in f (an interface value assigned to another
// interface type included).
func ifaceConversions(f *ast.File, info *types.Info) []ifaceConversion {
	var out []ifaceConversion
	var results *types.Tuple
	add := func(e ast.Expr, to types.Type, ret *ast.ReturnStmt, i int) {
		if e == nil || to == nil || !types.IsInterface(to) {
			return
		}
		tv, ok := info.Types[e]
		if !ok || tv.Type == nil || tv.IsNil() {
			return
		}
		out = append(out, ifaceConversion{expr: e, to: to, ret: ret, idx: i, results: results})
	}
	var sigs []*types.Signature // the enclosing functions' signatures
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			sig, _ := info.Defs[x.Name].Type().(*types.Signature)
			if x.Body == nil {
				return false
			}
			sigs = append(sigs, sig)
			ast.Inspect(x.Body, visit)
			sigs = sigs[:len(sigs)-1]
			return false
		case *ast.FuncLit:
			sig, _ := info.TypeOf(x).(*types.Signature)
			sigs = append(sigs, sig)
			ast.Inspect(x.Body, visit)
			sigs = sigs[:len(sigs)-1]
			return false
		case *ast.ReturnStmt:
			if len(sigs) == 0 || sigs[len(sigs)-1] == nil {
				return true
			}
			res := sigs[len(sigs)-1].Results()
			if len(x.Results) != res.Len() {
				return true // a call returning the results, or bare
			}
			results = res
			for i, e := range x.Results {
				add(e, res.At(i).Type(), x, i)
			}
			results = nil
		case *ast.AssignStmt:
			if x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
				for i, l := range x.Lhs {
					add(x.Rhs[i], info.TypeOf(l), nil, 0)
				}
			}
		case *ast.ValueSpec:
			if x.Type != nil && len(x.Values) == len(x.Names) {
				for _, v := range x.Values {
					add(v, info.TypeOf(x.Type), nil, 0)
				}
			}
		case *ast.CallExpr:
			callConversions(x, info, add)
		case *ast.CompositeLit:
			litConversions(x, info, add)
		case *ast.SendStmt:
			if ch, ok := coreOf(info.TypeOf(x.Chan)).(*types.Chan); ok {
				add(x.Value, ch.Elem(), nil, 0)
			}
		case *ast.IndexExpr:
			if m, ok := coreOf(info.TypeOf(x.X)).(*types.Map); ok {
				add(x.Index, m.Key(), nil, 0)
			}
		case *ast.BinaryExpr:
			if x.Op == token.EQL || x.Op == token.NEQ {
				add(x.X, info.TypeOf(x.Y), nil, 0)
				add(x.Y, info.TypeOf(x.X), nil, 0)
			}
		case *ast.SwitchStmt:
			if x.Tag != nil {
				for _, cl := range x.Body.List {
					for _, e := range cl.(*ast.CaseClause).List {
						add(e, info.TypeOf(x.Tag), nil, 0)
					}
				}
			}
		}
		return true
	}
	ast.Inspect(f, visit)
	return out
}

// coreOf is t's underlying type (nil stays nil).
func coreOf(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// callConversions adds the arguments of a call that its signature
// converts to interfaces; a conversion `T(x)` is explicit.
func callConversions(call *ast.CallExpr, info *types.Info, add func(ast.Expr, types.Type, *ast.ReturnStmt, int)) {
	tv, ok := info.Types[call.Fun]
	if !ok || tv.IsType() {
		return
	}
	sig, ok := coreOf(tv.Type).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	if len(call.Args) == 1 && params.Len() > 1 {
		return // f(g()) with g's several results
	}
	for i, a := range call.Args {
		var to types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			if call.Ellipsis.IsValid() {
				continue // the slice itself
			}
			if s, ok := coreOf(params.At(params.Len() - 1).Type()).(*types.Slice); ok {
				to = s.Elem()
			}
		case i < params.Len():
			to = params.At(i).Type()
		}
		add(a, to, nil, 0)
	}
}

// litConversions adds the elements, keys and fields of a composite
// literal whose types are interfaces.
func litConversions(lit *ast.CompositeLit, info *types.Info, add func(ast.Expr, types.Type, *ast.ReturnStmt, int)) {
	t := info.TypeOf(lit)
	if p, ok := coreOf(t).(*types.Pointer); ok { // &T{…} elided in a literal
		t = p.Elem()
	}
	switch u := coreOf(t).(type) {
	case *types.Slice:
		elems(lit, u.Elem(), add)
	case *types.Array:
		elems(lit, u.Elem(), add)
	case *types.Map:
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				add(kv.Key, u.Key(), nil, 0)
				add(kv.Value, u.Elem(), nil, 0)
			}
		}
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					for j := 0; j < u.NumFields(); j++ {
						if u.Field(j).Name() == id.Name {
							add(kv.Value, u.Field(j).Type(), nil, 0)
						}
					}
				}
			} else if i < u.NumFields() {
				add(e, u.Field(i).Type(), nil, 0)
			}
		}
	}
}

// elems adds a slice or array literal's elements of interface type.
func elems(lit *ast.CompositeLit, elem types.Type, add func(ast.Expr, types.Type, *ast.ReturnStmt, int)) {
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		add(e, elem, nil, 0)
	}
}

// ifaceEdits marks, in the checked file, the composite literals of cell
// types converted to interfaces (parenthesized) and the returns of
// values of cell types with methods as empty interfaces (held in a
// variable of the result's type first).
func (c *checker) ifaceEdits(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	for _, conv := range ifaceConversions(f, info) {
		p := c.fset.Position(conv.expr.Pos())
		if p.Filename != cellFile {
			continue
		}
		from := info.TypeOf(conv.expr)
		if call, ok := ast.Unparen(conv.expr).(*ast.CallExpr); ok && types.IsInterface(from) && !emptyInterface(from) {
			e.parens[key(c.fset.Position(call.Lparen))] = true
			continue
		}
		if types.IsInterface(from) {
			continue
		}
		if lit, ok := ast.Unparen(conv.expr).(*ast.CompositeLit); ok && lit.Type != nil && cellType(from) {
			e.parens[key(c.fset.Position(lit.Lbrace))] = true
		}
		if conv.ret == nil || !emptyInterface(conv.to) || !cellType(from) || types.NewMethodSet(from).Len() == 0 {
			continue
		}
		rp := key(c.fset.Position(conv.ret.Pos()))
		if _, done := e.rets[rp]; done && e.rets[rp][conv.idx] != "" {
			continue
		}
		// The operands up to this one are held in variables of their
		// results' types, in order; one whose type cannot be written
		// stays in place.
		ts := e.rets[rp]
		if ts == nil {
			ts = make([]string, len(conv.ret.Results))
		}
		t, ok := typeList([]types.Type{methodsOf(from)})
		if !ok {
			continue
		}
		ts[conv.idx] = t
		for i := 0; i < conv.idx; i++ {
			if ts[i] == "" {
				ts[i], _ = typeList([]types.Type{conv.results.At(i).Type()})
			}
		}
		e.rets[rp] = ts
	}
}

// methodsOf is the interface of t's method set: a variable of it keeps
// a pointer's methods too, where one of type any does not.
func methodsOf(t types.Type) *types.Interface {
	ms := types.NewMethodSet(t)
	fs := make([]*types.Func, ms.Len())
	for i := range fs {
		f := ms.At(i).Obj().(*types.Func)
		sig := f.Type().(*types.Signature)
		fs[i] = types.NewFunc(f.Pos(), f.Pkg(), f.Name(), types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()))
	}
	return types.NewInterfaceType(fs, nil).Complete()
}

// ifaceCasts marks the explicit conversions of a value of a cell type
// with methods to an empty interface (`any(r)`), which the interpreter
// makes without the pair: by their (, the source of the function literal
// that makes them through a variable of an interface type of r's methods.
func (c *checker) ifaceCasts(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		tv, ok := info.Types[call.Fun]
		if !ok || !tv.IsType() || !emptyInterface(tv.Type) {
			return true
		}
		from := info.TypeOf(call.Args[0])
		if from == nil || types.IsInterface(from) || !cellType(from) || types.NewMethodSet(from).Len() == 0 {
			return true
		}
		p := c.fset.Position(call.Lparen)
		if p.Filename != cellFile {
			return true
		}
		hold, ok1 := typeList([]types.Type{methodsOf(from)})
		to, ok2 := typeList([]types.Type{tv.Type})
		t, ok3 := typeList([]types.Type{from})
		if ok1 && ok2 && ok3 {
			// The operand is copied into the literal's frame: held as
			// the literal's parameter, the interface would keep the
			// operand's storage (ifacecopy.go).
			e.casts[key(p)] = "func(_gotrain_cv " + t + ") " + to + " { var _gotrain_ch " + hold + " = _gotrain_cv; return _gotrain_ch }(_)"
		}
		return true
	})
}

// cellType reports whether t, or what it points to, is a type declared
// in the cells.
func cellType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
}

// emptyInterface reports whether t is an interface without methods.
func emptyInterface(t types.Type) bool {
	it, ok := coreOf(t).(*types.Interface)
	return ok && it.NumMethods() == 0 && it.IsMethodSet()
}

// rewriteIfaceConversions parenthesizes the marked composite literals
// and turns a marked `return a, b` into `{ var _gotrain_r1 interface{
// <a's methods> } = a; return _gotrain_r1, b }` (the operands before a held one are held too,
// ifaceEdits says).
func rewriteIfaceConversions(n ast.Node, fset *token.FileSet, parens map[token.Position]bool, rets map[token.Position][]string, casts map[token.Position]string) {
	if len(parens) == 0 && len(rets) == 0 && len(casts) == 0 {
		return
	}
	count := 0
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		switch x := c.Node().(type) {
		case *ast.CompositeLit:
			if _, inParens := c.Parent().(*ast.ParenExpr); !inParens && parens[key(fset.Position(x.Lbrace))] {
				c.Replace(&ast.ParenExpr{Lparen: x.Pos(), X: x, Rparen: x.End()})
			}
		case *ast.CallExpr:
			if src, ok := casts[key(fset.Position(x.Lparen))]; ok && len(x.Args) == 1 {
				if lit, ok := parseExpr(fset, src, x.Pos()).(*ast.CallExpr); ok {
					lit.Args[0] = x.Args[0]
					c.Replace(lit)
				}
				return true
			}
			if _, inParens := c.Parent().(*ast.ParenExpr); !inParens && parens[key(fset.Position(x.Lparen))] {
				c.Replace(&ast.ParenExpr{Lparen: x.Pos(), X: x, Rparen: x.End()})
			}
		case *ast.ReturnStmt:
			ts, ok := rets[key(fset.Position(x.Pos()))]
			if !ok || len(ts) != len(x.Results) {
				return true
			}
			last := -1
			for i, t := range ts {
				if t != "" {
					last = i
				}
			}
			var list []ast.Stmt
			for i := 0; i <= last; i++ {
				t := ts[i]
				if t == "" {
					continue // its type cannot be written: evaluated in place
				}
				typ := parseExpr(fset, t, x.Pos())
				if typ == nil {
					return true
				}
				count++
				v := &ast.Ident{NamePos: x.Pos(), Name: "_gotrain_r" + strconv.Itoa(count)}
				list = append(list, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: x.Pos(), Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{v}, Type: typ, Values: []ast.Expr{x.Results[i]}}}}})
				x.Results[i] = &ast.Ident{NamePos: x.Pos(), Name: v.Name}
			}
			c.Replace(&ast.BlockStmt{Lbrace: x.Pos(), List: append(list, x), Rbrace: x.End()})
		}
		return true
	})
}
