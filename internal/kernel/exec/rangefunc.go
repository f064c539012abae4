package exec

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// Range over functions (Go 1.23), which yaegi v0.16.1 does not know. The
// checker finds each `for k, v := range f` whose f is a function, and the
// loop becomes a call of f with the body as the yield function:
//
//	for k, v := range f { body }
//	→
//	{
//		var ctl int; var r1 T1 …            // only when the body needs them
//		f(func(k K, v V) bool { body′; return true })
//		if ctl == -1 { return r1 … }         // the body returned
//		if ctl == 1 { break Outer } …        // the body left an outer loop
//	}
//
// where in body′, outside nested function literals, `continue` is `return
// true`, `break` is `return false`, a `return` stores its results and
// returns false, and a break or continue of an enclosing loop's label sets
// ctl and returns false. A `defer` in the body (it would run when the
// loop's function returns, not the yield function) and a `goto` out of it
// are refused with an error naming them.

// rangeFunc is what rewriting one range-over-function loop needs.
type rangeFunc struct {
	params  []string // the yield function's parameter types
	results []string // the enclosing function's result types
	named   bool     // its results are named (a bare return returns them)
}

// rangeFuncs finds the range-over-function loops of the checked file,
// keyed by the position of their `for`.
func (c *checker) rangeFuncs(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	var visit func(n ast.Node, sig *types.Signature)
	visit = func(n ast.Node, sig *types.Signature) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch x := m.(type) {
			case *ast.FuncLit:
				if m != n {
					s, _ := info.TypeOf(x).(*types.Signature)
					visit(x.Body, s)
					return false
				}
			case *ast.RangeStmt:
				p := c.fset.Position(x.For)
				if p.Filename != cellFile {
					return true
				}
				fs, ok := info.TypeOf(x.X).Underlying().(*types.Signature)
				if !ok || fs.Params().Len() != 1 {
					return true
				}
				yield, ok := fs.Params().At(0).Type().Underlying().(*types.Signature)
				if !ok {
					return true
				}
				rf := rangeFunc{}
				for i := 0; i < yield.Params().Len(); i++ {
					t, ok := typeList([]types.Type{yield.Params().At(i).Type()})
					if !ok {
						return true
					}
					rf.params = append(rf.params, t)
				}
				if sig != nil {
					for i := 0; i < sig.Results().Len(); i++ {
						r := sig.Results().At(i)
						t, ok := typeList([]types.Type{r.Type()})
						if !ok {
							return true
						}
						rf.results = append(rf.results, t)
						rf.named = r.Name() != ""
					}
				}
				e.ranges[key(p)] = rf
			}
			return true
		})
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			sig, _ := info.Defs[fd.Name].Type().(*types.Signature)
			visit(fd.Body, sig)
		} else {
			visit(d, nil)
		}
	}
}

// rewriteRangeFuncs rewrites the loops rangeFuncs found, inner loops
// first; it returns an error naming a construct it cannot rewrite.
func rewriteRangeFuncs(n ast.Node, fset *token.FileSet, ranges map[token.Position]rangeFunc) error {
	if len(ranges) == 0 {
		return nil
	}
	var err error
	made := map[ast.Stmt]bool{}
	seq := 0
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		switch x := c.Node().(type) {
		case *ast.RangeStmt:
			rf, ok := ranges[key(fset.Position(x.For))]
			if !ok || err != nil {
				return true
			}
			label := ""
			if l, ok := c.Parent().(*ast.LabeledStmt); ok {
				label = l.Label.Name
			}
			seq++
			var b *ast.BlockStmt
			b, err = rangeFuncBlock(x, rf, label, seq, fset)
			if err == nil {
				made[b] = true
				c.Replace(b)
			}
		case *ast.LabeledStmt:
			if made[x.Stmt] {
				c.Replace(x.Stmt) // nothing refers to the label any more
			}
		}
		return true
	})
	return err
}

