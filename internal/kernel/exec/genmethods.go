package exec

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
)

// sameNamedGenericMethods refuses a cell that uses instances, with the
// same type arguments, of two generic types sharing a method name.
// yaegi v0.16.1 keeps a generic type's method instantiated for some type
// arguments by the method's name and those arguments alone: with
// `func (c *C[K]) put(k K)` and `func (d *D[K]) put(k K)`, once c.put
// ran for a C[string], d.put on a D[string] runs C's put — a silent wrong
// result — and with different signatures the cell fails with a
// conversion error naming neither method. Instances with different type
// arguments (C[string] and D[int]) are not confused. Renaming one method
// is the workaround; renaming for the user is not safe, since a method
// may be there to satisfy an interface.
func (c *checker) sameNamedGenericMethods(info *types.Info) error {
	type use struct {
		named *types.Named // the instance
		pos   token.Pos
	}
	first := map[string]use{} // each instance at its first use
	add := func(t types.Type, pos token.Pos) {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.TypeArgs().Len() == 0 || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" || n.Origin().Obj().Parent() != n.Obj().Pkg().Scope() {
			return
		}
		for i := range n.TypeArgs().Len() {
			if mentionsTypeParam(n.TypeArgs().At(i)) {
				return
			}
		}
		k := types.TypeString(n, nil)
		if u, ok := first[k]; !ok || pos < u.pos {
			first[k] = use{n, pos}
		}
	}
	for x, tv := range info.Types {
		add(tv.Type, x.Pos())
	}
	for id, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok {
			add(v.Type(), id.Pos())
		}
	}
	uses := make([]use, 0, len(first))
	for _, u := range first {
		uses = append(uses, u)
	}
	sort.Slice(uses, func(i, j int) bool { return uses[i].pos < uses[j].pos })
	for j, b := range uses {
		if c.fset.Position(b.pos).Filename != cellFile {
			continue // only the running cell is refused
		}
		for _, a := range uses[:j] {
			if a.named.Origin() == b.named.Origin() || !sameTypeArgs(a.named.TypeArgs(), b.named.TypeArgs()) {
				continue
			}
			for i := range a.named.Origin().NumMethods() {
				name := a.named.Origin().Method(i).Name()
				if isOwnMethod(b.named.Origin(), name) {
					return construct(c.fset, b.pos, fmt.Sprintf("the interpreter cannot tell apart methods of generic types that share a name when their type arguments are the same: %s.%s and %s.%s (a call of one may run the other). Rename one of the two methods, e.g. %s%s", instanceName(a.named), name, instanceName(b.named), name, name, b.named.Obj().Name()))
				}
			}
		}
	}
	return nil
}

// isOwnMethod reports whether n declares a method called name.
func isOwnMethod(n *types.Named, name string) bool {
	for i := range n.NumMethods() {
		if n.Method(i).Name() == name {
			return true
		}
	}
	return false
}

// sameTypeArgs reports whether two type argument lists are identical.
func sameTypeArgs(a, b *types.TypeList) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if !types.Identical(a.At(i), b.At(i)) {
			return false
		}
	}
	return true
}

// instanceName writes an instance as the cell would: C[string].
func instanceName(n *types.Named) string {
	return types.TypeString(n, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		return p.Name()
	})
}
