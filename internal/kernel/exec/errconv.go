package exec

import (
	"go/ast"
	"go/printer"
	"go/scanner"
	"go/token"
	"go/types"
	"hash/fnv"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// Values of cell types converted to error (the checker's half;
// errval.go says why). Every implicit or explicit conversion of a value
// of a cell type, or a pointer to one, to error becomes a call of the
// runtime's ErrorOf with the type's error methods as functions of the
// value, written in the cell where the interpreter calls them right:
//
//	return StatusError{503}
//	→
//	return func(_gotrain_ev StatusError) error {
//		return _gotrain.ErrorOf("main.StatusError#…", _gotrain_ev,
//			func(_gotrain_x any) string { return _gotrain_x.(StatusError).Error() },
//			nil, nil, nil, nil)
//	}(StatusError{503})
//
// The key names the type and the text of its declaration and methods,
// so a type redefined in a later cell gets methods of its own.

// errConv is one conversion to replace: the function literal, its
// operand written as _.
type errConv struct {
	src string
}

// span keys an expression by where it starts and ends in the cell.
type span [2]token.Position

// errConversions marks the conversions to error of values of cell types.
func (c *checker) errConversions(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	errType := types.Universe.Lookup("error").Type()
	errOf := c.errOfFunc(f, info, typeList)
	mark := func(x ast.Expr) {
		start, end := c.fset.Position(x.Pos()), c.fset.Position(x.End())
		if start.Filename != cellFile {
			return
		}
		if src, ok := errOf(info.TypeOf(x)); ok {
			e.errConvs[span{key(start), key(end)}] = errConv{src: src}
		}
	}
	for _, conv := range ifaceConversions(f, info) {
		if types.Identical(conv.to, errType) {
			mark(conv.expr)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		// error(x)
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && types.Identical(tv.Type, errType) && len(call.Args) == 1 {
			mark(call.Args[0])
		}
		// fmt.Errorf's operands: %w keeps the error itself (yaegi's
		// wrapper of a struct value, made for the ...any, lost it).
		if _, sel := calledSelector(call); sel != nil && sel.Sel.Name == "Errorf" && !call.Ellipsis.IsValid() {
			if x, ok := sel.X.(*ast.Ident); ok {
				if pn, ok := info.Uses[x].(*types.PkgName); ok && pn.Imported().Path() == "fmt" {
					for _, a := range call.Args[1:] {
						mark(a)
					}
				}
			}
		}
		return true
	})
}

// errOfFunc returns the function writing the conversion to error of a
// value of a type, its operand written as _; false when the type is not
// a cell type (or a pointer to one) with an Error method, or cannot be
// written.
func (c *checker) errOfFunc(f *ast.File, info *types.Info, typeList func([]types.Type) (string, bool)) func(types.Type) (string, bool) {
	errIface := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	keys := map[*types.Named]string{}
	var self func(types.Type) (string, bool)
	self = func(from types.Type) (string, bool) {
		if tp, ok := types.Unalias(from).(*types.TypeParam); ok && types.Implements(tp, errIface) {
			return errOfTypeParam(scopeCellTypes(info, f), typeList, self)
		}
		if from == nil || types.IsInterface(from) || !types.Implements(from, errIface) {
			return "", false
		}
		elem, ptr := from, ""
		if p, ok := types.Unalias(from).(*types.Pointer); ok {
			elem, ptr = p.Elem(), "*" // T and *T have methods of their own
		}
		n, ok := cellNamed(elem)
		if !ok {
			return "", false
		}
		t, ok := typeList([]types.Type{from})
		if !ok {
			return "", false
		}
		k, ok := keys[n]
		if !ok {
			k = c.errTypeKey(f, n)
			keys[n] = k
		}
		return errOfSource(from, t, ptr+k), true
	}
	return self
}

// errOfTypeParam writes the conversion to error of a value of a type
// parameter (`func wrap[E error](e E) error { return e }`): tests of
// the cell's error types, each converted as its own values are, then
// the interpreter's conversion for other types. Types of the same shape
// as another are left to the interpreter (its assertion cannot tell them
// apart).
func errOfTypeParam(cellTypes []*types.Named, typeList func([]types.Type) (string, bool), errOf func(types.Type) (string, bool)) (string, bool) {
	var cands []types.Type
	for _, nt := range cellTypes {
		for _, ct := range []types.Type{nt, types.NewPointer(nt)} {
			if _, ok := errOf(ct); ok {
				cands = append(cands, ct)
			}
		}
	}
	var tests []string
	for i, ct := range cands {
		clash := false
		for j, o := range cands {
			clash = clash || (i != j && sameShape(ct, o))
		}
		src, _ := errOf(ct)
		ts, ok := typeList([]types.Type{ct})
		if clash || !ok {
			continue
		}
		tests = append(tests, "if _gotrain_et, ok := _gotrain_ea.("+ts+"); ok { return "+strings.TrimSuffix(src, "(_)")+"(_gotrain_et) }")
	}
	if len(tests) == 0 {
		return "", false
	}
	return "func(_gotrain_ea any) error { " + strings.Join(tests, "; ") + "; return _gotrain_ea.(error) }(_)", true
}

// errOfSource writes the call of ErrorOf for a value of type from,
// written t, whose methods are interned under key k.
func errOfSource(from types.Type, t, k string) string {
	ms := types.NewMethodSet(from)
	errType := types.Universe.Lookup("error").Type()
	anyType := types.Universe.Lookup("any").Type()
	boolType := types.Typ[types.Bool]
	// method writes the function calling the method name(param) result,
	// "nil" when from has no such method (errors calls no other).
	method := func(name string, param, result types.Type, resultSrc string) string {
		sel := ms.Lookup(nil, name)
		if sel == nil {
			return "nil"
		}
		sig := sel.Type().(*types.Signature)
		if sig.Variadic() || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), result) {
			return "nil"
		}
		arg, call := "", ""
		switch {
		case param == nil && sig.Params().Len() == 0:
		case param != nil && sig.Params().Len() == 1 && types.Identical(sig.Params().At(0).Type(), param):
			arg, call = ", _gotrain_t "+types.TypeString(param, nil), "_gotrain_t"
		default:
			return "nil"
		}
		return "func(_gotrain_x any" + arg + ") " + resultSrc + " { return _gotrain_x.(" + t + ")." + name + "(" + call + ") }"
	}
	list := []string{
		method("Error", nil, types.Typ[types.String], "string"),
		method("Unwrap", nil, errType, "error"),
		method("Unwrap", nil, types.NewSlice(errType), "[]error"),
		method("Is", errType, boolType, "bool"),
		method("As", anyType, boolType, "bool"),
	}
	return "func(_gotrain_ev " + t + ") error { return " + rtName + ".ErrorOf(" + strconv.Quote(k) + ", _gotrain_ev, " + strings.Join(list, ", ") + ") }(_)"
}

