package exec

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/gotrain/gotrain/internal/kernel/gostd"
)

// The standard library's generic API in cells. yaegi's tables for the
// standard library hold compiled functions only, so `slices.Sort`,
// `maps.Keys`, `errors.AsType` or `sync.OnceValue` are not in them; the
// kernel's own source packages (internal/kernel/gostd) stand in, loaded
// by the interpreter under hidden names (stdName). The checker, which
// type-checks the cell against Go's real standard library, says where:
//
//   - a use of a package gostd implements whole (slices, maps, cmp, iter)
//     names the hidden import instead: `slices.Sort` → `_gotrainstd_slices.Sort`;
//   - a function gostd adds to a compiled package (`errors.AsType`,
//     `strings.SplitSeq`, `sync.OnceValue`) likewise;
//   - `errors.As` and `errors.AsType` become a walk of the error tree
//     with a type assertion written in the cell (errcalls.go);
//   - every generic function a cell uses — gostd's or the cell's own —
//     gets the type arguments go/types inferred written out, since yaegi
//     infers them only in simple cases (`slices.Sort(xs)` →
//     `_gotrainstd_slices.Sort[[]int, int](xs)`).
//
// A cell the checker was not sure of gets the renames by syntax only, and
// yaegi's inference.

// stdPrefix starts the hidden name of a gostd package in cells.
const stdPrefix = "_gotrainstd_"

// stdName is the name cells' code uses for the gostd package of std
// (math/rand/v2 → _gotrainstd_math_rand_v2).
func stdName(std string) string { return stdPrefix + strings.ReplaceAll(std, "/", "_") }

// stdEdits are the changes to a checked cell, by cell position.
type stdEdits struct {
	rename      map[token.Position]string         // package identifier → hidden name
	targs       map[token.Position]string         // generic function identifier → "[T1, T2]"
	untyped     map[token.Position]bool           // generic function identifier → its written type arguments dropped (inferargs.go)
	refuseArgs  map[token.Position]string         // generic function identifier → why its type arguments cannot be given (inferargs.go)
	argConv     map[token.Position]string         // constant call arguments → the type to convert them to (inferargs.go)
	lits        map[token.Position][]string       // composite literals of self-referring generic types → their type's fields (recgeneric.go)
	refuseDecl  error                             // a generic type declaration the interpreter cannot instantiate (recgeneric.go)
	conv        map[token.Position]string         // generic function identifier → its call's result type
	calls       map[token.Position]string         // function identifier → its call's replacement, ARG0, ARG1… its arguments (errcalls.go)
	vars        map[token.Position]string         // var spec's first name → "" (in a function) or its values' types "(T1, T2)"
	defs        map[token.Position][]string       // a cell's top-level := → the types of the names it declares ("" for a name it reuses)
	ranges      map[token.Position]rangeFunc      // range over a function, by its for (rangefunc.go)
	cases       map[token.Position]bool           // type switch cases made assertions (typeswitch.go)
	viaAny      map[token.Position]bool           // such cases asserted from any (typeswitch.go)
	refuse      map[token.Position]string         // type switch cases refused, and why (typeswitch.go)
	ints        map[token.Position]bool           // range operands of integer type (rangeint.go)
	strs        map[token.Position]bool           // range operands of string type with a value variable (rangestring.go)
	addr        map[token.Position]bool           // pointer-receiver calls on a value, by the method's name (ptrrecv.go)
	chans       map[token.Position]bool           // range operands whose values are channels (rangechan.go)
	order       map[token.Position]int            // top-level var spec → its place in Go's initialisation order (initorder.go)
	exprs       map[token.Position]string         // method expression's method name → its function literal (methodexpr.go)
	consts      map[token.Position]constSpec      // const spec's first name → its written values (constshift.go)
	parens      map[token.Position]bool           // composite literals of cell types converted to interfaces, by their { (ifaceconv.go)
	rets        map[token.Position][]string       // returns of cell values as empty interfaces → the types to hold operands in (ifaceconv.go)
	casts       map[token.Position]string         // any(r) of a cell value with methods → its replacement, _ its operand (ifaceconv.go)
	asserts     map[token.Position]ifaceAssert    // type assertions to interfaces, by their ( (ifaceassert.go)
	errConvs    map[span]errConv                  // conversions of values of cell types to error (errconv.go)
	ifaceEquals map[token.Position]bool           // comparisons of interface values, by their operator (ifaceequal.go)
	codecArgs   map[span]errConv                  // encoding/json and encoding/xml arguments holding cell structs with embedded fields (codecembed.go)
	ifaceWraps  map[span]errConv                  // conversions of values of cell types to compiled packages' interfaces (ifacewrap.go), to cells' and empty ones (ifacecopy.go)
	warned      map[token.Pos]string              // constructs the interpreter gets wrong, warned about at their place in the checked file (reflectcell.go)
	caseAsserts map[token.Position]string         // type switch cases of a package's or a cell's interface → the function deciding them, _ the operand (typeswitch.go)
	refused     map[token.Pos]string              // constructs refused before the cell runs, by their place in the checked file (ifaceassert.go)
	preinst     map[token.Position][]string       // statement → instances of generic cell types to make before it (preinst.go)
	need        map[string]bool                   // standard packages whose gostd source the cell uses
	fieldConv   map[token.Position]string         // arithmetic assigned to a compiled struct's interface field, by its = → the value's type (ifacefield.go)
	defers      map[token.Position]deferFact      // defer statements, by their defer (deferargs.go)
	resultDests map[token.Position]bool           // assignments of calls' results to package-level variables, by their first left-hand side (resultdest.go)
	varargs     map[token.Position]map[int]string // calls of compiled variadic functions, by their ( → arguments to convert to the interface (variadiciface.go)
	promoted    map[token.Position][]string       // cell struct types' names → the methods they promote from embedded fields of compiled types (embedfwd.go)
	mapGets     map[token.Position]string         // comma-ok map indexes, by their [ → the map's element type (mapcommaok.go)
}