// rangeFuncBlock is the block a range-over-function loop becomes.
func rangeFuncBlock(rs *ast.RangeStmt, rf rangeFunc, label string, seq int, fset *token.FileSet) (*ast.BlockStmt, error) {
	pos := rs.For
	ctl := fmt.Sprintf("_gotrain_ctl%d", seq)
	result := func(i int) string { return fmt.Sprintf("_gotrain_r%d_%d", seq, i) }
	var dispatch []ast.Stmt // after the call: what ctl asks for
	codes := map[string]int{}
	returns := false
	var err error
	// In the body, outside function literals: loops and breakable
	// statements nested in it, and labels declared in it.
	inner := map[string]bool{}
	ast.Inspect(rs.Body, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			inner[l.Label.Name] = true
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	loops, breakables := 0, 0
	body := astutil.Apply(rs.Body, func(c *astutil.Cursor) bool {
		switch x := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			loops++
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			breakables++
		case *ast.DeferStmt:
			if err == nil {
				err = construct(fset, x.Pos(), "defer in the body of a range over a function (Go runs it when the enclosing function returns): move it out of the loop, or into a function the body calls")
			}
		case *ast.BranchStmt:
			repl := branch(x, label, inner, loops, breakables, ctl, codes, &dispatch)
			if x.Tok == token.GOTO && repl == nil && !inner[x.Label.Name] && err == nil {
				err = construct(fset, x.Pos(), "goto out of the body of a range over a function: use a labeled break or continue")
			}
			if repl != nil {
				c.Replace(repl)
			}
		case *ast.ReturnStmt:
			returns = true
			var list []ast.Stmt
			if len(x.Results) > 0 {
				lhs := make([]ast.Expr, len(rf.results))
				for i := range lhs {
					lhs[i] = ast.NewIdent(result(i))
				}
				list = append(list, &ast.AssignStmt{Lhs: lhs, TokPos: x.Pos(), Tok: token.ASSIGN, Rhs: x.Results})
			}
			list = append(list, setCtl(ctl, -1), returnBool(false))
			c.Replace(&ast.BlockStmt{Lbrace: x.Pos(), List: list, Rbrace: x.Pos()})
			return false
		}
		return true
	}, func(c *astutil.Cursor) bool {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loops--
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			breakables--
		}
		return true
	}).(*ast.BlockStmt)
	if err != nil {
		return nil, err
	}
	// The yield function: its parameters are the loop variables, or
	// fresh names assigned to them (`for k, v = range f`).
	params := &ast.FieldList{}
	var prelude []ast.Stmt
	vars := []ast.Expr{rs.Key, rs.Value}
	var assignLHS, assignRHS []ast.Expr
	for i, t := range rf.params {
		typ := parseExpr(fset, t, pos)
		if typ == nil {
			return nil, construct(fset, pos, "range over a function: its yield type "+t+" cannot be written in the cell")
		}
		name := ast.NewIdent("_")
		if i < len(vars) && vars[i] != nil {
			if id, ok := vars[i].(*ast.Ident); ok && rs.Tok == token.DEFINE {
				name = id
			} else {
				name = ast.NewIdent(fmt.Sprintf("_gotrain_p%d_%d", seq, i))
				assignLHS = append(assignLHS, vars[i])
				assignRHS = append(assignRHS, ast.NewIdent(name.Name))
			}
		}
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{name}, Type: typ})
	}
	if len(assignLHS) > 0 {
		prelude = append(prelude, &ast.AssignStmt{Lhs: assignLHS, TokPos: pos, Tok: token.ASSIGN, Rhs: assignRHS})
	}
	body.List = append(append(prelude, body.List...), returnBool(true))
	yield := &ast.FuncLit{Type: &ast.FuncType{Func: pos, Params: params, Results: &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("bool")}}}}, Body: body}
	var list []ast.Stmt
	if returns || len(codes) > 0 {
		list = append(list, varDecl(ctl, "int", fset, pos))
	}
	if returns {
		for i, t := range rf.results {
			list = append(list, varDecl(result(i), t, fset, pos))
		}
	}
	list = append(list, &ast.ExprStmt{X: &ast.CallExpr{Fun: rs.X, Lparen: pos, Args: []ast.Expr{yield}, Rparen: pos}})
	if returns {
		ret := &ast.ReturnStmt{Return: pos}
		if !rf.named || len(rf.results) == 0 {
			for i := range rf.results {
				ret.Results = append(ret.Results, ast.NewIdent(result(i)))
			}
		}
		list = append(list, ifCtl(ctl, -1, ret))
	}
	list = append(list, dispatch...)
	return &ast.BlockStmt{Lbrace: pos, List: list, Rbrace: rs.End()}, nil
}

// branch returns what a break, continue or goto in a range-over-function
// body becomes, nil when it stays.
func branch(x *ast.BranchStmt, label string, inner map[string]bool, loops, breakables int, ctl string, codes map[string]int, dispatch *[]ast.Stmt) ast.Stmt {
	if x.Tok == token.GOTO || x.Tok == token.FALLTHROUGH {
		return nil
	}
	if x.Label == nil {
		switch {
		case x.Tok == token.CONTINUE && loops == 0:
			return returnBool(true)
		case x.Tok == token.BREAK && loops == 0 && breakables == 0:
			return returnBool(false)
		}
		return nil
	}
	switch {
	case inner[x.Label.Name]:
		return nil
	case x.Label.Name == label && x.Tok == token.CONTINUE:
		return returnBool(true)
	case x.Label.Name == label:
		return returnBool(false)
	}
	// A loop outside this one: leave the yield function, then branch.
	k := x.Tok.String() + " " + x.Label.Name
	code, ok := codes[k]
	if !ok {
		code = len(codes) + 1
		codes[k] = code
		*dispatch = append(*dispatch, ifCtl(ctl, code, &ast.BranchStmt{TokPos: x.Pos(), Tok: x.Tok, Label: ast.NewIdent(x.Label.Name)}))
	}
	return &ast.BlockStmt{Lbrace: x.Pos(), List: []ast.Stmt{setCtl(ctl, code), returnBool(false)}, Rbrace: x.Pos()}
}

func returnBool(v bool) ast.Stmt {
	return &ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent(strconv.FormatBool(v))}}
}

func setCtl(ctl string, code int) ast.Stmt {
	return &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(ctl)}, Tok: token.ASSIGN, Rhs: []ast.Expr{intLit(code)}}
}

func ifCtl(ctl string, code int, then ast.Stmt) ast.Stmt {
	return &ast.IfStmt{Cond: &ast.BinaryExpr{X: ast.NewIdent(ctl), Op: token.EQL, Y: intLit(code)}, Body: &ast.BlockStmt{List: []ast.Stmt{then}}}
}

func intLit(v int) ast.Expr {
	if v < 0 {
		return &ast.UnaryExpr{Op: token.SUB, X: &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(-v)}}
	}
	return &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(v)}
}

func varDecl(name, typ string, fset *token.FileSet, pos token.Pos) ast.Stmt {
	return &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(name)}, Type: parseExpr(fset, typ, pos)}}}}
}

// construct is the error of a construct the kernel cannot run, at its
// place in the cell.
func construct(fset *token.FileSet, pos token.Pos, msg string) error {
	p := fset.Position(pos)
	return fmt.Errorf("%s:%d:%d: %s", p.Filename, p.Line, p.Column, msg)
}
