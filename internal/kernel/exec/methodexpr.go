package exec

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// Method expressions and method values in cells. yaegi v0.16.1 compiles `Point.Add` (and
// `(*Point).Scale`) as the method value of a zero receiver: the function
// it yields lacks the receiver parameter, so a call fails ("reflect: Call
// with too many input arguments", "value of type func(int) is not
// assignable to type func(*Point, int)"). The checker knows the method
// expression's signature, so the expression becomes the function literal
// Go defines it to be:
//
//	Point.Add → func(r Point, a0 Point) Point { return r.Add(a0) }
//
// A method value (`add := p.Add`, not called there) binds its receiver
// late in yaegi: `p = Point{100, 100}` afterwards changed what add
// computes, where Go saved p when add was made. It becomes a closure
// over a copy saved then:
//
//	p.Add → func(r Point) func(Point) Point { return func(a Point) Point { return r.Add(a) } }(p)

// methodExprs records the replacement of every method expression and
// method value in the cell whose types can be written.
func (c *checker) methodExprs(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	called := map[ast.Expr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			called[ast.Unparen(call.Fun)] = true
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || called[sel] {
			return true
		}
		s, ok := info.Selections[sel]
		if !ok || s.Kind() == types.FieldVal {
			return true
		}
		p := c.fset.Position(sel.Sel.Pos())
		if p.Filename != cellFile {
			return true
		}
		sig, ok := s.Type().(*types.Signature)
		if !ok {
			return true
		}
		if s.Kind() == types.MethodExpr {
			if lit, ok := methodLiteral(sel.Sel.Name, sig, 1, typeList); ok {
				e.exprs[key(p)] = lit
			}
			return true
		}
		if v, ok := methodValue(sel.Sel.Name, s, info.TypeOf(sel.X), sig, typeList); ok {
			e.exprs[key(p)] = v
		}
		return true
	})
}

// methodValue writes the closure a method value is: the receiver
// evaluated and saved when the method value is (ARG0 stands for the
// selector's operand), the method called on the saved copy.
func methodValue(name string, s *types.Selection, x types.Type, sig *types.Signature, typeList func([]types.Type) (string, bool)) (string, bool) {
	recvPtr := false
	if m, ok := s.Obj().(*types.Func); ok {
		if r := m.Type().(*types.Signature).Recv(); r != nil {
			_, recvPtr = r.Type().(*types.Pointer)
		}
	}
	_, xPtr := x.Underlying().(*types.Pointer)
	if types.IsInterface(x) {
		recvPtr = false
	}
	bind, rt := "ARG0", x
	switch {
	case recvPtr && !xPtr:
		bind, rt = "&ARG0", types.NewPointer(x)
	case !recvPtr && xPtr && len(s.Index()) == 1:
		bind, rt = "*ARG0", x.Underlying().(*types.Pointer).Elem()
	}
	ts, ok := typeList([]types.Type{rt})
	if !ok {
		return "", false
	}
	inner, ok := methodLiteral(name, types.NewSignatureType(nil, nil, nil, types.NewTuple(append([]*types.Var{types.NewParam(0, nil, "", rt)}, tupleVars(sig.Params())...)...), sig.Results(), sig.Variadic()), 1, typeList)
	if !ok {
		return "", false
	}
	// inner is func(_gotrain_a0 R, params) results { … }: the saved
	// receiver becomes the outer literal's parameter instead.
	head := "func(_gotrain_a0 " + ts
	if !strings.HasPrefix(inner, head) {
		return "", false
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(inner, head), ", ")
	fn := "func(" + rest
	sigText := fn[:strings.Index(fn, " { ")]
	return "func(_gotrain_a0 " + ts + ") " + sigText + " { return " + fn + " }(" + bind + ")", true
}

// tupleVars lists a tuple's variables.
func tupleVars(t *types.Tuple) []*types.Var {
	out := make([]*types.Var, t.Len())
	for i := range out {
		out[i] = t.At(i)
	}
	return out
}

// methodLiteral writes the function literal calling method name, for a
// signature whose first parameter is the receiver; the literal's
// parameters are numbered from 0, and those from the first-th are the
// method's arguments.
func methodLiteral(name string, sig *types.Signature, first int, typeList func([]types.Type) (string, bool)) (string, bool) {
	params := sig.Params()
	var decl, args []string
	for i := 0; i < params.Len(); i++ {
		t := params.At(i).Type()
		variadic := sig.Variadic() && i == params.Len()-1
		if variadic {
			t = t.(*types.Slice).Elem()
		}
		ts, ok := typeList([]types.Type{t})
		if !ok {
			return "", false
		}
		arg := fmt.Sprintf("_gotrain_a%d", i)
		if variadic {
			decl = append(decl, arg+" ..."+ts)
			arg += "..."
		} else {
			decl = append(decl, arg+" "+ts)
		}
		if i >= first {
			args = append(args, arg)
		}
	}
	res := sig.Results()
	results := make([]types.Type, res.Len())
	for i := range results {
		results[i] = res.At(i).Type()
	}
	rs, ok := typeList(results)
	if !ok {
		return "", false
	}
	call := "_gotrain_a0." + name + "(" + strings.Join(args, ", ") + ")"
	body := call
	if res.Len() > 0 {
		body = "return " + call
		rs = "(" + rs + ") "
	}
	return "func(" + strings.Join(decl, ", ") + ") " + rs + "{ " + body + " }", true
}

// replaceExprs replaces, in n, the selector expressions whose selected
// name has a replacement in exprs.
func replaceExprs(n ast.Node, fset *token.FileSet, exprs map[token.Position]string) {
	if len(exprs) == 0 {
		return
	}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		sel, ok := c.Node().(*ast.SelectorExpr)
		if !ok {
			return true
		}
		src, ok := exprs[key(fset.Position(sel.Sel.Pos()))]
		if !ok {
			return true
		}
		repl := parseExpr(fset, src, sel.Pos())
		if repl == nil {
			return true
		}
		astutil.Apply(repl, func(rc *astutil.Cursor) bool {
			if id, ok := rc.Node().(*ast.Ident); ok && id.Name == "ARG0" {
				rc.Replace(sel.X)
			}
			return true
		}, nil)
		c.Replace(repl)
		return true
	})
}
