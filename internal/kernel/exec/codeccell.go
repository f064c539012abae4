package exec

import (
	"go/ast"
	"go/types"
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
		}
		return true
	})
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
