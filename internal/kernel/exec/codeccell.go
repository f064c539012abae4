package exec

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"
)

// Encoding values of types that declare their own encoding in a cell.
// yaegi v0.16.1 builds a cell type on reflect types without methods, so
// encoding/json never calls a MarshalJSON or UnmarshalJSON (nor
// MarshalText, UnmarshalText) declared in a cell, nor encoding/xml a
// MarshalXML: it encodes and decodes the value as its underlying type,
// a silent wrong result. A cell calling such a package with a value
// whose type reaches one of those methods (through fields, elements,
// pointers) is refused before it runs, at the call, naming the type, the
// method and the workaround.
//
// yaegi's struct types carry no embedding either: encoding/json and
// encoding/xml nest the fields of a struct embedded in a cell struct
// type under the embedded type's name, where Go promotes them (and a
// promoted MarshalJSON, time.Time's, encodes the whole value). Such
// calls are refused too, naming the type and the embedded field; an
// embedded field named by its tag is nested by Go as well, and passes.

// codecMethods lists, by package, the methods a package calls on the
// values it encodes, then as many it calls on those it decodes.
var codecMethods = map[string][]string{
	"encoding/json": {"MarshalJSON", "MarshalText", "UnmarshalJSON", "UnmarshalText"},
	"encoding/xml":  {"MarshalXML", "MarshalXMLAttr", "MarshalText", "UnmarshalXML", "UnmarshalXMLAttr", "UnmarshalText"},
}

// codecCalls refuses the cell's calls of encoding/json and encoding/xml
// given values of types with such methods declared in cells.
func (c *checker) codecCalls(f *ast.File, info *types.Info, e stdEdits) {
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		pkg := calleePackage(call.Fun, info)
		methods := codecMethods[pkg]
		if methods == nil || c.fset.Position(call.Pos()).Filename != cellFile {
			return true
		}
		if name := calleeName(call.Fun); strings.Contains(name, "Unmarshal") || strings.Contains(name, "Decode") {
			methods = append(slices.Clone(methods[len(methods)/2:]), methods[:len(methods)/2]...) // decoding: Unmarshal… first
		}
		for _, a := range call.Args {
			if typ, method, ok := cellCodecMethod(info.TypeOf(a), methods); ok {
				e.refused[call.Pos()] = pkg + " cannot call the " + method + " method of " + typ + ", declared in a cell: this interpreter's types carry no methods reflect can see, so the value would be encoded or decoded as its underlying type. Call the method yourself (b, err := v." + method + "(…)) or copy the value into a type of the wanted shape, without the method, before encoding"
				return true
			}
			outer, field, why, ok := cellEmbeddedStruct(info.TypeOf(a), pkg)
			if !ok {
				if emptyInterface(info.TypeOf(a)) && cellEmbeds(info) {
					// It may hold such a value: the runtime looks.
					start, end := c.fset.Position(a.Pos()), c.fset.Position(a.End())
					e.codecArgs[span{key(start), key(end)}] = errConv{src: rtName + ".Embedded(_)"}
				}
				continue
			}
			if why == "" {
				// The runtime shows the codec the embedding (codecembed.go).
				start, end := c.fset.Position(a.Pos()), c.fset.Position(a.End())
				e.codecArgs[span{key(start), key(end)}] = errConv{src: rtName + ".Embedded(_)"}
				continue
			}
			tagKey := pkg[strings.LastIndex(pkg, "/")+1:]
			e.refused[call.Pos()] = pkg + " would nest the fields of " + field + ", embedded in " + outer + " (declared in a cell), under \"" + field + "\" instead of promoting them as Go does, and the kernel cannot correct it: " + why + ". Spell " + field + "'s fields out in " + outer + ", or give the embedded field a name in a tag (" + field + " `" + tagKey + ":\"…\"`) when nesting is meant"
			return true
		}
		return true
	})
}

