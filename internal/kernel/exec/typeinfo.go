package exec

import (
	"go/types"
	"sort"
	"strings"
)

// What the checker knows of the cells' names serves completion and
// inspect: a value of a struct type declared in a cell completes its
// fields (unexported ones too: cells are package main) and its methods,
// which the interpreter's reflect types do not carry; inspect shows a
// cell function's signature and a variable's Go type (`main.Point`, not
// yaegi's `struct { X int; Y int }`).

// recordObjects remembers the objects of the names a cell that ran
// declared. c.mu is held.
func (c *checker) recordObjects(pkg *types.Package, newKeys []string, top topIdents, info *types.Info) {
	if pkg == nil {
		return
	}
	c.pkg = pkg
	for _, k := range newKeys {
		if strings.Contains(k, ".") {
			continue // a method: found through its type
		}
		if obj := pkg.Scope().Lookup(k); obj != nil {
			c.objs[k] = obj
		} else {
			delete(c.objs, k)
		}
	}
	for name, id := range top.names {
		if obj := info.Defs[id]; obj != nil {
			c.objs[name] = obj
		} else {
			delete(c.objs, name)
		}
	}
}

// object returns what the checker knows of a cell's top-level name.
func (s *Session) object(name string) (types.Object, bool) {
	c := s.checker
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	obj, ok := c.objs[name]
	return obj, ok
}

// cellQualifier writes the cells' own names bare and other packages by
// their name.
func cellQualifier(p *types.Package) string {
	if p.Path() == "main" {
		return ""
	}
	return p.Name()
}

// describeObject is inspect's text for a cell's name: `func f(x int)
// int`, `type Point struct{X int; Y int}`, `var p Point`.
func describeObject(obj types.Object) string {
	return types.ObjectString(obj, cellQualifier)
}

// typedMembers lists the fields and methods a value of the cell variable
// name has, as go/types sees it; false when the checker does not know it.
func (s *Session) typedMembers(name string) ([]string, bool) {
	obj, ok := s.object(name)
	if !ok {
		return nil, false
	}
	if _, isVar := obj.(*types.Var); !isVar {
		return nil, false
	}
	t := s.currentType(obj.Type())
	var out []string
	ms := types.NewMethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for i := 0; i < ms.Len(); i++ {
		out = append(out, ms.At(i).Obj().Name())
	}
	out = append(out, fieldNames(t, map[types.Type]bool{})...)
	sort.Strings(out)
	return out, true
}

// fieldNames lists the fields of a struct type (through a pointer),
// embedded structs' promoted fields included.
func fieldNames(t types.Type, seen map[types.Type]bool) []string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || seen[t] {
		return nil
	}
	seen[t] = true
	var out []string
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		out = append(out, f.Name())
		if f.Embedded() {
			out = append(out, fieldNames(f.Type(), seen)...)
		}
	}
	return out
}

// describeMember is inspect's text for qual.name where qual is a cell
// variable: the field's or method's declaration.
func (s *Session) describeMember(qual, name string) (string, bool) {
	obj, ok := s.object(qual)
	if !ok {
		return "", false
	}
	if _, isVar := obj.(*types.Var); !isVar {
		return "", false
	}
	t := s.currentType(obj.Type())
	s.checker.mu.Lock()
	pkg := s.checker.pkg
	s.checker.mu.Unlock()
	m, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
	if m == nil {
		return "", false
	}
	return describeObject(m), true
}

// currentType is t with a type the cells declared (or a pointer to one)
// as the latest cell's check knows it: methods declared in later cells
// belong to that one.
func (s *Session) currentType(t types.Type) types.Type {
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" || n.TypeArgs().Len() > 0 {
		if ptr {
			return types.NewPointer(t)
		}
		return t
	}
	s.checker.mu.Lock()
	pkg := s.checker.pkg
	s.checker.mu.Unlock()
	if pkg != nil {
		if tn, ok := pkg.Scope().Lookup(n.Obj().Name()).(*types.TypeName); ok {
			t = tn.Type()
		}
	}
	if ptr {
		return types.NewPointer(t)
	}
	return t
}