// key is a position without its offset, the same in the checked file and
// in the parsed group.
func key(p token.Position) token.Position {
	return token.Position{Filename: p.Filename, Line: p.Line, Column: p.Column}
}

// stdCalls finds the edits in the checked file f.
func (c *checker) stdCalls(f *ast.File, info *types.Info, imports map[string]string) stdEdits {
	e := stdEdits{rename: map[token.Position]string{}, targs: map[token.Position]string{}, untyped: map[token.Position]bool{}, refuseArgs: map[token.Position]string{}, lits: map[token.Position][]string{}, argConv: map[token.Position]string{}, conv: map[token.Position]string{}, calls: map[token.Position]string{}, vars: map[token.Position]string{}, defs: map[token.Position][]string{}, ranges: map[token.Position]rangeFunc{}, cases: map[token.Position]bool{}, viaAny: map[token.Position]bool{}, refuse: map[token.Position]string{}, ints: map[token.Position]bool{}, strs: map[token.Position]bool{}, addr: map[token.Position]bool{}, chans: map[token.Position]bool{}, order: map[token.Position]int{}, exprs: map[token.Position]string{}, consts: map[token.Position]constSpec{}, parens: map[token.Position]bool{}, rets: map[token.Position][]string{}, casts: map[token.Position]string{}, asserts: map[token.Position]ifaceAssert{}, errConvs: map[span]errConv{}, ifaceWraps: map[span]errConv{}, codecArgs: map[span]errConv{}, ifaceEquals: map[token.Position]bool{}, warned: map[token.Pos]string{}, caseAsserts: map[token.Position]string{}, refused: map[token.Pos]string{}, preinst: map[token.Position][]string{}, need: map[string]bool{}, fieldConv: map[token.Position]string{}, varargs: map[token.Position]map[int]string{}, promoted: map[token.Position][]string{}, mapGets: map[token.Position]string{}}
	inCell := func(n ast.Node) (token.Position, bool) {
		p := c.fset.Position(n.Pos())
		return key(p), p.Filename == cellFile
	}
	qual := func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		if gostd.Whole(p.Path()) {
			e.need[p.Path()] = true
			return stdName(p.Path())
		}
		if n, ok := imports[p.Path()]; ok {
			return n
		}
		return "\x00"
	}
	// Types declared in a function are written by name: a call naming
	// one is in its scope.
	typeList := func(ts []types.Type) (string, bool) {
		parts := make([]string, len(ts))
		for i, t := range ts {
			parts[i] = types.TypeString(t, qual)
			if !writable(parts[i]) {
				return "", false
			}
		}
		return strings.Join(parts, ", "), true
	}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok {
			return true
		}
		pn, ok := info.Uses[x].(*types.PkgName)
		if !ok {
			return true
		}
		std := pn.Imported().Path()
		if !gostd.Whole(std) && !gostd.Has(std, sel.Sel.Name) {
			return true
		}
		pos, ok := inCell(x)
		if !ok {
			return true
		}
		e.rename[pos] = stdName(std)
		e.need[std] = true
		return true
	})
	calls := callsByName(f)
	cellTypes := func(p *types.Package) bool { return p.Path() == "main" || gostd.Whole(p.Path()) }
	for id, inst := range info.Instances {
		if _, isFunc := inst.Type.(*types.Signature); !isFunc {
			continue // a generic type: Go makes cells write its arguments
		}
		pos, ok := inCell(id)
		if !ok {
			continue
		}
		fn, _ := info.Uses[id].(*types.Func)
		targs := typeArgs(inst.TypeArgs)
		consts := map[ast.Expr]types.Type{}
		constsWritable := func(consts map[ast.Expr]types.Type, out map[token.Position]string) bool {
			conv := map[token.Position]string{}
			for a, t := range consts {
				s, ok := typeList([]types.Type{t})
				p, inCellArg := inCell(a)
				if !ok || !inCellArg {
					return false
				}
				conv[p] = s
			}
			for p, s := range conv {
				out[p] = s
			}
			return true
		}
		call := calls[id]
		switch {
		case call != nil && fn != nil && needsNoWrittenArgs(call, fn, targs, info, cellTypes, consts) && constsWritable(consts, e.argConv):
			// yaegi infers them; written out, it could not take them
			// (inferargs.go).
			if explicitArgs(call.Fun) {
				e.untyped[pos] = true
			}
		case untakeable(targs) != nil:
			e.refuseArgs[pos] = untakeableMessage(id.Name, untakeable(targs), targs)
		default:
			if list, ok := typeList(targs); ok {
				e.targs[pos] = "[" + list + "]"
			}
		}
		res := inst.Type.(*types.Signature).Results()
		if res.Len() == 1 && dataType(res.At(0).Type()) {
			if t, ok := typeList([]types.Type{res.At(0).Type()}); ok {
				e.conv[pos] = t
			}
		}
	}
	e.refuseDecl = c.selfRefGenerics(f, info, e.lits)
	if err := c.selfRefTypes(info); err != nil && e.refuseDecl == nil {
		e.refuseDecl = err
	}
	if err := c.sameNamedGenericMethods(info); err != nil && e.refuseDecl == nil {
		e.refuseDecl = err
	}
	c.compiledCallLits(f, info, e.lits)
	c.genericVars(f, info, e, typeList)
	c.errorsCalls(f, info, e, typeList)
	c.sortedCalls(f, info, e, typeList)
	c.mapCommaOK(f, info, e.mapGets, typeList)
	c.unsafeCalls(f, info, e)
	c.rangeFuncs(f, info, e, typeList)
	c.compiledIfaceCases(f, info, e.cases, e.viaAny, e.refuse)
	c.caseAsserts(f, info, e, typeList)
	c.fmtCalls(f, info, e, typeList)
	c.intRanges(f, info, e.ints)
	c.stringRanges(f, info, e.strs)
	c.ptrReceivers(f, info, e.addr)
	c.chanValueRanges(f, info, e.chans)
	c.initOrder(info, e.order)
	c.methodExprs(f, info, e, typeList)
	c.shiftedConsts(f, info, e, typeList)
	c.ifaceEdits(f, info, e, typeList)
	c.ifaceCasts(f, info, e, typeList)
	c.ifaceAsserts(f, info, e, typeList)
	c.compiledIfaceFieldAssigns(f, info, e.fieldConv, typeList)
	c.errConversions(f, info, e, typeList)
	c.structAsserts(f, info, e)
	c.reflectCalls(f, info, e)
	c.reflectMethodCalls(f, info, e)
	c.codecCalls(f, info, e)
	e.defers = c.deferFacts(f, info)
	e.resultDests = c.globalResultDests(f, info)
	c.preinstantiate(f, info, e, typeList)
	c.variadicIfaceArgs(f, info, e.varargs, typeList)
	c.promotedMethods(f, info, e.promoted, typeList)
	c.pkgIfaceConversions(f, info, e, typeList)
	c.cellIfaceCopies(f, info, e, typeList)
	c.ifaceComparisons(f, info, e.ifaceEquals)
	return e
}