// cellEmbeds reports whether a struct type of two or more fields
// declared in the cells embeds a field (codecembed.go).
func cellEmbeds(info *types.Info) bool {
	for _, o := range info.Defs {
		tn, ok := o.(*types.TypeName)
		if !ok || tn.Pkg() == nil || tn.Pkg().Path() != "main" {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok && st.NumFields() > 1 {
			for i := 0; i < st.NumFields(); i++ {
				if st.Field(i).Embedded() {
					return true
				}
			}
		}
	}
	return false
}

// calleeName is the name of the function or method fun calls, "" if
// none.
func calleeName(fun ast.Expr) string {
	if id := calleeIdent(fun); id != nil {
		return id.Name
	}
	return ""
}

// calleeIdent is the identifier naming the function or method of fun,
// nil if none.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch x := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// calleePackage is the path of the package whose function or method
// fun names, "" if none.
func calleePackage(fun ast.Expr, info *types.Info) string {
	id := calleeIdent(fun)
	if id == nil {
		return ""
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path()
}

// cellCodecMethod finds, in t or a type t holds (fields, elements, keys,
// pointers, through named cell types' declarations), a named type
// declared in a cell with one of methods; it returns the type as Go
// names it and the method.
func cellCodecMethod(t types.Type, methods []string) (string, string, bool) {
	var typ, method string
	seen := map[types.Type]bool{}
	var visit func(types.Type)
	visit = func(t types.Type) {
		if t == nil || seen[t] || method != "" {
			return
		}
		seen[t] = true
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" {
			ms := types.NewMethodSet(types.NewPointer(n)) // T's methods and *T's
			for _, m := range methods {
				if ms.Lookup(nil, m) != nil {
					typ, method = "main."+n.Obj().Name(), m
					return
				}
			}
			visit(n.Underlying())
		}
		if _, isFunc := t.(*types.Signature); isFunc {
			return // not encoded
		}
		typeParts(t, visit)
	}
	visit(t)
	return typ, method, method != ""
}

// cellEmbeddedStruct finds, in t or a type t holds, a struct type
// declared in a cell that embeds a struct (or a pointer to one) the
// codec pkg would promote (no name in its tag); it returns the struct
// type as Go names it and the embedded field's name, and why the
// runtime cannot show the codec that embedding ("" when it can): a
// compiled embedded type with methods (reflect cannot build a struct
// embedding it beside other fields), or a cell type holding itself.
func cellEmbeddedStruct(t types.Type, pkg string) (outer, field, why string, found bool) {
	tagKey := pkg[strings.LastIndex(pkg, "/")+1:]
	seen, onPath := map[types.Type]bool{}, map[types.Type]bool{}
	cyclic := "" // a cell type holding itself
	var visit func(types.Type)
	visit = func(t types.Type) {
		if t == nil || why != "" {
			return
		}
		if onPath[t] {
			if n, ok := t.(*types.Named); ok {
				cyclic = "main." + n.Obj().Name()
			}
			return
		}
		if seen[t] {
			return
		}
		seen[t], onPath[t] = true, true
		defer delete(onPath, t)
		name, under := "", t
		if n, ok := types.Unalias(t).(*types.Named); ok {
			if n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
				return // a compiled type: reflect sees its embedding
			}
			name, under = "main."+n.Obj().Name(), n.Underlying()
		}
		if st, ok := under.(*types.Struct); ok && st.NumFields() > 1 { // yaegi embeds a lone field
			for i := 0; i < st.NumFields(); i++ {
				f := st.Field(i)
				if !f.Embedded() {
					continue
				}
				et := f.Type()
				if p, ok := types.Unalias(et).(*types.Pointer); ok {
					et = p.Elem()
				}
				if _, isStruct := et.Underlying().(*types.Struct); !isStruct {
					continue
				}
				tag, _ := reflect.StructTag(st.Tag(i)).Lookup(tagKey)
				if tag == "-" || strings.Split(tag, ",")[0] != "" {
					continue // skipped, or named: nested in Go too
				}
				if name == "" {
					name = types.TypeString(under, func(p *types.Package) string { return p.Name() })
				}
				if field == "" {
					outer, field = name, f.Name()
				}
				if !cellType(et) && types.NewMethodSet(types.NewPointer(et)).Len() > 0 {
					outer, field = name, f.Name()
					why = types.TypeString(et, func(p *types.Package) string { return p.Name() }) + " has methods"
					return
				}
			}
		}
		if _, isFunc := under.(*types.Signature); isFunc {
			return // not encoded
		}
		typeParts(under, visit)
	}
	visit(t)
	if why == "" && field != "" && cyclic != "" {
		why = cyclic + " holds itself"
	}
	return outer, field, why, field != ""
}
