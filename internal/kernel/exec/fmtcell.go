package exec

import (
	"go/ast"
	"go/constant"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// Printing values of cell types (the checker's half; fmtview.go prints).
// In a cell's call of fmt.Print, Println, Printf, Sprint, Sprintln,
// Sprintf, Fprint, Fprintln or Fprintf, go/types knows each argument's
// type, so:
//
//   - an argument of a named cell type with a String or Error method, or
//     of a cell struct type (or a pointer to one) with such fields, is
//     passed as a view made in the cell, with the field names and the
//     method values: `fmt.Println(p)` → `fmt.Println(func(v Pixel) any {
//     return _gotrain.FmtStruct("main.Pixel", false, []string{"X", "Y",
//     "C"}, v.X, v.Y, _gotrain.FmtNamed(v.C, v.C.String, nil)) }(p))`;
//   - the operand of a %T of a constant format is written as Go names
//     its type (`main.Rect`), the verb made %s: for an operand of
//     interface type, by a type switch over the cell's types that
//     implement the interface.
//
// Slices and arrays of such values are passed as lists of their views,
// and a value held in a cell interface or an `any` as the view of what a
// type assertion takes out (dispatchView). Not covered (README, known
// limits): pointers below the top, and values of cell types that are not
// structs held in an `any`, which print as the interpreter has them.

// fmtFuncs are the rewritten fmt functions: the index of the format
// argument (-1: none) and of the first operand.
var fmtFuncs = map[string][2]int{
	"Print": {-1, 0}, "Println": {-1, 0}, "Printf": {0, 1},
	"Sprint": {-1, 0}, "Sprintln": {-1, 0}, "Sprintf": {0, 1},
	"Fprint": {-1, 1}, "Fprintln": {-1, 1}, "Fprintf": {1, 2},
}

// fmtCalls finds the cell's fmt calls with operands of cell types and
// records their replacements in e.calls.
func (c *checker) fmtCalls(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	var scope *types.Scope
	ast.Inspect(f, func(n ast.Node) bool {
		call, sel, x := packageCall(n, info, "fmt")
		if call == nil || len(call.Args) > 10 {
			return true
		}
		idx, ok := fmtFuncs[sel.Sel.Name]
		if !ok {
			return true
		}
		p := c.fset.Position(sel.Sel.Pos())
		if p.Filename != cellFile {
			return true
		}
		if scope == nil {
			scope = info.Uses[x].Pkg().Scope() // the cells' package
		}
		w := fmtWriter{pkg: x.Name, typeList: typeList, scope: scope, n: new(int)}
		var verbs []rune // the verb of each operand, when known
		format := ""
		if idx[0] >= 0 {
			tv := info.Types[call.Args[idx[0]]]
			if tv.Value != nil && tv.Value.Kind() == constant.String {
				format = constant.StringVal(tv.Value)
				verbs = operandVerbs(format)
				w.sharp = sharpV(format)
			}
		}
		args := make([]string, len(call.Args))
		changed := false
		typeVerbs := map[int]bool{}
		for i := range call.Args {
			args[i] = "ARG" + strconv.Itoa(i)
			if i < idx[1] {
				continue
			}
			t := info.TypeOf(call.Args[i])
			if t == nil {
				continue
			}
			if k := i - idx[1]; compiledInterface(t) && !types.Identical(t, types.Universe.Lookup("error").Type()) && (k >= len(verbs) || verbs[k] != 'T') && !call.Ellipsis.IsValid() {
				if held := wrappedCellTypes(scope, t); held != "" {
					e.warned[call.Args[i].Pos()] = "fmt: a value held in " + types.TypeString(t, nil) + " of a type declared in a cell without a String method (" + held + ") is printed as this interpreter's wrapper ({… 0x…}), not as Go prints it: print it asserted to its type (x.(T)) or held in an any"
				}
			}
			if call.Ellipsis.IsValid() {
				if i == len(call.Args)-1 {
					if v, ok := w.spreadView(t, args[i]); ok {
						args[i], changed = v, true
					}
				}
				continue
			}
			if k := i - idx[1]; k < len(verbs) && verbs[k] == 'T' {
				if name, ok := w.typeName(t); ok {
					args[i] = name + "(" + args[i] + ")"
					typeVerbs[k] = true
					changed = true
				}
				continue
			}
			if k := i - idx[1]; k < len(verbs) && verbs[k] == 'p' {
				continue // an address: the value itself
			}
			if v, ok := w.view(t, "v", true); ok {
				if pt, ok := typeList([]types.Type{t}); ok {
					nilCheck := ""
					if _, isPtr := t.Underlying().(*types.Pointer); isPtr {
						nilCheck = "if v == nil { return nil }; "
					}
					args[i] = "func(v " + pt + ") any { " + nilCheck + "return " + v + " }(" + args[i] + ")"
					changed = true
				}
			}
		}
		if !changed {
			return true
		}
		if len(typeVerbs) > 0 {
			args[idx[0]] = strconv.Quote(typeVerbsAsS(format, typeVerbs))
		}
		spread := ""
		if call.Ellipsis.IsValid() {
			spread = "..."
		}
		e.calls[key(p)] = x.Name + "." + sel.Sel.Name + "(" + strings.Join(args, ", ") + spread + ")"
		return true
	})
}

// spreadView returns the operand list `args...` of a fmt call as the
// list of its elements' views, when they need them.
func (w fmtWriter) spreadView(t types.Type, expr string) (string, bool) {
	sl, ok := coreOf(t).(*types.Slice)
	if !ok {
		return "", false
	}
	ev, ok := w.view(sl.Elem(), "v", true)
	if !ok {
		return "", false
	}
	src, ok1 := w.typeList([]types.Type{t})
	esrc, ok2 := w.typeList([]types.Type{sl.Elem()})
	if !ok1 || !ok2 {
		return "", false
	}
	return "func(_gotrain_sl " + src + ") []any { _gotrain_so := make([]any, len(_gotrain_sl)); for _gotrain_si := range _gotrain_sl { _gotrain_so[_gotrain_si] = func(v " + esrc + ") any { return " + ev + " }(_gotrain_sl[_gotrain_si]) }; return _gotrain_so }(" + expr + ")", true
}

// fmtWriter writes the Go source of views and type names.
type fmtWriter struct {
	pkg      string // the cell's name of fmt
	typeList func([]types.Type) (string, bool)
	scope    *types.Scope // package main's
	n        *int         // counter for the names of list views
	// inAny says the view being written is of a value an `any` holds:
	// an `any` inside it is printed as the interpreter has it (a cell
	// type may hold itself through one).
	inAny bool
	// depth counts the dispatches the view is inside: a cell type can
	// hold itself through a cell interface, and its view stops there.
	depth int
	// unexported says the view is of a value below an unexported
	// field: fmt calls none of its String or Error methods (it cannot
	// take the value out of reflect), but spells its fields.
	unexported bool
	// sharp says the format has a %#v, which spells a struct's type
	// (the interpreter's is unnamed): every cell struct gets a view.
	sharp bool
}

// cellNamed returns t as a named type declared in the cells (not an
// interface; a generic one only as an instance of types the cell can
// name: Option[int], not Option[T] in a generic function).
func cellNamed(t types.Type) (*types.Named, bool) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" || types.IsInterface(n) {
		return nil, false
	}
	if n.TypeParams().Len() > 0 && (n.TypeArgs().Len() == 0 || mentionsTypeParam(n)) {
		return nil, false
	}
	return n, true
}

