package exec

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
)

// Where a runtime panic happened. yaegi v0.16.1 reports every runtime
// panic of the cell's own code at the group's first statement (its runCfg
// recovers with a shadowed variable), and reflect's messages carry no
// index or length. Two things put it right:
//
//   - every top-level statement of a group is preceded by a call that
//     records its position (markStatements, rtAt), so the cell's frame is
//     the statement that was running, not the first one;
//   - within that statement, the side-effect-free operands (identifiers,
//     selectors, literals, arithmetic on them) of the index, slice,
//     division, dereference and call expressions that can fail, outside
//     function literals, are evaluated again (locateRuntimeError): if
//     exactly one of them is out of range, nil or zero now, the error
//     names it as Go would — "index out of range [5] with length 3" — at
//     its line and column.

// markStatements returns list with a call recording each statement's
// position before it.
func markStatements(list []ast.Stmt, fset *token.FileSet) []ast.Stmt {
	out := make([]ast.Stmt, 0, 2*len(list))
	for _, st := range list {
		p := fset.Position(st.Pos())
		out = append(out, atCall(p.Line, p.Column), st)
	}
	return out
}

// atCall is `_gotrain.At(line, col)`, without a position of its own.
func atCall(line, col int) ast.Stmt {
	lit := func(n int) ast.Expr { return &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(n)} }
	return &ast.ExprStmt{X: &ast.CallExpr{Fun: &ast.SelectorExpr{X: &ast.Ident{Name: rtName}, Sel: &ast.Ident{Name: "At"}},
		Args: []ast.Expr{lit(line), lit(col)}}}
}

// rtAt records the top-level statement the running group is at.
func (s *Session) rtAt(line, col int) { s.stmtAt.Store(int64(line)<<32 | int64(uint32(col))) }

// panicTrace returns the interpreted frames of the panic just recovered,
// innermost first, with the outermost — the group's own code — at the
// top-level statement that was running; and what to search for the
// failing operand: that statement when the panic happened in it rather
// than in a function it called, else node.
func (s *Session) panicTrace(node ast.Node) ([]string, ast.Node) {
	trace := s.panics.take()
	at := s.stmtAt.Load()
	if at == 0 {
		return trace, node
	}
	line, col := int(at>>32), int(uint32(at))
	pos := fmt.Sprintf("%s:%d:%d", cellFile, line, col)
	if len(trace) == 0 {
		trace = []string{pos}
	} else {
		trace[len(trace)-1] = pos
	}
	if b, ok := node.(*ast.BlockStmt); ok && len(trace) == 1 {
		for _, st := range b.List {
			if p := s.interp.FileSet().Position(st.Pos()); !isRuntimeCall(st) && p.Line == line && p.Column == col {
				return trace, st
			}
		}
	}
	return trace, node
}

// isRuntimeCall reports whether st is a call the kernel added (_gotrain.X()).
func isRuntimeCall(st ast.Stmt) bool {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == rtName
}