// typeArgs lists a type list's types.
func typeArgs(l *types.TypeList) []types.Type {
	out := make([]types.Type, l.Len())
	for i := range out {
		out[i] = l.At(i)
	}
	return out
}

// syntacticStd is the edits of a cell the checker was not sure of: uses
// of the packages gostd implements whole, found by name.
func syntacticStd(n ast.Node, fset *token.FileSet, imports map[string]string) stdEdits {
	e := stdEdits{rename: map[token.Position]string{}, need: map[string]bool{}}
	byName := map[string]string{}
	for p, name := range imports {
		if gostd.Whole(p) {
			byName[name] = p
		}
	}
	if len(byName) == 0 {
		return e
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && byName[x.Name] != "" {
				e.rename[key(fset.Position(x.Pos()))] = stdName(byName[x.Name])
				e.need[byName[x.Name]] = true
			}
		}
		return true
	})
	return e
}

// applyStd makes the edits in n, a parsed group positioned by fset.
func applyStd(n ast.Node, fset *token.FileSet, e stdEdits) error {
	if e.refuseDecl != nil {
		return e.refuseDecl
	}
	rewriteSelfRefGenerics(n, fset, e.lits)
	rewriteIfaceConversions(n, fset, e.parens, e.rets, e.casts)
	rewriteIfaceAsserts(n, fset, e.asserts)
	reorderVars(n, fset, e.order)
	if err := rewriteTypeSwitches(n, fset, e.cases, e.viaAny, e.refuse, e.caseAsserts); err != nil {
		return err
	}
	addressReceivers(n, fset, e.addr)
	convertFieldAssigns(n, fset, e.fieldConv)
	convertVariadicIfaceArgs(n, fset, e.varargs)
	addPromotedMethods(n, fset, e.promoted)
	if err := dropTypeArgs(n, fset, e.untyped, e.refuseArgs); err != nil {
		return err
	}
	convertArgs(n, fset, e.argConv)
	instantiate(n, fset, e)
	if err := rewriteRangeFuncs(n, fset, e.ranges); err != nil {
		return err
	}
	rewriteInstancePointerVars(n)
	rewriteIfaceComparisons(n, fset, e.ifaceEquals)
	rewriteErrConversions(n, fset, e.errConvs)
	rewriteErrConversions(n, fset, e.ifaceWraps)
	rewriteErrConversions(n, fset, e.codecArgs)
	makeInstancesFirst(n, fset, e.preinst)
	readMapsFresh(n, fset, e.mapGets)
	return nil
}

