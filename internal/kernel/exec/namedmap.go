package exec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
)

// yaegi v0.16.1 cannot type a global defined by indexing a map whose type
// is a named type from a compiled package: with ev of type
// chart.EvalsResult (map[string]map[string][]float64), the cell
// `val := ev["val"]` fails with "constant definition loop" (and
// `first.History["val"]` likewise when History has such a type). Indexing
// the same map converted to its unnamed type works, so a top-level
// `x := m[k]` whose m is such a map becomes `x := map[…]…(m)[k]`. The
// operand's type is found from the session's globals (a variable, or a
// chain of struct fields of one); the conversion is only written when the
// unnamed type can be spelled without package names.

// unnameMapIndexes applies that rewrite to a statement group's top level.
func (s *Session) unnameMapIndexes(body *ast.BlockStmt) {
	var globals map[string]reflect.Value
	for _, st := range body.List {
		a, ok := st.(*ast.AssignStmt)
		if !ok || a.Tok != token.DEFINE {
			continue
		}
		for i, rhs := range a.Rhs {
			ix, ok := rhs.(*ast.IndexExpr)
			if !ok {
				continue
			}
			if globals == nil {
				globals = s.globals()
			}
			t := staticType(globals, ix.X)
			if t == nil || t.Kind() != reflect.Map || t.PkgPath() == "" {
				continue
			}
			spelled := reflect.MapOf(t.Key(), t.Elem()).String()
			if strings.ContainsAny(spelled, ".") {
				continue
			}
			typ, err := parser.ParseExpr(spelled)
			if err != nil {
				continue
			}
			ix.X = &ast.CallExpr{Fun: &ast.ParenExpr{X: typ}, Args: []ast.Expr{ix.X}}
			a.Rhs[i] = ix
		}
	}
}

// staticType is the type of a global variable or of a chain of fields of
// one, or nil when it is something else.
func staticType(globals map[string]reflect.Value, e ast.Expr) reflect.Type {
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := globals[x.Name]
		if !ok || !v.IsValid() {
			return nil
		}
		return v.Type()
	case *ast.ParenExpr:
		return staticType(globals, x.X)
	case *ast.SelectorExpr:
		t := staticType(globals, x.X)
		if t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			return nil
		}
		f, ok := t.FieldByName(x.Sel.Name)
		if !ok {
			return nil
		}
		return f.Type
	}
	return nil
}
