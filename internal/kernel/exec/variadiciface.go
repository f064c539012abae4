package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/gotrain/gotrain/internal/kernel/gostd"
	"golang.org/x/tools/go/ast/astutil"
)

// Values of cell types passed one by one to a compiled function's
// variadic parameter of an interface type with methods. yaegi v0.16.1
// converts such an argument for the parameter's slice type instead of its
// element type, so `io.MultiWriter(&buf, upperWriter{w})` and
// `errors.Join(&MyErr{…}, err)` failed ("reflect: cannot use
// *struct {…} as type error in Call"). A value already held in a
// variable of the interface type passes, so each such argument is
// written `func(_gotrain_va I) I { return _gotrain_va }(arg)`; one
// converted to error is the runtime's own error value (errconv.go).

// variadicIfaceArgs marks, by the call's ( and the argument's index, the
// arguments of cell types with methods that the cell's calls of compiled
// functions pass one by one to a variadic parameter of an interface type
// with methods, with the source of the function literal that converts
// them (_ standing for the argument).
func (c *checker) variadicIfaceArgs(f *ast.File, info *types.Info, marks map[token.Position]map[int]string, typeList func([]types.Type) (string, bool)) {
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() || !compiledFunc(call.Fun, info) {
			return true
		}
		sig, ok := coreOf(info.TypeOf(call.Fun)).(*types.Signature)
		if !ok || !sig.Variadic() {
			return true
		}
		params := sig.Params()
		c.fmtWriterArg(call, info, sig, marks, typeList)
		s, ok := coreOf(params.At(params.Len() - 1).Type()).(*types.Slice)
		if !ok || !types.IsInterface(s.Elem()) || emptyInterface(s.Elem()) || types.Identical(s.Elem(), types.Universe.Lookup("error").Type()) {
			return true // error: every conversion to it is the runtime's (errconv.go)
		}
		p := c.fset.Position(call.Lparen)
		if p.Filename != cellFile {
			return true
		}
		for i := params.Len() - 1; i < len(call.Args); i++ {
			from := info.TypeOf(call.Args[i])
			if from == nil || types.IsInterface(from) || !cellType(from) || types.NewMethodSet(from).Len() == 0 {
				continue
			}
			t, ok := typeList([]types.Type{s.Elem()})
			if !ok {
				continue
			}
			if marks[key(p)] == nil {
				marks[key(p)] = map[int]string{}
			}
			marks[key(p)][i] = "func(_gotrain_va " + t + ") " + t + " { return _gotrain_va }(_)"
		}
		return true
	})
}

// compiledFunc reports whether fun names a function or method of a
// compiled package (not the cells', not one gostd supplies as source).
func compiledFunc(fun ast.Expr, info *types.Info) bool {
	path := calleePackage(fun, info)
	return path != "" && path != "main" && !gostd.Whole(path)
}

// convertVariadicIfaceArgs writes the arguments variadicIfaceArgs marked
// through their function literals.
func convertVariadicIfaceArgs(n ast.Node, fset *token.FileSet, marks map[token.Position]map[int]string) {
	if len(marks) == 0 {
		return
	}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok {
			return true
		}
		for i, src := range marks[key(fset.Position(call.Lparen))] {
			if i >= len(call.Args) {
				continue
			}
			if conv, ok := parseExpr(fset, src, call.Args[i].Pos()).(*ast.CallExpr); ok {
				conv.Args[0] = call.Args[i]
				call.Args[i] = conv
			}
		}
		return true
	})
}

// fmtMethods reports whether t has a method of fmt's interfaces, which
// yaegi would wrap a writer of type t in.
func fmtMethods(t types.Type) bool {
	ms := types.NewMethodSet(t)
	for _, name := range []string{"String", "Error", "Format", "GoString"} {
		if ms.Lookup(nil, name) != nil {
			return true
		}
	}
	return false
}

// fmtWriterArg marks the writer of a call of fmt.Fprint, Fprintf or
// Fprintln when it is a value of a cell type with methods: yaegi wraps
// every argument of the fmt functions in the first of fmt's interfaces
// the value has, its io.Writer too, so a writer with a String method
// (`struct{ *bytes.Buffer }`) failed ("reflect: Call using
// stdlib._fmt_Stringer as type io.Writer"). A writer without such a
// method is passed as it is (the literal's call cost 4 µs a print).
func (c *checker) fmtWriterArg(call *ast.CallExpr, info *types.Info, sig *types.Signature, marks map[token.Position]map[int]string, typeList func([]types.Type) (string, bool)) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !strings.HasPrefix(sel.Sel.Name, "Fprint") || len(call.Args) == 0 || sig.Params().Len() == 0 {
		return
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" {
		return
	}
	from := info.TypeOf(call.Args[0])
	if from == nil || types.IsInterface(from) || !cellType(from) || !fmtMethods(from) {
		return
	}
	t, ok := typeList([]types.Type{sig.Params().At(0).Type()})
	p := c.fset.Position(call.Lparen)
	if !ok || p.Filename != cellFile {
		return
	}
	if marks[key(p)] == nil {
		marks[key(p)] = map[int]string{}
	}
	marks[key(p)][0] = "func(_gotrain_va " + t + ") " + t + " { return _gotrain_va }(_)"
}