// stringMethod reports whether t's method set has name() string.
func stringMethod(t types.Type, name string) bool {
	sel := types.NewMethodSet(t).Lookup(nil, name)
	if sel == nil {
		return false
	}
	sig, ok := sel.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Results().At(0).Type().(*types.Basic)
	return ok && b.Kind() == types.String
}

// view returns the Go expression of the view of expr, of type t, and
// whether one is needed; top says expr is an operand (a pointer to a
// struct prints as &{...} there, as an address below).
func (w fmtWriter) view(t types.Type, expr string, top bool) (string, bool) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		n, ok := cellNamed(p.Elem())
		if !ok || !top {
			return "", false
		}
		if v, ok := w.methods(t, expr); ok {
			return v, true
		}
		if _, isStruct := n.Underlying().(*types.Struct); isStruct {
			return w.structView(n, expr, true)
		}
		return "", false
	}
	switch t.(type) {
	case *types.Slice, *types.Array:
		return w.listView(t, expr)
	case *types.Map:
		return w.mapView(t, expr)
	}
	if cellInterface(t) {
		return w.dispatchView(t, expr)
	}
	if tp, isParam := t.(*types.TypeParam); isParam {
		// A value of a type parameter cannot be asserted: its view is
		// that of the value held in an any. yaegi reads a field named
		// as a type parameter of the function (x.T in Box[T]'s method)
		// as the type argument ("undefined selector: int"): with such
		// a field in a cell struct, the value is left as it is.
		if !emptyInterface(t) || w.inAny || fieldNamedAsTypeParam(w.scope, tp) {
			return "", false
		}
		w.inAny = true
		return w.dispatchView(types.Universe.Lookup("any").Type(), "any("+expr+")")
	}
	if emptyInterface(t) && !w.inAny {
		w.inAny = true
		return w.dispatchView(t, expr)
	}
	if _, ok := t.(*types.Struct); ok {
		return w.structView(t, expr, false)
	}
	n, ok := cellNamed(t)
	if !ok {
		return "", false
	}
	if v, ok := w.methods(t, expr); ok {
		return v, true
	}
	if _, isList := n.Underlying().(*types.Slice); isList {
		return w.listView(n, expr)
	}
	if _, isList := n.Underlying().(*types.Array); isList {
		return w.listView(n, expr)
	}
	if _, isMap := n.Underlying().(*types.Map); isMap {
		return w.mapView(n, expr)
	}
	return w.structView(n, expr, false)
}

