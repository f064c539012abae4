package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// Type assertions to interfaces: declared in cells, written out
// (`err.(interface{ Unwrap() error })`) or a package's (`r.(io.Closer)`).
// yaegi v0.16.1 decides them wrong for a value of a cell type held in an
// error or another package interface (false), taken out of an `any` (a
// panic: "reflect.Set: value of type interface {} is not assignable to
// type interp.valueInterface") or passed on from another cell
// interface. An assertion to a concrete cell type is right there,
// so the checker writes the assertion as tests of each cell type that
// implements the interface, in a function literal of the cell:
//
//	u, ok := err.(interface{ Unwrap() error })
//	→
//	u, ok := func(_gotrain_av error) (interface{ Unwrap() error }, bool) {
//		if _gotrain_ac, ok := _gotrain_av.(*MyErr); ok { return _gotrain_ac, true }
//		_gotrain_ac, ok := _gotrain_av.(interface{ Unwrap() error })
//		return _gotrain_ac, ok
//	}(err)
//
// The last test, the assertion as written, decides values of compiled
// types. A cell type whose underlying type another cell type shares is
// told apart from it by no assertion of the interpreter: such an
// assertion is refused before the cell runs, with the workaround.

// ifaceAssert is the replacement of one type assertion: the source of
// the function literal, the asserted operand written as _.
type ifaceAssert struct {
	src string
}

// ifaceAsserts marks, in the checked file, the type assertions to
// interfaces that values of cell types implement.
func (c *checker) ifaceAsserts(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	commaOK := map[*ast.TypeAssertExpr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			if len(x.Lhs) == 2 && len(x.Rhs) == 1 {
				if ta, ok := ast.Unparen(x.Rhs[0]).(*ast.TypeAssertExpr); ok {
					commaOK[ta] = true
				}
			}
		case *ast.ValueSpec:
			if len(x.Names) == 2 && len(x.Values) == 1 {
				if ta, ok := ast.Unparen(x.Values[0]).(*ast.TypeAssertExpr); ok {
					commaOK[ta] = true
				}
			}
		}
		return true
	})
	var cellTypes []*types.Named
	errOf := c.errOfFunc(f, info, typeList)
	ast.Inspect(f, func(n ast.Node) bool {
		ta, ok := n.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			return true
		}
		p := c.fset.Position(ta.Lparen)
		if p.Filename != cellFile {
			return true
		}
		to := info.TypeOf(ta.Type)
		from := info.TypeOf(ta.X)
		if it, ok := coreOf(to).(*types.Interface); !ok || from == nil || it.NumMethods() == 0 {
			return true
		}
		if cellTypes == nil {
			cellTypes = scopeCellTypes(info, f)
		}
		src, refusal, ok := assertSource(from, to, commaOK[ta], cellTypes, typeList, errOf)
		switch {
		case refusal != "":
			e.refused[ta.Pos()] = refusal
		case ok:
			e.asserts[key(p)] = ifaceAssert{src: src}
		}
		return true
	})
}

// assertSource writes the function literal deciding a type assertion
// of a value of type from to the interface to (its operand written as
// _), in the comma-ok form or not; false when no cell type implements
// to, and why, when the assertion must be refused.
//
// errOf, when not nil, writes the conversion of a value of a cell type
// to error (errconv.go): an assertion to error returns it so.
func assertSource(from, to types.Type, commaOK bool, cellTypes []*types.Named, typeList func([]types.Type) (string, bool), errOf func(types.Type) (string, bool)) (string, string, bool) {
	it, ok := coreOf(to).(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return "", "", false
	}
	src, ok1 := typeList([]types.Type{from})
	dst, ok2 := typeList([]types.Type{to})
	if !ok1 || !ok2 {
		return "", "", false
	}
	fromIface, _ := coreOf(from).(*types.Interface)
	assertable := func(ct types.Type) bool { return fromIface == nil || types.AssertableTo(fromIface, ct) }
	var tests, negatives []string
	for _, nt := range cellTypes {
		for _, ct := range []types.Type{nt, types.NewPointer(nt)} {
			if !assertable(ct) {
				continue // the assertion would not compile
			}
			if !types.Implements(ct, it) {
				// A value of a cell type not implementing it: false
				// (yaegi takes pointer methods for a value's, or
				// panics taking it out of an any).
				if cs, ok := typeList([]types.Type{ct}); ok && commaOK {
					if byRecordedType(ct) {
						negatives = append(negatives, "switch _gotrain_av.(type) { case "+cs+": var _gotrain_az "+dst+"; return _gotrain_az, false }")
					} else {
						negatives = append(negatives, "if _, ok := _gotrain_av.("+cs+"); ok { var _gotrain_az "+dst+"; return _gotrain_az, false }")
					}
				}
				continue
			}
			if st, ok := nt.Underlying().(*types.Struct); ok && embedsInterface(st) {
				continue // decided by the assertion as written
			}
			for _, o := range cellTypes {
				if o != nt && types.Identical(o.Underlying(), nt.Underlying()) {
					return "", "a type assertion to " + types.TypeString(to, relativeTo) + " cannot tell " + nt.Obj().Name() + " from " + o.Obj().Name() + " in this interpreter (the same underlying type): assert to the concrete type, or give one of them a different field", false
				}
			}
			cs, ok := typeList([]types.Type{ct})
			if !ok {
				return "", "", false
			}
			ret := "_gotrain_ac"
			if errOf != nil && types.Identical(to, types.Universe.Lookup("error").Type()) {
				if conv, ok := errOf(ct); ok {
					ret = strings.TrimSuffix(conv, "(_)") + "(_gotrain_ac)"
				}
			}
			result := ret
			if commaOK {
				result += ", true"
			}
			if byRecordedType(ct) {
				tests = append(tests, "switch _gotrain_av.(type) { case "+cs+": _gotrain_ac := _gotrain_av.("+cs+"); return "+result+" }")
			} else {
				tests = append(tests, "if _gotrain_ac, ok := _gotrain_av.("+cs+"); ok { return "+result+" }")
			}
		}
	}
	if len(tests) == 0 {
		return "", "", false
	}
	if commaOK {
		tests = append(tests, negatives...)
		// A nil operand answers false (yaegi's assertions of it
		// panicked with a nil dereference).
		return "func(_gotrain_av " + src + ") (" + dst + ", bool) { if _gotrain_av == nil { var _gotrain_az " + dst + "; return _gotrain_az, false }; " + strings.Join(tests, "; ") + "; _gotrain_ac, ok := _gotrain_av.(" + dst + "); return _gotrain_ac, ok }(_)", "", true
	}
	return "func(_gotrain_av " + src + ") " + dst + " { " + strings.Join(tests, "; ") + "; return _gotrain_av.(" + dst + ") }(_)", "", true
}