// locateRuntimeError names the failing operand of a runtime error in node
// (see above); otherwise e is returned unchanged.
func (s *Session) locateRuntimeError(node ast.Node, e *Error, code string) *Error {
	nilDeref := e.Value == "runtime error: invalid memory address or nil pointer dereference"
	index := e.Value == "runtime error: index out of range"
	slice := e.Value == "runtime error: slice bounds out of range"
	divide := e.Value == "runtime error: integer divide by zero"
	nilMap := e.Value == "assignment to entry in nil map"
	if !nilDeref && !index && !slice && !divide && !nilMap {
		return e
	}
	type hit struct {
		pos token.Pos
		msg string
	}
	var hits []hit
	zero := func(y ast.Expr) bool {
		v, ok := s.evalPure(y)
		return ok && v.CanInt() && v.Int() == 0 || ok && v.CanUint() && v.Uint() == 0
	}
	ast.Inspect(node, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false // its locals are gone
		case *ast.IndexExpr:
			if nilMap {
				if v, ok := s.evalPure(x.X); ok && v.Kind() == reflect.Map && v.IsNil() {
					hits = append(hits, hit{x.Lbrack, e.Value})
				}
				return true
			}
			if !index {
				return true
			}
			v, ok := s.indexable(x.X)
			if !ok || !pure(x.Index) {
				return true
			}
			iv, ok := s.evalPure(x.Index)
			if !ok || !iv.CanInt() {
				return true
			}
			if i := iv.Int(); i < 0 || i >= int64(v.Len()) {
				hits = append(hits, hit{x.Lbrack, fmt.Sprintf("runtime error: index out of range [%d] with length %d", i, v.Len())})
			}
		case *ast.SliceExpr:
			if slice {
				if msg, ok := s.sliceBounds(x); ok {
					hits = append(hits, hit{x.Lbrack, msg})
				}
			}
		case *ast.BinaryExpr:
			if divide && (x.Op == token.QUO || x.Op == token.REM) && zero(x.Y) {
				hits = append(hits, hit{x.OpPos, e.Value})
			}
		case *ast.AssignStmt:
			if divide && (x.Tok == token.QUO_ASSIGN || x.Tok == token.REM_ASSIGN) && len(x.Rhs) == 1 && zero(x.Rhs[0]) {
				hits = append(hits, hit{x.TokPos, e.Value})
			}
		case *ast.StarExpr:
			if v, ok := s.evalPure(x.X); nilDeref && ok && v.Kind() == reflect.Pointer && v.IsNil() {
				hits = append(hits, hit{x.Star, e.Value})
			}
		case *ast.CallExpr:
			if v, ok := s.evalPure(x.Fun); nilDeref && ok && v.Kind() == reflect.Func && v.IsNil() {
				hits = append(hits, hit{x.Pos(), e.Value})
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

// indexable evaluates x again when it is a slice, array (or pointer to
// one) or string.
func (s *Session) indexable(x ast.Expr) (reflect.Value, bool) {
	v, ok := s.evalPure(x)
	if !ok {
		return v, false
	}
	if v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Array {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.String:
		return v, true
	}
	return v, false
}

// sliceBounds is Go's message for x[low:high:max] when its operands, evaluated
// again, are out of range (runtime.boundsError's wording).
func (s *Session) sliceBounds(x *ast.SliceExpr) (string, bool) {
	v, ok := s.indexable(x.X)
	if !ok {
		return "", false
	}
	bound := func(e ast.Expr, def int64) (int64, bool) {
		if e == nil {
			return def, true
		}
		iv, ok := s.evalPure(e)
		if !ok || !iv.CanInt() {
			return 0, false
		}
		return iv.Int(), true
	}
	n, what := int64(v.Len()), "capacity" // of an array: its length
	switch v.Kind() {
	case reflect.Slice:
		n = int64(v.Cap())
	case reflect.String:
		what = "length"
	}
	lo, ok1 := bound(x.Low, 0)
	hi, ok2 := bound(x.High, int64(v.Len()))
	mx, ok3 := bound(x.Max, n)
	if !ok1 || !ok2 || !ok3 || lo < 0 || hi < 0 || mx < 0 {
		return "", false
	}
	const pre = "runtime error: slice bounds out of range "
	if x.Slice3 {
		switch {
		case mx > n:
			return fmt.Sprintf(pre+"[::%d] with %s %d", mx, what, n), true
		case hi > mx:
			return fmt.Sprintf(pre+"[:%d:%d]", hi, mx), true
		case lo > hi:
			return fmt.Sprintf(pre+"[%d:%d:]", lo, hi), true
		}
		return "", false
	}
	switch {
	case hi > n:
		return fmt.Sprintf(pre+"[:%d] with %s %d", hi, what, n), true
	case lo > hi:
		return fmt.Sprintf(pre+"[%d:%d]", lo, hi), true
	}
	return "", false
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
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM:
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