// listView returns the view of a slice or array whose elements need one:
// a function literal building the list of their views.
func (w fmtWriter) listView(t types.Type, expr string) (string, bool) {
	var elem types.Type
	isSlice := false
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem, isSlice = u.Elem(), true
	case *types.Array:
		elem = u.Elem()
	default:
		return "", false
	}
	*w.n++
	k := strconv.Itoa(*w.n)
	list, idx, e := "_gotrain_l"+k, "_gotrain_i"+k, "_gotrain_e"+k
	ev, ok := w.view(elem, e, false)
	if !ok {
		return "", false
	}
	src, ok1 := w.typeList([]types.Type{t})
	name, ok2 := goTypeName(t)
	esrc, ok3 := w.typeList([]types.Type{elem})
	if !ok1 || !ok2 || !ok3 {
		return "", false
	}
	// Each element's view is made in a call of its own: a method value
	// taken in the loop body would keep the loop's last element.
	ev = "func(" + e + " " + esrc + ") any { return " + ev + " }(" + list + "[" + idx + "])"
	nilCheck := ""
	if isSlice {
		nilCheck = "if " + list + " == nil { return " + list + " }; "
	}
	return "func(" + list + " " + src + ") any { " + nilCheck + "_gotrain_o" + k + " := make([]any, len(" + list + ")); for " + idx + " := range " + list + " { _gotrain_o" + k + "[" + idx + "] = " + ev + " }; return " + rtName + ".FmtList(" + strconv.Quote(name) + ", _gotrain_o" + k + ") }(" + expr + ")", true
}