// instantiate renames, replaces calls, writes type arguments out and
// splits var declarations.
func instantiate(n ast.Node, fset *token.FileSet, e stdEdits) {
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if name, ok := e.rename[key(fset.Position(id.Pos()))]; ok {
				id.Name = name
			}
		}
		return true
	})
	replaceCalls(n, fset, e.calls)
	replaceExprs(n, fset, e.exprs)
	replaceConsts(n, fset, e.consts)
	if len(e.targs) == 0 {
		splitGenericVars(n, fset, e.vars, e.defs) // comma-ok forms (commaOK)
		return
	}
	// nameKey is the cell position of the identifier naming a function
	// in x (F, pkg.F, F[T]).
	nameKey := func(x ast.Expr) (token.Position, bool) {
		for {
			switch y := x.(type) {
			case *ast.Ident:
				return key(fset.Position(y.Pos())), true
			case *ast.SelectorExpr:
				return key(fset.Position(y.Sel.Pos())), true
			case *ast.IndexExpr:
				x = y.X
			case *ast.IndexListExpr:
				x = y.X
			default:
				return token.Position{}, false
			}
		}
	}
	done := map[token.Position]bool{}
	astutil.Apply(n, func(c *astutil.Cursor) bool {
		x, ok := c.Node().(ast.Expr)
		if !ok {
			return true
		}
		switch y := x.(type) {
		case *ast.IndexExpr:
			x = y.X
		case *ast.IndexListExpr:
			x = y.X
		case *ast.Ident:
			if sel, ok := c.Parent().(*ast.SelectorExpr); ok && sel.Sel == y {
				return true // handled with its selector
			}
		case *ast.SelectorExpr:
		default:
			return true
		}
		k, ok := nameKey(x)
		if !ok || done[k] || e.targs[k] == "" {
			return true
		}
		indices := parseTypes(fset, e.targs[k], x.Pos())
		if indices == nil {
			return true
		}
		done[k] = true
		if len(indices) == 1 {
			c.Replace(&ast.IndexExpr{X: x, Lbrack: x.End(), Index: indices[0], Rbrack: x.End()})
		} else {
			c.Replace(&ast.IndexListExpr{X: x, Lbrack: x.End(), Indices: indices, Rbrack: x.End()})
		}
		return false
	}, func(c *astutil.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok {
			return true
		}
		k, ok := nameKey(call.Fun)
		if t := e.conv[k]; ok && t != "" {
			if conv, ok := parseExpr(fset, "("+t+")(_)", call.Pos()).(*ast.CallExpr); ok {
				conv.Args[0] = call
				c.Replace(conv)
			}
		}
		return true
	})
	splitGenericVars(n, fset, e.vars, e.defs)
}

