package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// errors.As and errors.AsType in cells. The compiled errors.As finds the
// target's type in the error tree through reflection, where the
// interpreter's types have no methods: `errors.As(err, &qe)` with a
// *QueryError declared in a cell fails ("*target must be interface or
// implement error"), and errors.AsType is generic, so not in yaegi's
// tables at all. Both become a call of gostd's AsFunc, which walks the
// tree, with the type assertion to the target type written in the cell,
// where the interpreter evaluates it:
//
//	errors.As(err, &qe) →
//	  func(err error, p *T) bool {
//	    return AsFunc(err, func(e error) bool { t, ok := e.(T); if ok { *p = t }; return ok }, p)
//	  }(err, &qe)

// asTemplate and asTypeTemplate are the replacements; T is the target
// type, ARG0 and ARG1 the call's arguments.
const (
	asTemplate     = `func(_gotrain_err error, _gotrain_p *T) bool { return ` + stdPrefix + `errors.AsFunc(_gotrain_err, func(_gotrain_e error) bool { _gotrain_t, _gotrain_ok := _gotrain_e.(T); if _gotrain_ok { *_gotrain_p = _gotrain_t }; return _gotrain_ok }, _gotrain_p) }(ARG0, ARG1)`
	asTypeTemplate = `func(_gotrain_err error) (T, bool) { var _gotrain_v T; _gotrain_found := ` + stdPrefix + `errors.AsFunc(_gotrain_err, func(_gotrain_e error) bool { _gotrain_t, _gotrain_ok := _gotrain_e.(T); if _gotrain_ok { _gotrain_v = _gotrain_t }; return _gotrain_ok }, &_gotrain_v); return _gotrain_v, _gotrain_found }(ARG0)`
)

// errorsCalls finds the calls of errors.As and errors.AsType whose target
// type can be written, and records their replacements.
func (c *checker) errorsCalls(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	var cellTypes []*types.Named
	ast.Inspect(f, func(n ast.Node) bool {
		call, sel, _ := packageCall(n, info, "errors")
		if call == nil {
			return true
		}
		var target types.Type
		tmpl := asTemplate
		switch {
		case sel.Sel.Name == "As" && len(call.Args) == 2:
			ptr, ok := info.TypeOf(call.Args[1]).(*types.Pointer)
			if !ok {
				return true
			}
			target = ptr.Elem()
		case sel.Sel.Name == "AsType" && len(call.Args) == 1:
			sig, ok := info.TypeOf(call.Fun).(*types.Signature)
			if !ok || sig.Results().Len() != 2 {
				return true
			}
			target, tmpl = sig.Results().At(0).Type(), asTypeTemplate
		default:
			return true
		}
		p := c.fset.Position(sel.Sel.Pos())
		if p.Filename != cellFile {
			return true
		}
		t, ok := typeList([]types.Type{target})
		if !ok {
			return true
		}
		repl := replaceT(tmpl, t)
		if types.IsInterface(target) {
			// The assertion to an interface, as a cell's own
			// (ifaceassert.go).
			if cellTypes == nil {
				cellTypes = scopeCellTypes(info, f)
			}
			errType := types.Universe.Lookup("error").Type()
			src, refusal, ok := assertSource(errType, target, true, cellTypes, typeList, nil)
			if refusal != "" {
				e.refused[call.Pos()] = refusal
				return true
			}
			if ok {
				repl = strings.Replace(repl, "_gotrain_e.(("+t+"))", strings.TrimSuffix(src, "(_)")+"(_gotrain_e)", 1)
			}
		}
		e.calls[key(p)] = repl
		e.need["errors"] = true
		return true
	})
}

// replaceT writes t for every T in a template.
func replaceT(tmpl, t string) string {
	out := make([]byte, 0, len(tmpl))
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] == 'T' && (i == 0 || !isIdentByte(tmpl[i-1])) && (i+1 == len(tmpl) || !isIdentByte(tmpl[i+1])) {
			out = append(out, "("+t+")"...)
			continue
		}
		out = append(out, tmpl[i])
	}
	return string(out)
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// replaceCalls replaces the calls recorded in calls, their arguments
// substituted for ARG0, ARG1...
func replaceCalls(n ast.Node, fset *token.FileSet, calls map[token.Position]string) {
	if len(calls) == 0 {
		return
	}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		call, sel := calledSelector(c.Node())
		if sel == nil {
			return true
		}
		tmpl, ok := calls[key(fset.Position(sel.Sel.Pos()))]
		if !ok {
			return true
		}
		repl := parseExpr(fset, tmpl, call.Pos())
		if repl == nil {
			return true
		}
		astutil.Apply(repl, nil, func(rc *astutil.Cursor) bool {
			if id, ok := rc.Node().(*ast.Ident); ok && len(id.Name) == 4 && id.Name[:3] == "ARG" {
				if i := int(id.Name[3] - '0'); i < len(call.Args) {
					rc.Replace(call.Args[i])
				}
			}
			return true
		})
		c.Replace(repl)
		return true
	})
}

// calledSelector returns n as a call of x.F or x.F[T], with its
// selector; nil when it is not one.
func calledSelector(n ast.Node) (*ast.CallExpr, *ast.SelectorExpr) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	fun := call.Fun
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X
	}
	sel, _ := fun.(*ast.SelectorExpr)
	return call, sel
}

// packageCall returns n as a call of a function of the package at path
// (pkg.F(…) or pkg.F[T](…)), with its selector and the name the cell
// gives the package; nils when it is not one.
func packageCall(n ast.Node, info *types.Info, path string) (*ast.CallExpr, *ast.SelectorExpr, *ast.Ident) {
	call, sel := calledSelector(n)
	if sel == nil {
		return nil, nil, nil
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil, nil, nil
	}
	if pn, ok := info.Uses[x].(*types.PkgName); !ok || pn.Imported().Path() != path {
		return nil, nil, nil
	}
	return call, sel, x
}
