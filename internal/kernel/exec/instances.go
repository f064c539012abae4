package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
)

// Instances of generic types made inside generic functions. yaegi v0.16.1
// instantiates a cell's generic type only where code names it with its
// type arguments: `MapList(&l, f)` returning a *List[string] that only
// MapList's body makes (as &List[U]{}) failed with "type not found:
// main.List[string]". Every instance the checker sees in the cell's
// expressions is named once in a declaration of the cell (`var _
// List[string]`), in the group declaring the generic type, or in every
// group when an earlier cell declared it.

// typeInstance is an instance of a cell's generic type, as written.
type typeInstance struct {
	origin string // the generic type's name
	text   string // the instance, e.g. List[string]
}

// genericInstances lists the instances of the cells' generic types among
// the types of the cell's expressions.
func (c *checker) genericInstances(f *ast.File, info *types.Info, typeList func([]types.Type) (string, bool)) []typeInstance {
	seen := map[string]bool{}
	var out []typeInstance
	var visit func(t types.Type)
	visit = func(t types.Type) {
		switch x := t.(type) {
		case *types.Pointer:
			visit(x.Elem())
		case *types.Slice:
			visit(x.Elem())
		case *types.Named:
			if x.TypeArgs().Len() == 0 || x.Obj().Pkg() == nil || x.Obj().Pkg().Path() != "main" {
				return
			}
			for i := 0; i < x.TypeArgs().Len(); i++ {
				if hasTypeParam(x.TypeArgs().At(i)) {
					return
				}
			}
			s, ok := typeList([]types.Type{x})
			if !ok || seen[s] {
				return
			}
			seen[s] = true
			out = append(out, typeInstance{origin: x.Obj().Name(), text: s})
		}
	}
	for e, tv := range info.Types {
		if p := c.fset.Position(e.Pos()); p.Filename != cellFile || tv.Type == nil || !tv.IsValue() {
			continue
		}
		visit(tv.Type)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].text < out[j].text })
	return out
}

// hasTypeParam reports whether t mentions a type parameter.
func hasTypeParam(t types.Type) bool {
	switch x := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return hasTypeParam(x.Elem())
	case *types.Slice:
		return hasTypeParam(x.Elem())
	case *types.Map:
		return hasTypeParam(x.Key()) || hasTypeParam(x.Elem())
	case *types.Named:
		for i := 0; i < x.TypeArgs().Len(); i++ {
			if hasTypeParam(x.TypeArgs().At(i)) {
				return true
			}
		}
	}
	return false
}

// nameInstances adds `var _ T[…]` declarations for the instances to a
// declaration group f: those whose generic type f declares, and those of
// a type no group of the cell declares (cellTypes).
func nameInstances(n ast.Node, fset *token.FileSet, instances []typeInstance, cellTypes map[string]bool) {
	f, ok := n.(*ast.File)
	if !ok || len(instances) == 0 {
		return
	}
	declared := map[string]bool{}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, sp := range gd.Specs {
				declared[sp.(*ast.TypeSpec).Name.Name] = true
			}
		}
	}
	pos := f.Package
	for _, in := range instances {
		if !declared[in.origin] && cellTypes[in.origin] {
			continue
		}
		t := parseExpr(fset, in.text, pos)
		if t == nil {
			continue
		}
		f.Decls = append(f.Decls, &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{{NamePos: pos, Name: "_"}}, Type: t},
		}})
	}
}
