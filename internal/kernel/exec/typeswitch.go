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
func (c *checker) compiledIfaceCases(f *ast.File, info *types.Info, marks map[token.Position]bool) {
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSwitchStmt)
		if !ok {
			return true
		}
		for _, cl := range ts.Body.List {
			for _, e := range cl.(*ast.CaseClause).List {
				p := c.fset.Position(e.Pos())
				if p.Filename == cellFile && compiledInterface(info.TypeOf(e)) {
					marks[key(p)] = true
				}
			}
		}
		return true
	})
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
func rewriteTypeSwitches(n ast.Node, fset *token.FileSet, marks map[token.Position]bool) error {
	if len(marks) == 0 {
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
		c.Replace(typeSwitchAsTests(ts, gen, marked))
		return true
	})
	return refused
}

// typeSwitchAsTests builds the replacement of ts (see above).
func typeSwitchAsTests(ts *ast.TypeSwitchStmt, gen int, marked func(*ast.CaseClause) bool) ast.Stmt {
	pos := ts.Switch
	id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	v := "_gotrain_ts" + strconv.Itoa(gen)
	okName := "_gotrain_tsok" + strconv.Itoa(gen)
	matched := "_gotrain_tsm" + strconv.Itoa(gen)
	// The guard: `x := e.(type)` or `e.(type)`.
	var x string
	var guard ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		x = a.Lhs[0].(*ast.Ident).Name
		guard = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		guard = a.X.(*ast.TypeAssertExpr).X
	}
	// Cases in order, the default last.
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
	// chain returns the statements testing clauses[i:], then the default.
	var chain func(i int) []ast.Stmt
	chain = func(i int) []ast.Stmt {
		if i == len(clauses) && def == nil {
			return nil
		}
		if i == len(clauses) {
			// The default alone: `x := _v` (yaegi gives x no value in a
			// type switch of a default only).
			body := def.Body
			if x != "" {
				body = append([]ast.Stmt{
					&ast.AssignStmt{Lhs: []ast.Expr{id(x)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{id(v)}},
					&ast.AssignStmt{Lhs: []ast.Expr{id("_")}, Tok: token.ASSIGN, TokPos: pos, Rhs: []ast.Expr{id(x)}},
				}, body...)
			}
			return body
		}
		if !marked(clauses[i]) {
			// A run of native cases: a type switch whose default goes on.
			j := i
			var list []ast.Stmt
			for ; j < len(clauses) && !marked(clauses[j]); j++ {
				list = append(list, &ast.CaseClause{Case: clauses[j].Case, List: clauses[j].List, Colon: clauses[j].Colon, Body: clauses[j].Body})
			}
			var rest []ast.Stmt
			if j == len(clauses) && def != nil {
				// The default, in a type switch as the statement had it.
				list = append(list, &ast.CaseClause{Case: def.Case, Colon: def.Colon, Body: def.Body})
			} else {
				rest = chain(j)
			}
			if rest != nil {
				list = append(list, &ast.CaseClause{Case: pos, Colon: pos, Body: []ast.Stmt{
					&ast.AssignStmt{Lhs: []ast.Expr{id(matched)}, Tok: token.ASSIGN, TokPos: pos, Rhs: []ast.Expr{id("false")}},
				}})
			}
			assert := &ast.TypeAssertExpr{X: id(v), Lparen: pos, Rparen: pos}
			var assign ast.Stmt = &ast.ExprStmt{X: assert}
			if x != "" {
				assign = &ast.AssignStmt{Lhs: []ast.Expr{id(x)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{assert}}
			}
			out := []ast.Stmt{&ast.TypeSwitchStmt{Switch: pos, Assign: assign, Body: &ast.BlockStmt{Lbrace: pos, List: list, Rbrace: pos}}}
			if rest != nil {
				// The rest is tested after the switch, not in its default:
				// yaegi types a name declared again there as the switch's.
				out = append([]ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{id(matched)}, Tok: token.ASSIGN, TokPos: pos, Rhs: []ast.Expr{id("true")}}}, out...)
				out = append(out, &ast.IfStmt{If: pos, Cond: &ast.UnaryExpr{OpPos: pos, Op: token.NOT, X: id(matched)}, Body: &ast.BlockStmt{Lbrace: pos, List: rest, Rbrace: pos}})
			}
			return out
		}
		cl := clauses[i]
		st := &ast.IfStmt{If: pos}
		// if x, ok := _v.(T); ok { _ = x; body }
		lhs := []ast.Expr{id("_"), id(okName)}
		body := cl.Body
		if x != "" {
			lhs[0] = id(x)
			body = append([]ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{id("_")}, Tok: token.ASSIGN, TokPos: pos, Rhs: []ast.Expr{id(x)}}}, body...)
		}
		st.Init = &ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: id(v), Type: cl.List[0], Lparen: pos, Rparen: pos}}}
		st.Cond = id(okName)
		st.Body = &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos}
		if rest := chain(i + 1); rest != nil {
			st.Else = &ast.BlockStmt{Lbrace: pos, List: rest, Rbrace: pos}
		}
		return []ast.Stmt{st}
	}
	inner := []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{id(v)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{guard}},
		&ast.AssignStmt{Lhs: []ast.Expr{id(matched)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{id("false")}},
		&ast.AssignStmt{Lhs: []ast.Expr{id("_")}, Tok: token.ASSIGN, TokPos: pos, Rhs: []ast.Expr{id(matched)}},
	}
	inner = append(inner, chain(0)...)
	return &ast.SwitchStmt{Switch: pos, Init: ts.Init, Body: &ast.BlockStmt{Lbrace: ts.Body.Lbrace, List: []ast.Stmt{
		&ast.CaseClause{Case: pos, Colon: pos, Body: inner},
	}, Rbrace: ts.Body.Rbrace}}
}