// byRecordedType reports whether a value of cell type t is told from a
// compiled value of its underlying type (a float64 beside a `type
// Celsius float64`) by a type switch, which compares the types the
// interpreter recorded with the value, rather than by an assertion,
// which compares underlying types: `case Stringer:` matched a float64
// 2.5 as a Celsius. Struct types and pointers are asserted.
func byRecordedType(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	_, isStruct := n.Underlying().(*types.Struct)
	return !isStruct
}

// scopeCellTypes lists the named, non-generic, non-interface types
// declared at the top level of the checked file, by name.
func scopeCellTypes(info *types.Info, f *ast.File) []*types.Named {
	var out []*types.Named
	for _, obj := range info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.Parent() == nil || tn.Parent() != tn.Pkg().Scope() || strings.HasPrefix(tn.Name(), "_gotrain") {
			continue
		}
		if n, ok := cellNamed(tn.Type()); ok {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Obj().Name() < out[j].Obj().Name() })
	return out
}

// rewriteIfaceAsserts replaces the marked type assertions (the refused
// ones were the cell's errors: typecheck.go).
func rewriteIfaceAsserts(n ast.Node, fset *token.FileSet, asserts map[token.Position]ifaceAssert) {
	if len(asserts) == 0 {
		return
	}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		ta, ok := c.Node().(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			return true
		}
		a, ok := asserts[key(fset.Position(ta.Lparen))]
		if !ok {
			return true
		}
		call, ok := parseExpr(fset, a.src, ta.Pos()).(*ast.CallExpr)
		if !ok {
			return true
		}
		call.Args[0] = ta.X
		c.Replace(call)
		return true
	})
}

// sortedPos lists a map's positions in order.
func sortedPos(m map[token.Pos]string) []token.Pos {
	out := make([]token.Pos, 0, len(m))
	for p := range m {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// structAsserts refuses the type assertions of a value held in a
// package's interface other than error (a fmt.Stringer, an io.Reader)
// to a struct type declared in a cell: yaegi's wrapper of such a value
// holds the struct's last field in its place (errval.go), so the
// assertion was false, silently. (In an error the kernel stores the
// value itself: errconv.go.)
func (c *checker) structAsserts(f *ast.File, info *types.Info, e stdEdits) {
	errType := types.Universe.Lookup("error").Type()
	ast.Inspect(f, func(n ast.Node) bool {
		ta, ok := n.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil || c.fset.Position(ta.Lparen).Filename != cellFile {
			return true
		}
		from, to := info.TypeOf(ta.X), info.TypeOf(ta.Type)
		if !compiledInterface(from) || types.Identical(from, errType) {
			return true
		}
		if n, ok := cellNamed(to); ok {
			if _, isStruct := n.Underlying().(*types.Struct); isStruct {
				name := types.TypeString(to, relativeTo)
				e.refused[ta.Pos()] = "a type assertion of a value held in " + types.TypeString(from, nil) + " to " + name + ", a struct type declared in a cell, cannot be decided in this interpreter (it keeps a struct's last field in its place): hold the value in an any or an interface declared in the cell, or give " + name + " pointer receivers and assert to *" + name
			}
		}
		if n, ok := types.Unalias(to).(*types.Named); ok && types.IsInterface(n) && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" {
			if held := cellStructsIn(n.Obj().Pkg(), from, n); held != "" {
				name := types.TypeString(to, relativeTo)
				e.warned[ta.Pos()] = "a type assertion of a value held in " + types.TypeString(from, nil) + " to " + name + ", an interface declared in a cell, answers false in this interpreter when the value is a struct of a cell type (" + held + "): hold the value in an any or an interface declared in the cell, or give the type pointer receivers"
			}
		}
		return true
	})
}

// cellStructsIn names up to three struct types declared in the cells
// (pkg) whose values implement both interfaces a and b; "" when none
// does.
func cellStructsIn(pkg *types.Package, a, b types.Type) string {
	ia, ok1 := a.Underlying().(*types.Interface)
	ib, ok2 := b.Underlying().(*types.Interface)
	if !ok1 || !ok2 {
		return ""
	}
	return cellTypesWhere(pkg.Scope(), func(n *types.Named) bool {
		_, isStruct := n.Underlying().(*types.Struct)
		return isStruct && types.Implements(n, ia) && types.Implements(n, ib)
	})
}
