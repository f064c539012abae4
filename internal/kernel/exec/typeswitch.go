package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// Type switches with a case of a compiled interface type. yaegi v0.16.1
// decides such a case by comparing type names, so `case error:` does not
// match an error made by the standard library (fmt.Errorf's), nor `case
// fmt.Stringer:` a compiled Stringer: the switch silently takes another
// case. A type assertion to the same interface is right. So the checker
// marks the cases whose type is an interface declared outside the cell
// (error, fmt.Stringer, io.Reader, …), and a switch with such a case
// becomes ordered tests — runs of the other cases stay a type switch,
// which decides interfaces declared in cells right where an assertion to
// them does not:
//
//	switch x := v.(type) {
//	case int: A
//	case error: B
//	case Shape: C
//	default: D
//	}
//	→
//	switch { default:
//		_v := v
//		m := true
//		switch x := _v.(type) {
//		case int: A
//		default: m = false
//		}
//		if !m {
//			if x, ok := _v.(error); ok { B } else {
//				m = true
//				switch x := _v.(type) { case Shape: C; default: m = false }
//				if !m { D }
//			}
//		}
//	}
//
// The outer switch keeps the statement's label and init, and a `break` in
// any case body still ends the whole statement (nothing follows the
// innermost switch around it but tests that then fail).

// compiledIfaceCases marks, in the checked file, the case types of type
// switches that are non-empty interfaces declared outside the cell.
func (c *checker) compiledIfaceCases(f *ast.File, info *types.Info, marks, viaAny map[token.Position]bool, refusals map[token.Position]string) {
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSwitchStmt)
		if !ok {
			return true
		}
		// A case of a cell type with methods is decided wrong by yaegi's
		// type switch on an interface value (it misses the type, or
		// takes another type with methods for it), and a value of a
		// cell type held in a compiled interface (an error) is yaegi's
		// wrapper of it, which the switch does not see through: such
		// cases become assertions, which get both right — unless
		// another case has the same underlying type (the assertion
		// compares those): refused.
		compiledGuard, errorGuard := false, false
		if a := typeSwitchGuard(ts); a != nil {
			gt := info.TypeOf(a.X)
			compiledGuard = compiledInterface(gt)
			errorGuard = types.Identical(gt, types.Universe.Lookup("error").Type())
		}
		var all []types.Type
		for _, cl := range ts.Body.List {
			for _, e := range cl.(*ast.CaseClause).List {
				if t := info.TypeOf(e); t != nil && !nilIdent(e) {
					all = append(all, t)
				}
			}
		}
		for _, cl := range ts.Body.List {
			for _, e := range cl.(*ast.CaseClause).List {
				p := c.fset.Position(e.Pos())
				if p.Filename != cellFile {
					continue
				}
				t := info.TypeOf(e)
				switch {
				case compiledInterface(t):
					marks[key(p)] = true
				case cellInterface(t) && compiledGuard && !errorGuard:
					refusals[key(p)] = "a type switch on a value held in an interface of a package (other than error) cannot match an interface declared in a cell in this interpreter (" + types.TypeString(t, relativeTo) + "): switch on a variable of type any or of an interface declared in a cell"
				case cellInterface(t) && len(cl.(*ast.CaseClause).List) == 1:
					// yaegi's switch fails on a value of another cell
					// type with methods ("method not found"): decided
					// by the cell's assertions (caseAsserts).
					marks[key(p)] = true
				case cellConcrete(t) && compiledGuard && !errorGuard:
					refusals[key(p)] = "a type switch on a value held in an interface of a package (other than error) cannot match a type declared in a cell in this interpreter (" + types.TypeString(t, relativeTo) + "): switch on a variable of type any or of an interface declared in a cell"
				case cellConcrete(t) && (compiledGuard || hasMethods(t)):
					marks[key(p)] = true
					if assertsViaAny(t) {
						viaAny[key(p)] = true
					}
					for _, o := range all {
						if o != t && !types.Identical(o, t) && sameShape(o, t) {
							delete(marks, key(p))
							refusals[key(p)] = "the cases " + types.TypeString(t, relativeTo) + " and " + types.TypeString(o, relativeTo) + " of this type switch have the same underlying type, which the interpreter cannot tell apart here: give one of them a different field, or test with a method"
							break
						}
					}
				}
			}
		}
		return true
	})
}