// genericDefines marks the cell's top-level `:=` statements whose values
// call a generic function, or take a comma-ok form (commaOK): in yaegi's
// global scope they fail ("constant definition loop", "not a generic
// type", "nil type"), where a declaration followed by an assignment works.
func (c *checker) genericDefines(list []ast.Stmt, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool), callsGeneric func([]ast.Expr) bool) {
	for _, st := range list {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || !callsGeneric(as.Rhs) && !commaOK(as, info) {
			continue
		}
		p := c.fset.Position(as.Lhs[0].Pos())
		if p.Filename != cellFile {
			continue
		}
		ts := make([]string, len(as.Lhs))
		ok = true
		for i, l := range as.Lhs {
			id, isID := l.(*ast.Ident)
			if !isID {
				ok = false
				break
			}
			if obj := info.Defs[id]; obj != nil && id.Name != "_" {
				ts[i], ok = typeList([]types.Type{obj.Type()})
				if !ok {
					break
				}
			} else if id.Name == "_" && commaOK(as, info) {
				// yaegi also refuses `_, ok = m[k]` at top level
				// ("cannot use _ as value"): the blank becomes a
				// variable of its own (blankPrefix).
				t := info.TypeOf(as.Rhs[0])
				if tu, isTuple := t.(*types.Tuple); isTuple && i < tu.Len() {
					t = tu.At(i).Type()
				} else if i > 0 {
					t = types.Typ[types.Bool]
				}
				if t == nil {
					ok = false
					break
				}
				ts[i], ok = typeList([]types.Type{t})
				if !ok {
					break
				}
				ts[i] = blankPrefix + ts[i]
			}
		}
		if ok {
			e.defs[key(p)] = ts
		}
	}
}

// blankPrefix marks, in a define's types, a blank identifier that becomes
// a variable of its own.
const blankPrefix = "_:"

// commaOK reports whether a := of two names takes the comma-ok form of a
// type assertion, a map index or a channel receive (`v, ok := x.(T)`,
// `v, ok := m[k]`, `v, ok := <-ch`), which yaegi v0.16.1 fails to compile
// at top level ("nil type"); in a function it is right.
func commaOK(as *ast.AssignStmt, info *types.Info) bool {
	if len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return false
	}
	switch x := ast.Unparen(as.Rhs[0]).(type) {
	case *ast.TypeAssertExpr:
		return true
	case *ast.UnaryExpr:
		return x.Op == token.ARROW
	case *ast.IndexExpr:
		t := info.TypeOf(x.X)
		if t == nil {
			return false
		}
		_, isMap := t.Underlying().(*types.Map)
		return isMap
	}
	return false
}