// errTypeKey names a cell type and the version of it declared in f: its
// name and a hash of the text of its declaration and methods.
func (c *checker) errTypeKey(f *ast.File, n *types.Named) string {
	name := n.Obj().Name()
	var b strings.Builder
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok && ts.Name.Name == name {
					printer.Fprint(&b, c.fset, ts)
				}
			}
		case *ast.FuncDecl:
			if d.Recv != nil && len(d.Recv.List) == 1 && recvTypeName(d.Recv.List[0].Type) == name {
				printer.Fprint(&b, c.fset, d)
			}
		}
		b.WriteByte('\n')
	}
	return "main." + name + "#" + tokenHash(b.String())
}

// tokenHash hashes Go source by its tokens: the same declaration
// written in the cell and kept as the checker's text (laid out anew)
// hashes the same.
func tokenHash(src string) string {
	h := fnv.New64a()
	var sc scanner.Scanner
	fs := token.NewFileSet()
	sc.Init(fs.AddFile("", -1, len(src)), []byte(src), nil, 0)
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON {
			continue // written or inserted at a line's end
		}
		h.Write([]byte(tok.String()))
		h.Write([]byte{0})
		h.Write([]byte(lit))
		h.Write([]byte{0})
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// recvTypeName is the type name of a method's receiver (T, *T, T[K]).
func recvTypeName(x ast.Expr) string {
	for {
		switch y := x.(type) {
		case *ast.StarExpr:
			x = y.X
		case *ast.ParenExpr:
			x = y.X
		case *ast.IndexExpr:
			x = y.X
		case *ast.IndexListExpr:
			x = y.X
		case *ast.Ident:
			return y.Name
		default:
			return ""
		}
	}
}

// rewriteErrConversions replaces the marked conversions. It runs after
// the other edits: the literal it writes, positioned at its operand,
// must not take their edits.
func rewriteErrConversions(n ast.Node, fset *token.FileSet, convs map[span]errConv) {
	if len(convs) == 0 {
		return
	}
	done := map[span]bool{}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		x, ok := c.Node().(ast.Expr)
		if !ok {
			return true
		}
		k := span{key(fset.Position(x.Pos())), key(fset.Position(x.End()))}
		conv, ok := convs[k]
		if !ok || done[k] {
			return true
		}
		repl := parseExpr(fset, conv.src, x.Pos())
		call, ok := ast.Unparen(repl).(*ast.CallExpr) // parenthesized: ifacecopy.go
		if !ok {
			return true
		}
		done[k] = true
		call.Args[0] = x
		c.Replace(repl)
		return true
	})
}