// hasMethods reports whether t, or a pointer to it, has methods: yaegi
// holds a value of such a type in an interface as its wrapper, which its
// type switch can miss (a struct whose methods all have pointer
// receivers, put into an any, matched no `case T:` after a `case
// fmt.Stringer:`).
func hasMethods(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	return types.NewMethodSet(t).Len() > 0
}

// assertsViaAny reports whether t (or what it points to) is a struct
// with an embedded interface field. yaegi leaves the methods promoted
// from such a field out of the type's method set when it checks an
// assertion from an interface (`impossible type assertion: main.Loud
// does not implement main.Animal (missing Name method)`), and not when
// the assertion is from any: so such a case is tested as any(v).(T), the
// same test in Go.
func assertsViaAny(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return ok && embedsInterface(st)
}

// isError reports whether a case is the identifier error.
func isError(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "error"
}

// nilIdent reports whether a case is the identifier nil.
func nilIdent(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}

// typeSwitchGuard returns the x.(type) of a type switch.
func typeSwitchGuard(ts *ast.TypeSwitchStmt) *ast.TypeAssertExpr {
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		ta, _ := a.Rhs[0].(*ast.TypeAssertExpr)
		return ta
	case *ast.ExprStmt:
		ta, _ := a.X.(*ast.TypeAssertExpr)
		return ta
	}
	return nil
}

// cellConcrete reports whether t is a non-interface type declared in the
// cells, or a pointer to one.
func cellConcrete(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := cellNamed(t)
	return ok
}

// sameShape reports whether the interpreter gives a and b the same
// reflect type: both pointers or neither, with identical underlying types.
func sameShape(a, b types.Type) bool {
	pa, aPtr := types.Unalias(a).(*types.Pointer)
	pb, bPtr := types.Unalias(b).(*types.Pointer)
	if aPtr != bPtr {
		return false
	}
	if aPtr {
		a, b = pa.Elem(), pb.Elem()
	}
	return types.Identical(a.Underlying(), b.Underlying())
}

// relativeTo writes cell types without a package.
func relativeTo(p *types.Package) string {
	if p.Path() == "main" {
		return ""
	}
	return p.Name()
}

// compiledInterface reports whether t is a named, non-empty interface
// type not declared in the cells (error, fmt.Stringer, …).
func compiledInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	it, ok := n.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return false
	}
	return n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main"
}

// rewriteTypeSwitches rewrites, innermost first, the type switches with a
// case marked by compiledIfaceCases. A marked case listing several types
// is refused: the interpreter gets the clause's variable wrong there
// (its dynamic type, even its value), so it cannot be rewritten right.
//
// asserts holds, by case, the function literal deciding the assertion of
// a case of a package's interface (caseAsserts), its operand written _.
func rewriteTypeSwitches(n ast.Node, fset *token.FileSet, marks, viaAny map[token.Position]bool, refusals map[token.Position]string, asserts map[token.Position]string) error {
	if len(marks) == 0 && len(refusals) == 0 {
		return nil
	}
	gen := 0
	var refused error
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		ts, ok := c.Node().(*ast.TypeSwitchStmt)
		if !ok {
			return true
		}
		marked := func(cl *ast.CaseClause) bool {
			for _, e := range cl.List {
				if marks[key(fset.Position(e.Pos()))] {
					return true
				}
			}
			return false
		}
		any := false
		for _, cl := range ts.Body.List {
			cl := cl.(*ast.CaseClause)
			for _, e := range cl.List {
				if msg, ok := refusals[key(fset.Position(e.Pos()))]; ok {
					refused = construct(fset, e.Pos(), msg)
					return false
				}
			}
			if marked(cl) && len(cl.List) > 1 {
				refused = construct(fset, cl.Case, "a type switch case listing several types, one of them an interface of a package (such as error or fmt.Stringer), is not supported by the interpreter: give that interface a case of its own")
				return false
			}
			any = any || marked(cl)
		}
		if !any {
			return true
		}
		gen++
		assertFunc := func(e ast.Expr) *ast.CallExpr {
			src, ok := asserts[key(fset.Position(e.Pos()))]
			if !ok {
				return nil
			}
			call, _ := parseExpr(fset, src, e.Pos()).(*ast.CallExpr)
			return call
		}
		c.Replace(typeSwitchAsTests(ts, gen, marked, func(e ast.Expr) bool { return viaAny[key(fset.Position(e.Pos()))] }, assertFunc))
		return true
	})
	return refused
}