// mapView returns the view of a map whose keys or values need one: a map
// of the keys (or their views) to the values' views, which fmt prints in
// its own key order.
func (w fmtWriter) mapView(t types.Type, expr string) (string, bool) {
	m, ok := t.Underlying().(*types.Map)
	if !ok {
		return "", false
	}
	*w.n++
	k := strconv.Itoa(*w.n)
	mv, kv, ev, x, y, out := "_gotrain_m"+k, "_gotrain_k"+k, "_gotrain_v"+k, "_gotrain_e"+k, "_gotrain_y"+k, "_gotrain_o"+k
	view, vok := w.view(m.Elem(), x, false)
	keyView, kok := w.methods(m.Key(), y) // a hashable view: see FmtKey
	if !kok {
		if _, other := w.view(m.Key(), y, false); other {
			return "", false // a key of a struct type with such fields
		}
	}
	if !vok && !kok {
		return "", false
	}
	src, ok1 := w.typeList([]types.Type{t})
	ksrc, ok2 := w.typeList([]types.Type{m.Key()})
	esrc, ok3 := w.typeList([]types.Type{m.Elem()})
	if !ok1 || !ok2 || !ok3 {
		return "", false
	}
	// Keys that need a view are views in a map[any]any: fmt orders
	// them by their first field, the key's value, as it orders the
	// keys themselves.
	keyType, key := ksrc, kv
	if kok {
		keyType, key = "any", rtName+".FmtKey(func("+y+" "+ksrc+") any { return "+keyView+" }("+kv+"))"
	}
	val := ev
	if vok {
		val = "func(" + x + " " + esrc + ") any { return " + view + " }(" + ev + ")"
	}
	ret := out
	if name, ok := goTypeName(t); ok {
		ret = rtName + ".FmtMap(" + strconv.Quote(name) + ", " + out + ")"
	}
	return "func(" + mv + " " + src + ") any { if " + mv + " == nil { return " + mv + " }; " + out + " := make(map[" + keyType + "]any, len(" + mv + ")); for " + kv + ", " + ev + " := range " + mv + " { " + out + "[" + key + "] = " + val + " }; return " + ret + " }(" + expr + ")", true
}

// cellInterface reports whether t is a non-empty interface declared in
// the cells.
func cellInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
		return false
	}
	it, ok := n.Underlying().(*types.Interface)
	return ok && it.NumMethods() > 0
}

// dispatchView returns the view of a value of a cell interface type: a
// function literal asserting, in turn, each cell type implementing it
// (types of the same underlying type, which the assertion cannot tell
// apart, are left out), and making the view of what it holds. For an
// empty interface (`any`), the candidates are the cell's struct types
// and pointers to them: the interpreter's assertion compares underlying
// types, and an `any` may hold a value of a compiled type of the same
// underlying type as a cell's `type Celsius float64` (a struct type
// written out in a cell's expression is rare); the view is then made of
// the value the assertion takes out, whose String method the
// interpreter calls right, where through the interface it may call it
// on another value (ifaceconv.go).
func (w fmtWriter) dispatchView(t types.Type, expr string) (string, bool) {
	if w.depth >= 2 {
		return "", false
	}
	w.depth++
	it := t.Underlying().(*types.Interface)
	src, ok := w.typeList([]types.Type{t})
	if !ok {
		return "", false
	}
	var cands []types.Type
	// named are the cell types that are not structs, with a String or
	// Error method, an `any` may hold.
	var named []types.Type
	names := w.scope.Names()
	sort.Strings(names)
	for _, nm := range names {
		tn, ok := w.scope.Lookup(nm).(*types.TypeName)
		if !ok || strings.HasPrefix(nm, "_gotrain") {
			continue
		}
		if _, ok := cellNamed(tn.Type()); !ok {
			continue
		}
		st, isStruct := tn.Type().Underlying().(*types.Struct)
		if !isStruct && it.NumMethods() == 0 {
			if stringMethod(tn.Type(), "String") || stringMethod(tn.Type(), "Error") {
				named = append(named, tn.Type())
			}
			continue
		}
		if isStruct && it.NumMethods() > 0 && embedsInterface(st) {
			continue // yaegi's compiler calls asserting it impossible
		}
		for _, ct := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if types.Implements(ct, it) {
				cands = append(cands, ct)
			}
		}
	}
	*w.n++
	k := strconv.Itoa(*w.n)
	v, x, okn := "_gotrain_d"+k, "_gotrain_x"+k, "_gotrain_ok"+k
	var steps []string
	// A value of such a type is told from a compiled value of its
	// underlying type (a float64 beside a `type Celsius float64`) by a
	// type switch without an assignment, which compares the types the
	// interpreter recorded with the value (an assertion compares
	// underlying types); taken out by an assertion, it prints with its
	// method.
	for _, ct := range named {
		csrc, ok1 := w.typeList([]types.Type{ct})
		view, ok2 := w.methods(ct, x)
		if ok1 && ok2 {
			steps = append(steps, "switch "+v+".(type) { case "+csrc+": "+x+" := "+v+".("+csrc+"); return "+view+" }")
		}
	}
	for i, ct := range cands {
		clash := false
		for j, o := range cands {
			clash = clash || (i != j && sameShape(ct, o))
		}
		csrc, ok := w.typeList([]types.Type{ct})
		if clash || !ok {
			continue
		}
		view, ok := w.view(ct, x, true)
		if !ok {
			view, ok = w.plainView(ct, x)
		}
		if !ok {
			continue
		}
		nilPtr := ""
		if _, isPtr := ct.(*types.Pointer); isPtr {
			nilPtr = "if " + x + " == nil { return " + x + " }; " // a nil pointer prints <nil>
		}
		steps = append(steps, "if "+x+", "+okn+" := "+v+".("+csrc+"); "+okn+" { "+nilPtr+"return "+view+" }")
	}
	if len(steps) == 0 {
		return "", false
	}
	return "func(" + v + " " + src + ") any { if " + v + " == nil { return nil }; " + strings.Join(steps, "; ") + "; return " + v + " }(" + expr + ")", true
}

