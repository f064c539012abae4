package exec

import "go/types"

// walkType calls visit on t and every type written in it (elements,
// keys, fields, parameters, results, type arguments), not looking into
// a named type's declaration.
func walkType(t types.Type, visit func(types.Type)) {
	seen := map[types.Type]bool{}
	var walk func(types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		visit(t)
		typeParts(t, walk)
	}
	walk(t)
}

// typeParts calls visit on each type written directly in t: the element
// of a pointer, slice, array or channel, a map's key and element, a
// signature's parameters and results, a struct's fields, an interface's
// methods and embedded types, a union's terms and a named type's type
// arguments. It does not look into a named type's declaration.
func typeParts(t types.Type, visit func(types.Type)) {
	switch x := t.(type) {
	case *types.Named:
		for i := 0; i < x.TypeArgs().Len(); i++ {
			visit(x.TypeArgs().At(i))
		}
	case *types.Pointer:
		visit(x.Elem())
	case *types.Slice:
		visit(x.Elem())
	case *types.Array:
		visit(x.Elem())
	case *types.Chan:
		visit(x.Elem())
	case *types.Map:
		visit(x.Key())
		visit(x.Elem())
	case *types.Signature:
		for _, tu := range []*types.Tuple{x.Params(), x.Results()} {
			for i := 0; i < tu.Len(); i++ {
				visit(tu.At(i).Type())
			}
		}
	case *types.Struct:
		for i := 0; i < x.NumFields(); i++ {
			visit(x.Field(i).Type())
		}
	case *types.Interface:
		for i := 0; i < x.NumExplicitMethods(); i++ {
			visit(x.ExplicitMethod(i).Type())
		}
		for i := 0; i < x.NumEmbeddeds(); i++ {
			visit(x.EmbeddedType(i))
		}
	case *types.Union:
		for i := 0; i < x.Len(); i++ {
			visit(x.Term(i).Type())
		}
	}
}