// splitGenericVars rewrites the var specs genericVars marked, and the
// top-level := statements genericDefines marked.
func splitGenericVars(n ast.Node, fset *token.FileSet, vars map[token.Position]string, defs map[token.Position][]string) {
	if len(vars) == 0 && len(defs) == 0 {
		return
	}
	marked := func(vs *ast.ValueSpec) (string, bool) {
		t, ok := vars[key(fset.Position(vs.Names[0].Pos()))]
		return t, ok
	}
	astutil.Apply(n, func(c *astutil.Cursor) bool {
		switch x := c.Node().(type) {
		case *ast.GenDecl:
			if _, inFunc := c.Parent().(*ast.DeclStmt); inFunc || x.Tok != token.VAR {
				return true
			}
			// Package level: var a, b T = func() (T, T) { return … }().
			for _, sp := range x.Specs {
				vs := sp.(*ast.ValueSpec)
				if t, ok := marked(vs); ok && t != "" {
					lit, ok := parseExpr(fset, "func() "+t+" { return }()", vs.Pos()).(*ast.CallExpr)
					if !ok {
						continue
					}
					lit.Fun.(*ast.FuncLit).Body.List[0].(*ast.ReturnStmt).Results = vs.Values
					vs.Values = []ast.Expr{lit}
				}
			}
		case *ast.AssignStmt:
			ts, ok := defs[key(fset.Position(x.Lhs[0].Pos()))]
			if !ok || x.Tok != token.DEFINE {
				return true
			}
			var out []ast.Stmt
			for i, t := range ts {
				if t == "" {
					continue
				}
				id := x.Lhs[i].(*ast.Ident)
				if blank, ok := strings.CutPrefix(t, blankPrefix); ok {
					t = blank
					id = &ast.Ident{NamePos: id.Pos(), Name: "_gotrainBlank"}
					x.Lhs[i] = id
				}
				typ := parseExpr(fset, t, id.Pos())
				if typ == nil {
					return true
				}
				out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: id.Pos(), Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{{NamePos: id.Pos(), Name: id.Name}}, Type: typ}}}})
			}
			x.Tok = token.ASSIGN
			out = append(out, x)
			c.Replace(out[0])
			for i := len(out) - 1; i > 0; i-- {
				c.InsertAfter(out[i])
			}
			return false
		case *ast.DeclStmt:
			gd, ok := x.Decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR || !anyMarked(gd, marked) {
				return true
			}
			// In a function: `var a, b = …` → `a, b := …`, and
			// `var a T = …` → `var a T; a = …`.
			var out []ast.Stmt
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				if _, ok := marked(vs); !ok {
					out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: gd.TokPos, Tok: token.VAR, Specs: []ast.Spec{vs}}})
					continue
				}
				lhs := make([]ast.Expr, len(vs.Names))
				blank := true
				for i, n := range vs.Names {
					lhs[i] = n
					blank = blank && n.Name == "_"
				}
				tok := token.DEFINE
				if vs.Type != nil || blank {
					tok = token.ASSIGN
				}
				if vs.Type != nil {
					out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: gd.TokPos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: vs.Names, Type: vs.Type}}}})
					lhs = make([]ast.Expr, len(vs.Names))
					for i, n := range vs.Names {
						lhs[i] = &ast.Ident{NamePos: n.NamePos, Name: n.Name}
					}
				}
				out = append(out, &ast.AssignStmt{Lhs: lhs, TokPos: vs.Names[0].Pos(), Tok: tok, Rhs: vs.Values})
			}
			c.Replace(out[0])
			for i := len(out) - 1; i > 0; i-- {
				c.InsertAfter(out[i])
			}
		}
		return true
	}, nil)
}

func anyMarked(gd *ast.GenDecl, marked func(*ast.ValueSpec) (string, bool)) bool {
	for _, sp := range gd.Specs {
		if _, ok := marked(sp.(*ast.ValueSpec)); ok {
			return true
		}
	}
	return false
}

// parseExpr parses synthesized source, every node placed at pos.
func parseExpr(fset *token.FileSet, src string, pos token.Pos) ast.Expr {
	e, err := parser.ParseExprFrom(fset, "", src, 0)
	if err != nil {
		return nil
	}
	setPos(e, pos)
	return e
}

// parseTypes parses a type argument list "[T1, T2]".
func parseTypes(fset *token.FileSet, list string, pos token.Pos) []ast.Expr {
	switch y := parseExpr(fset, "_"+list, pos).(type) {
	case *ast.IndexExpr:
		return []ast.Expr{y.Index}
	case *ast.IndexListExpr:
		return y.Indices
	}
	return nil
}