// embedsInterface reports whether a struct type embeds an interface.
func embedsInterface(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Embedded() && types.IsInterface(st.Field(i).Type()) {
			return true
		}
	}
	return false
}

// plainView returns the view of a value of a cell type that needs none
// when passed as itself (taken out of an interface, it must be one):
// its fields, or its value.
func (w fmtWriter) plainView(t types.Type, expr string) (string, bool) {
	ptr := false
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	n, ok := cellNamed(t)
	if !ok {
		return "", false
	}
	if st, ok := n.Underlying().(*types.Struct); ok {
		name, ok := goTypeName(n)
		if !ok {
			return "", false
		}
		names := make([]string, st.NumFields())
		vals := make([]string, st.NumFields())
		for i := range names {
			if st.Field(i).Name() == "_" {
				return "", false
			}
			names[i] = strconv.Quote(st.Field(i).Name())
			vals[i] = expr + "." + st.Field(i).Name()
		}
		return rtName + ".FmtStruct(" + strconv.Quote(name) + ", " + strconv.FormatBool(ptr) + ", []string{" + strings.Join(names, ", ") + "}" + joinArgs(vals) + ")", true
	}
	return rtName + ".FmtNamed(" + expr + ", nil, nil)", true
}

// joinArgs writes ", a, b" for a list of arguments.
func joinArgs(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return ", " + strings.Join(list, ", ")
}

// methods returns the view of a value whose type has a String or Error
// method (none below an unexported field).
func (w fmtWriter) methods(t types.Type, expr string) (string, bool) {
	if w.unexported {
		return "", false
	}
	str, err := stringMethod(t, "String"), stringMethod(t, "Error")
	if !str && !err {
		return "", false
	}
	m := func(has bool, name string) string {
		if has {
			return expr + "." + name
		}
		return "nil"
	}
	v := expr
	if w.sharp {
		// %#v spells a struct's type and fields, methods or not.
		st, ptr := t, false
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			st, ptr = p.Elem(), true
		}
		if n, ok := cellNamed(st); ok {
			if sv, ok := w.structView(n, expr, ptr); ok {
				v = sv
			}
		}
	}
	return rtName + ".FmtNamed(" + v + ", " + m(str, "String") + ", " + m(err, "Error") + ")", true
}

// structView returns the view of a struct of named type n when one of its
// fields needs one or is unexported.
func (w fmtWriter) structView(n types.Type, expr string, ptr bool) (string, bool) {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return "", false
	}
	names := make([]string, st.NumFields())
	vals := make([]string, st.NumFields())
	needed := false
	for i := range names {
		fv := st.Field(i)
		names[i] = strconv.Quote(fv.Name())
		vals[i] = expr + "." + fv.Name()
		if fv.Name() == "_" {
			return "", false // a blank field cannot be read
		}
		if !fv.Exported() {
			// fmt calls no method of an unexported field, nor of
			// anything below it; the interpreter's struct spells
			// its name, and the names of the fields of a struct
			// below it, differently (Xname).
			needed = true
			below := w
			below.unexported = true
			if v, ok := below.view(fv.Type(), vals[i], false); ok {
				vals[i] = v
			}
			continue
		}
		if v, ok := w.view(fv.Type(), vals[i], false); ok {
			vals[i], needed = v, true
		}
	}
	if !needed && !w.sharp {
		return "", false
	}
	name, ok := goTypeName(n)
	if !ok {
		// An unnamed struct: %#v spells it as go/types does.
		name = types.TypeString(n, func(p *types.Package) string { return p.Name() })
	}
	return rtName + ".FmtStruct(" + strconv.Quote(name) + ", " + strconv.FormatBool(ptr) + ", []string{" + strings.Join(names, ", ") + "}, " + strings.Join(vals, ", ") + ")", true
}

