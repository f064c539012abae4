package exec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Constraints of another package. yaegi v0.16.1's compiler panics when
// it instantiates a generic function whose type parameter's constraint
// names another package's interface (`T constraints.Integer`, as
// samber/lo's Sum has): the package loads, the call fails ("CFG
// post-order panic"). A constraint that is a set of types only is
// written out instead, in the source yaegi reads: `T constraints.Float
// | constraints.Integer` → `T ~float32 | ~float64 | ~int | …`, the same
// type set; a constraint with methods, or whose types cannot be named in
// that file, is left as it is.

// foreignConstraints reports whether a package folder's Go files
// constrain a type parameter, or embed in an interface, another
// package's type (a selector).
func foreignConstraints(dir string, names []string) bool {
	fset := token.NewFileSet()
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !strings.Contains(string(src), "[") {
			continue
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			for _, e := range constraintExprs(n) {
				found = found || hasSelector(e)
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// constraintExprs are the type-set expressions a node holds: the
// constraints of its type parameters, the embedded elements of an
// interface type.
func constraintExprs(n ast.Node) []ast.Expr {
	var fl *ast.FieldList
	switch x := n.(type) {
	case *ast.FuncType:
		fl = x.TypeParams
	case *ast.TypeSpec:
		fl = x.TypeParams
	case *ast.InterfaceType:
		var out []ast.Expr
		for _, f := range x.Methods.List {
			if len(f.Names) == 0 {
				out = append(out, f.Type)
			}
		}
		return out
	}
	if fl == nil {
		return nil
	}
	var out []ast.Expr
	for _, f := range fl.List {
		out = append(out, f.Type)
	}
	return out
}

func hasSelector(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		_, ok := n.(*ast.SelectorExpr)
		found = found || ok
		return !found
	})
	return found
}

// constraintEdits write out, in f, the type sets of constraints naming
// another package's interface.
func constraintEdits(f *ast.File, fset *token.FileSet, pkg *types.Package, info *types.Info) []edit {
	names := map[string]string{} // import path → its name in f
	for _, is := range f.Imports {
		p, _ := strconv.Unquote(is.Path.Value)
		if is.Name == nil {
			names[p] = ""
		} else if is.Name.Name != "_" && is.Name.Name != "." {
			names[p] = is.Name.Name
		}
	}
	tf := fset.File(f.Pos())
	var out []edit
	ast.Inspect(f, func(n ast.Node) bool {
		for _, e := range constraintExprs(n) {
			if !hasSelector(e) {
				continue
			}
			if terms, ok := exprTerms(e, pkg, info, names); ok {
				out = append(out, edit{tf.Offset(e.Pos()), tf.Offset(e.End()), strings.Join(terms, " | ")})
			}
		}
		return true
	})
	return out
}

// exprTerms is the type set of a constraint expression as terms.
func exprTerms(e ast.Expr, pkg *types.Package, info *types.Info, names map[string]string) ([]string, bool) {
	switch x := e.(type) {
	case *ast.ParenExpr:
		return exprTerms(x.X, pkg, info, names)
	case *ast.BinaryExpr:
		if x.Op != token.OR {
			return nil, false
		}
		a, ok := exprTerms(x.X, pkg, info, names)
		if !ok {
			return nil, false
		}
		b, ok := exprTerms(x.Y, pkg, info, names)
		return append(a, b...), ok
	case *ast.UnaryExpr:
		if x.Op != token.TILDE {
			return nil, false
		}
		s, ok := nameType(info.TypeOf(x.X), pkg, names)
		return []string{"~" + s}, ok
	}
	t := info.TypeOf(e)
	if t == nil {
		return nil, false
	}
	if _, isIface := t.Underlying().(*types.Interface); isIface {
		return ifaceTerms(t, pkg, names, 0)
	}
	s, ok := nameType(t, pkg, names)
	return []string{s}, ok
}

// ifaceTerms flattens an interface that is a set of types (no methods,
// one embedded element) into its terms.
func ifaceTerms(t types.Type, pkg *types.Package, names map[string]string, depth int) ([]string, bool) {
	it, ok := t.Underlying().(*types.Interface)
	if !ok || depth > 20 || it.NumExplicitMethods() > 0 || it.NumEmbeddeds() != 1 {
		return nil, false
	}
	var out []string
	add := func(t types.Type, tilde bool) bool {
		if _, isIface := t.Underlying().(*types.Interface); isIface && !tilde {
			terms, ok := ifaceTerms(t, pkg, names, depth+1)
			out = append(out, terms...)
			return ok
		}
		s, ok := nameType(t, pkg, names)
		if tilde {
			s = "~" + s
		}
		out = append(out, s)
		return ok
	}
	switch e := it.EmbeddedType(0).(type) {
	case *types.Union:
		for i := 0; i < e.Len(); i++ {
			if !add(e.Term(i).Type(), e.Term(i).Tilde()) {
				return nil, false
			}
		}
	default:
		if !add(e, false) {
			return nil, false
		}
	}
	return out, true
}

// nameType spells t in a file of pkg that imports names.
func nameType(t types.Type, pkg *types.Package, names map[string]string) (string, bool) {
	if t == nil {
		return "", false
	}
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		n, imported := names[p.Path()]
		if !imported {
			ok = false
			return "\x00"
		}
		if n == "" {
			n = p.Name()
		}
		return n
	})
	return s, ok && exportedFrom(t, pkg)
}