// typeSwitchAsTests builds the replacement of ts (see above).
func typeSwitchAsTests(ts *ast.TypeSwitchStmt, gen int, marked func(*ast.CaseClause) bool, viaAny func(ast.Expr) bool, assertFunc func(ast.Expr) *ast.CallExpr) ast.Stmt {
	pos := ts.Switch
	id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	set := func(name, value string) ast.Stmt {
		return &ast.AssignStmt{Lhs: []ast.Expr{id(name)}, Tok: token.ASSIGN, TokPos: pos, Rhs: []ast.Expr{id(value)}}
	}
	block := func(list []ast.Stmt) *ast.BlockStmt { return &ast.BlockStmt{Lbrace: pos, List: list, Rbrace: pos} }
	okName := "_gotrain_tsok" + strconv.Itoa(gen)
	matched := "_gotrain_tsm" + strconv.Itoa(gen)
	// The guard: `x := e.(type)` or `e.(type)`.
	var x string
	if a, ok := ts.Assign.(*ast.AssignStmt); ok {
		x = a.Lhs[0].(*ast.Ident).Name
	}
	guard := typeSwitchGuard(ts).X
	var inner []ast.Stmt
	// An identifier is tested as it is (a copy of an interface value
	// loses what yaegi knows of it); another expression is evaluated
	// once, first.
	v, isIdent := guard.(*ast.Ident)
	if !isIdent {
		v = id("_gotrain_ts" + strconv.Itoa(gen))
		inner = append(inner, &ast.AssignStmt{Lhs: []ast.Expr{id(v.Name)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{guard}})
	}
	inner = append(inner,
		&ast.AssignStmt{Lhs: []ast.Expr{id(matched)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{id("false")}},
		set("_", matched))
	// Cases in order, the default last; each step runs when no step
	// before matched.
	var clauses []*ast.CaseClause
	var def *ast.CaseClause
	for _, s := range ts.Body.List {
		cl := s.(*ast.CaseClause)
		if cl.List == nil {
			def = cl
			continue
		}
		clauses = append(clauses, cl)
	}
	first := true
	step := func(list []ast.Stmt) {
		if first {
			first = false
			inner = append(inner, list...)
			return
		}
		inner = append(inner, &ast.IfStmt{If: pos, Cond: &ast.UnaryExpr{OpPos: pos, Op: token.NOT, X: id(matched)}, Body: block(list)})
	}
	for i := 0; i < len(clauses); {
		if !marked(clauses[i]) {
			// A run of native cases: a type switch whose default says
			// none matched.
			list := []ast.Stmt{}
			for ; i < len(clauses) && !marked(clauses[i]); i++ {
				list = append(list, &ast.CaseClause{Case: clauses[i].Case, List: clauses[i].List, Colon: clauses[i].Colon, Body: clauses[i].Body})
			}
			list = append(list, &ast.CaseClause{Case: pos, Colon: pos, Body: []ast.Stmt{set(matched, "false")}})
			assert := &ast.TypeAssertExpr{X: id(v.Name), Lparen: pos, Rparen: pos}
			var assign ast.Stmt = &ast.ExprStmt{X: assert}
			if x != "" {
				assign = &ast.AssignStmt{Lhs: []ast.Expr{id(x)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{assert}}
			}
			step([]ast.Stmt{set(matched, "true"), &ast.TypeSwitchStmt{Switch: pos, Assign: assign, Body: block(list)}})
			continue
		}
		// if x, ok := v.(error); ok { matched = true; _ = x; body }, or
		// for another type if _, ok := v.(T); ok { matched = true; x :=
		// v.(T); _ = x; body }: yaegi sets x wrong in `x, ok :=
		// v.(fmt.Stringer)` for a cell type, and right for error.
		cl := clauses[i]
		i++
		okName := okName + "_" + strconv.Itoa(i)
		var src ast.Expr = id(v.Name)
		if viaAny(cl.List[0]) {
			src = &ast.CallExpr{Fun: id("any"), Lparen: pos, Args: []ast.Expr{id(v.Name)}, Rparen: pos}
		}
		lhs := []ast.Expr{id("_"), id(okName)}
		body := []ast.Stmt{set(matched, "true")}
		var test ast.Expr = &ast.TypeAssertExpr{X: src, Type: cl.List[0], Lparen: pos, Rparen: pos}
		if call := assertFunc(cl.List[0]); call != nil {
			// The cell's own tests of the types implementing the
			// interface, then the assertion (caseAsserts).
			call.Args[0] = src
			test = call
			if x != "" {
				lhs[0] = id(x)
				body = append(body, set("_", x))
			}
		} else if x != "" {
			if isError(cl.List[0]) {
				lhs[0] = id(x)
			} else {
				body = append(body, &ast.AssignStmt{Lhs: []ast.Expr{id(x)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: src, Type: cl.List[0], Lparen: pos, Rparen: pos}}})
			}
			body = append(body, set("_", x))
		}
		body = append(body, cl.Body...)
		step([]ast.Stmt{&ast.IfStmt{
			If:   pos,
			Init: &ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{test}},
			Cond: id(okName),
			Body: block(body),
		}})
	}
	if def != nil {
		// The default: `x := v` (yaegi gives x no value in a type
		// switch of a default only).
		body := def.Body
		if x != "" {
			body = append([]ast.Stmt{
				&ast.AssignStmt{Lhs: []ast.Expr{id(x)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{id(v.Name)}},
				set("_", x),
			}, body...)
		}
		step(body)
	}
	return &ast.SwitchStmt{Switch: pos, Init: ts.Init, Body: &ast.BlockStmt{Lbrace: ts.Body.Lbrace, List: []ast.Stmt{
		&ast.CaseClause{Case: pos, Colon: pos, Body: inner},
	}, Rbrace: ts.Body.Rbrace}}
}

// caseAsserts writes, for the cases of a package's interface that
// compiledIfaceCases marked, the function literal deciding the case as
// the cell's type assertions to that interface are decided
// (ifaceassert.go): by the cell types implementing it first (a value of
// a cell type in an any is yaegi's, which its assertion to error or
// fmt.Stringer misses or takes apart), then by the assertion itself.
func (c *checker) caseAsserts(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	var cellTypes []*types.Named
	errOf := c.errOfFunc(f, info, typeList)
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSwitchStmt)
		if !ok {
			return true
		}
		a := typeSwitchGuard(ts)
		if a == nil {
			return true
		}
		from := info.TypeOf(a.X)
		for _, cl := range ts.Body.List {
			for _, x := range cl.(*ast.CaseClause).List {
				p := key(c.fset.Position(x.Pos()))
				t := info.TypeOf(x)
				if !e.cases[p] || t == nil || !compiledInterface(t) && !cellInterface(t) {
					continue
				}
				if cellTypes == nil {
					cellTypes = scopeCellTypes(info, f)
				}
				src, refusal, ok := assertSource(from, t, true, cellTypes, typeList, errOf)
				switch {
				case refusal != "":
					e.refuse[p] = refusal
				case ok:
					e.caseAsserts[p] = src
				}
			}
		}
		return true
	})
}