// goTypeName returns t as fmt's %T writes it, when go/types writes it the
// same (not for struct, interface or generic types, spaced differently).
func goTypeName(t types.Type) (string, bool) {
	s := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	if strings.Contains(s, "struct{") || strings.Contains(s, "interface{") || strings.Contains(s, "func(") {
		return "", false
	}
	// The only commas left separate type arguments, which Go's names
	// write without a space: main.Pair[string,int].
	return strings.ReplaceAll(s, ", ", ","), true
}

// mentionsCellType reports whether t names a type declared in the cells.
func mentionsCellType(t types.Type) bool {
	s := types.TypeString(t, func(p *types.Package) string {
		if p.Path() == "main" {
			return "\x01"
		}
		return p.Name()
	})
	return strings.Contains(s, "\x01")
}

// typeName returns a function of one argument giving the %T of an
// operand of type t, when t is or may hold a cell type.
func (w fmtWriter) typeName(t types.Type) (string, bool) {
	if !types.IsInterface(t) {
		if !mentionsCellType(t) {
			return "", false
		}
		name, ok := goTypeName(t)
		if !ok {
			return "", false
		}
		pt, ok := w.typeList([]types.Type{t})
		if !ok {
			return "", false
		}
		return "func(v " + pt + ") string { return " + strconv.Quote(name) + " }", true
	}
	it, ok := t.Underlying().(*types.Interface)
	if !ok {
		return "", false
	}
	pt, ok := w.typeList([]types.Type{t})
	if !ok {
		return "", false
	}
	var cases []string
	var impls []types.Type
	names := w.scope.Names()
	sort.Strings(names)
	for _, nm := range names {
		tn, ok := w.scope.Lookup(nm).(*types.TypeName)
		if !ok || strings.HasPrefix(nm, "_gotrain") {
			continue
		}
		if _, ok := cellNamed(tn.Type()); !ok {
			continue
		}
		for _, ct := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if !types.Implements(ct, it) {
				continue
			}
			name, ok1 := goTypeName(ct)
			src, ok2 := w.typeList([]types.Type{ct})
			if ok1 && ok2 {
				cases = append(cases, "case "+src+": return "+strconv.Quote(name))
				impls = append(impls, ct)
			}
		}
	}
	if len(cases) == 0 {
		return "", false
	}
	tests := ""
	switch {
	case it.NumMethods() == 0:
		// A value of a cell struct type without methods is held in an
		// any as its bare struct, which the type switch does not match
		// but an assertion (comparing underlying types) does.
		tests = w.structTests(names)
	case !cellInterface(t):
		// A value of a cell type in a package's interface (an error)
		// is in a compiled wrapper, which the type switch does not
		// look into but an assertion does (errval.go).
		tests = w.assertTests(impls)
	}
	return "func(v " + pt + ") string { " + tests + "switch v.(type) { " + strings.Join(cases, "; ") + " }; return " + w.pkg + `.Sprintf("%T", v) }`, true
}

// structTests returns the assertions naming the cell's struct types
// (and pointers to them) a value of an any holds, for %T: types of the
// same underlying type as another cell type are left out.
func (w fmtWriter) structTests(names []string) string {
	var structs []types.Type
	for _, nm := range names {
		tn, ok := w.scope.Lookup(nm).(*types.TypeName)
		if !ok || strings.HasPrefix(nm, "_gotrain") {
			continue
		}
		if n, ok := cellNamed(tn.Type()); ok {
			if _, isStruct := n.Underlying().(*types.Struct); isStruct {
				structs = append(structs, n)
			}
		}
	}
	var b strings.Builder
	for i, t := range structs {
		clash := false
		for j, o := range structs {
			clash = clash || (i != j && sameShape(t, o))
		}
		if clash {
			continue
		}
		for _, ct := range []types.Type{t, types.NewPointer(t)} {
			name, ok1 := goTypeName(ct)
			src, ok2 := w.typeList([]types.Type{ct})
			if ok1 && ok2 {
				b.WriteString("if _, ok := v.(" + src + "); ok { return " + strconv.Quote(name) + " }; ")
			}
		}
	}
	return b.String()
}

