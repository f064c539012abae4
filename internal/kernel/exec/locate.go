package exec

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
)

// locateRuntimeError names where a nil dereference or an index out of
// range happened, as Go would. yaegi v0.16.1 reports every runtime panic
// at the first statement of the code running (its runCfg recovers with a
// shadowed variable), and reflect's index messages carry no numbers. So
// after such a panic, the side-effect-free operands (identifiers,
// selectors, literals) of the group's index and dereference expressions,
// outside function literals, are evaluated again: if exactly one of them
// is out of range (or nil) now, the error names it — "index out of range
// [5] with length 3" — at its line. Otherwise e is returned unchanged.
func (s *Session) locateRuntimeError(node ast.Node, e *Error, code string) *Error {
	nilDeref := e.Value == "runtime error: invalid memory address or nil pointer dereference"
	if !nilDeref && e.Value != "runtime error: index out of range" {
		return e
	}
	type hit struct {
		pos token.Pos
		msg string
	}
	var hits []hit
	ast.Inspect(node, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false // its locals are gone
		case *ast.IndexExpr:
			if nilDeref || !pure(x.X) || !pure(x.Index) {
				return true
			}
			v, ok := s.evalPure(x.X)
			if !ok {
				return true
			}
			if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Array {
				v = v.Elem()
			}
			switch v.Kind() {
			case reflect.Slice, reflect.Array, reflect.String:
			default:
				return true
			}
			iv, ok := s.evalPure(x.Index)
			if !ok || !iv.CanInt() {
				return true
			}
			if i := iv.Int(); i < 0 || i >= int64(v.Len()) {
				hits = append(hits, hit{x.Lbrack, fmt.Sprintf("runtime error: index out of range [%d] with length %d", i, v.Len())})
			}
		case *ast.StarExpr:
			if v, ok := s.evalPure(x.X); nilDeref && ok && v.Kind() == reflect.Pointer && v.IsNil() {
				hits = append(hits, hit{x.Star, e.Value})
			}
		case *ast.SelectorExpr:
			if v, ok := s.evalPure(x.X); nilDeref && pure(x.X) && ok && v.Kind() == reflect.Pointer && v.IsNil() && v.Type().Elem().Kind() == reflect.Struct {
				if _, field := v.Type().Elem().FieldByName(x.Sel.Name); field {
					hits = append(hits, hit{x.Sel.Pos(), e.Value})
				}
			}
		}
		return true
	})
	if len(hits) != 1 {
		return e
	}
	p := s.interp.FileSet().Position(hits[0].pos)
	tb := []string{red + bold + e.Name + reset + ": " + hits[0].msg, fmt.Sprintf("at %s:%d:%d", cellFile, p.Line, p.Column)}
	tb = append(tb, sourceCaret(code, p.Line, p.Column)...)
	return &Error{Name: e.Name, Value: hits[0].msg, Traceback: tb}
}

// pure reports whether evaluating e again has no effect: identifiers,
// selectors of them, literals, parentheses, and arithmetic on those.
func pure(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return pure(x.X)
	case *ast.ParenExpr:
		return pure(x.X)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL:
			return pure(x.X) && pure(x.Y)
		}
	case *ast.UnaryExpr:
		return x.Op == token.SUB && pure(x.X)
	}
	return false
}

// evalPure evaluates a pure expression in the session; false if it
// cannot (a local variable, a package name).
func (s *Session) evalPure(e ast.Expr) (v reflect.Value, ok bool) {
	if !pure(e) {
		return v, false
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	v, err := s.interp.Eval(types.ExprString(e))
	if err != nil || !v.IsValid() {
		return v, false
	}
	return v, true
}