// loadStd imports, once per session, the gostd packages of the standard
// packages named, under their hidden names.
func (s *Session) loadStd(pkgs map[string]bool) error {
	for std := range pkgs {
		if s.stdLoaded[std] {
			continue
		}
		p, ok := gostd.Path(std)
		if !ok {
			continue
		}
		src := fmt.Sprintf("package main; import %s %s", stdName(std), strconv.Quote(p))
		f, err := parser.ParseFile(s.interp.FileSet(), cellFile, src, 0)
		if err != nil {
			return err
		}
		prog, err := s.compile(f)
		if err != nil {
			return fmt.Errorf("the kernel's source of package %s did not load: %w", std, err)
		}
		if _, err := s.interp.Execute(prog); err != nil {
			return fmt.Errorf("the kernel's source of package %s did not load: %w", std, err)
		}
		s.stdLoaded[std] = true
	}
	return nil
}

// dropStdImports removes from an import group the packages gostd
// implements whole (their uses are renamed to the hidden import) and
// returns them.
func dropStdImports(f *ast.File) map[string]bool {
	out := map[string]bool{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		keep := gd.Specs[:0]
		for _, sp := range gd.Specs {
			is := sp.(*ast.ImportSpec)
			p, _ := strconv.Unquote(is.Path.Value)
			if gostd.Whole(p) {
				out[p] = true
				continue
			}
			keep = append(keep, sp)
		}
		gd.Specs = keep
	}
	return out
}

// stdEdits applies the running cell's gostd edits to a parsed group,
// loading the packages they use.
func (s *Session) stdEdits(n ast.Node) error {
	e := s.std
	if e == nil {
		se := syntacticStd(n, s.interp.FileSet(), s.importsCopy())
		e = &se
	}
	if err := s.loadStd(e.need); err != nil {
		return err
	}
	return applyStd(n, s.interp.FileSet(), *e)
}

// dataType reports whether a generic call's result of type t is written
// as a conversion to t: yaegi v0.16.1 fails to type an explicitly
// instantiated call in a composite literal, but converts it fine. Function
// types (the conversion loses the call's value in yaegi) and instances of
// generic types and pointers to them (it cannot name them there: `(*List[string])(…)`
// is "type not found" when nothing made that instance before) are left alone.
func dataType(t types.Type) bool {
	elem := t
	if p, ok := t.(*types.Pointer); ok {
		elem = p.Elem()
	}
	if n, ok := elem.(*types.Named); ok && n.TypeArgs().Len() > 0 {
		return false
	}
	if _, ok := t.(*types.TypeParam); ok {
		return false
	}
	_, isFunc := t.Underlying().(*types.Signature)
	return !isFunc
}

// genericVars marks the var specs whose values call a generic function:
// yaegi v0.16.1 gives such a variable its zero value in a function (a
// silent wrong result) and panics at package level. In a function the
// spec becomes an assignment (vars[pos] = ""); at package level its
// values come from a function literal returning them, which needs their
// types.
func (c *checker) genericVars(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	callsGeneric := func(vals []ast.Expr) bool {
		found := false
		for _, v := range vals {
			ast.Inspect(v, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if inst, ok := info.Instances[id]; ok {
						_, found = inst.Type.(*types.Signature)
					}
				}
				return !found
			})
		}
		return found
	}
	mark := func(vs *ast.ValueSpec, top bool) {
		if len(vs.Values) == 0 || !callsGeneric(vs.Values) {
			return
		}
		p := c.fset.Position(vs.Names[0].Pos())
		if p.Filename != cellFile {
			return
		}
		if !top {
			e.vars[key(p)] = ""
			return
		}
		ts := make([]types.Type, len(vs.Names))
		for i, n := range vs.Names {
			obj := info.Defs[n]
			if obj == nil {
				return
			}
			ts[i] = obj.Type()
		}
		if list, ok := typeList(ts); ok {
			e.vars[key(p)] = "(" + list + ")"
		}
	}
	for _, d := range f.Decls {
		switch x := d.(type) {
		case *ast.GenDecl:
			if x.Tok == token.VAR {
				for _, sp := range x.Specs {
					mark(sp.(*ast.ValueSpec), true)
				}
			}
		case *ast.FuncDecl:
			if x.Body == nil {
				continue
			}
			if x.Name.Name == "_gotrainCell" {
				c.genericDefines(x.Body.List, info, e, typeList, callsGeneric)
			}
			ast.Inspect(x.Body, func(n ast.Node) bool {
				if ds, ok := n.(*ast.DeclStmt); ok {
					if gd, ok := ds.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
						for _, sp := range gd.Specs {
							mark(sp.(*ast.ValueSpec), false)
						}
					}
				}
				return true
			})
		}
	}
}