// assertTests returns the assertions naming the types of list, for %T:
// types of the same underlying type as another are left out.
func (w fmtWriter) assertTests(list []types.Type) string {
	var b strings.Builder
	for i, t := range list {
		clash := false
		for j, o := range list {
			clash = clash || (i != j && sameShape(t, o))
		}
		name, ok1 := goTypeName(t)
		src, ok2 := w.typeList([]types.Type{t})
		if !clash && ok1 && ok2 {
			b.WriteString("if _, ok := v.(" + src + "); ok { return " + strconv.Quote(name) + " }; ")
		}
	}
	return b.String()
}

// operandVerbs returns the verb of each operand of a format, in order;
// nil when the format reorders operands or takes a width or precision
// from one (then %T is left alone).
func operandVerbs(format string) []rune {
	var out []rune
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			break
		}
		switch format[i] {
		case '%':
			continue
		case '[', '*':
			return nil
		}
		out = append(out, rune(format[i]))
	}
	return out
}

// fieldNamedAsTypeParam reports whether a struct type declared in scope
// has a field named as one of the type parameters declared with tp.
func fieldNamedAsTypeParam(scope *types.Scope, tp *types.TypeParam) bool {
	params := map[string]bool{tp.Obj().Name(): true}
	if fs := tp.Obj().Parent(); fs != nil {
		for _, name := range fs.Names() {
			if tn, ok := fs.Lookup(name).(*types.TypeName); ok {
				if _, ok := tn.Type().(*types.TypeParam); ok {
					params[name] = true
				}
			}
		}
	}
	if scope == nil {
		return true
	}
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if params[st.Field(i).Name()] {
				return true
			}
		}
	}
	return false
}

// sharpV reports whether a format has a %#v directive.
func sharpV(format string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		sharp := false
		for i++; i < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[i]) >= 0; i++ {
			sharp = sharp || format[i] == '#'
		}
		if i < len(format) && format[i] == 'v' && sharp {
			return true
		}
	}
	return false
}

// typeVerbsAsS writes the %T verbs of the operands in set as %s.
func typeVerbsAsS(format string, set map[int]bool) string {
	b := []byte(format)
	k := 0
	for i := 0; i < len(b); i++ {
		if b[i] != '%' {
			continue
		}
		i++
		for i < len(b) && strings.IndexByte("+-# 0123456789.", b[i]) >= 0 {
			i++
		}
		if i >= len(b) || b[i] == '%' {
			continue
		}
		if b[i] == 'T' && set[k] {
			b[i] = 's'
		}
		k++
	}
	return string(b)
}

// wrappedCellTypes names up to three types declared in the cells (scope)
// that implement the compiled interface iface and have no String or
// Error method (fmt prints such a value held in iface as the
// interpreter's wrapper); "" when none does.
func wrappedCellTypes(scope *types.Scope, iface types.Type) string {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return ""
	}
	return cellTypesWhere(scope, func(n *types.Named) bool {
		return types.Implements(n, it) && !stringMethod(n, "String") && !stringMethod(n, "Error")
	})
}

// cellTypesWhere names, as warnings spell them, up to three of the
// non-generic, non-interface types declared in the cells (scope) that
// fits accepts ("main.A, main.B, main.C, …"); "" when none does.
func cellTypesWhere(scope *types.Scope, fits func(*types.Named) bool) string {
	var names []string
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || strings.HasPrefix(name, "_") {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || types.IsInterface(n) || n.TypeParams().Len() > 0 || !fits(n) {
			continue
		}
		if len(names) == 3 {
			return strings.Join(append(names, "…"), ", ")
		}
		names = append(names, "main."+name)
	}
	return strings.Join(names, ", ")
}
