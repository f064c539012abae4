package exec

import (
	"go/token"
	"reflect"
	"strings"
	"sync"
)

// reflect of struct types declared in cells (the compiled half;
// reflectcell.go finds the calls). yaegi v0.16.1 builds a cell struct
// type with reflect.StructOf: the type has no name (Name() is "",
// String() spells the struct), and an unexported field is made exported
// (`email` becomes `Xemail`, which the kernel tags `json:"-"` so
// encoding/json skips it). reflect.TypeOf(x) of a value of such a type
// answers a cellRType instead: the interpreter's type, embedded (so
// reflect.New, Zero, Implements… take it as the type itself), with the
// name, fields and tags Go gives them.

// cellRType is the Go view of a cell struct type, or a pointer to one.
type cellRType struct {
	reflect.Type
	info *cellTypeInfo
}

// cellTypeInfo is what a cell struct type's reflect type lacks; one per
// type, so that two cellRTypes of one type compare equal.
type cellTypeInfo struct {
	name   string // User
	ptr    bool   // the type is *User
	fields []reflect.StructField
	elem   *cellTypeInfo // for ptr, the struct's
}

// cellTypes interns the cellTypeInfos of a session's types.
type cellTypes struct {
	mu sync.Mutex
	m  map[cellTypeKey]*cellTypeInfo
}

type cellTypeKey struct {
	rt   reflect.Type
	name string
}

// rtCellType returns t, the interpreter's type of a cell struct type
// called name (or of a pointer to it), as Go has it: names are the
// fields' names in the cell, tags their written tags (called from
// cells).
func (s *Session) rtCellType(t reflect.Type, name string, names, tags []string) reflect.Type {
	if t == nil {
		return nil
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() != reflect.Struct || st.NumField() != len(names) || len(tags) != len(names) {
		return t
	}
	s.cellTypes.mu.Lock()
	defer s.cellTypes.mu.Unlock()
	if s.cellTypes.m == nil {
		s.cellTypes.m = map[cellTypeKey]*cellTypeInfo{}
	}
	k := cellTypeKey{st, name}
	info := s.cellTypes.m[k]
	if info == nil {
		info = &cellTypeInfo{name: name, fields: make([]reflect.StructField, len(names))}
		for i := range names {
			f := st.Field(i)
			f.Anonymous = f.Anonymous || strings.Contains(string(f.Tag), embeddedTag) // codecembed.go
			f.Name, f.Tag, f.PkgPath = names[i], reflect.StructTag(tags[i]), ""
			if !token.IsExported(names[i]) {
				f.PkgPath = "main"
			}
			info.fields[i] = f
		}
		s.cellTypes.m[k] = info
	}
	if t.Kind() != reflect.Pointer {
		return cellRType{t, info}
	}
	pk := cellTypeKey{t, name}
	pinfo := s.cellTypes.m[pk]
	if pinfo == nil {
		pinfo = &cellTypeInfo{name: name, ptr: true, elem: info}
		s.cellTypes.m[pk] = pinfo
	}
	return cellRType{t, pinfo}
}

// Name is the type's name in the cell ("" for a pointer).
func (t cellRType) Name() string {
	if t.info.ptr {
		return ""
	}
	return t.info.name
}

// String is the type as %T writes it.
func (t cellRType) String() string {
	if t.info.ptr {
		return "*main." + t.info.name
	}
	return "main." + t.info.name
}

// PkgPath is main for the struct type, "" for a pointer.
func (t cellRType) PkgPath() string {
	if t.info.ptr {
		return ""
	}
	return "main"
}

// Elem of a pointer is the struct type, seen as Go has it.
func (t cellRType) Elem() reflect.Type {
	if t.info.ptr {
		return cellRType{t.Type.Elem(), t.info.elem}
	}
	return t.Type.Elem()
}

// Field is the struct's i'th field with its name and tag in the cell.
func (t cellRType) Field(i int) reflect.StructField {
	if t.info.ptr {
		return t.Type.Field(i) // panics as reflect does
	}
	if i < 0 || i >= len(t.info.fields) {
		return t.Type.Field(i)
	}
	return t.info.fields[i]
}

// FieldByName finds a field by its name in the cell (not promoted
// fields of embedded structs).
func (t cellRType) FieldByName(name string) (reflect.StructField, bool) {
	if t.info.ptr {
		return t.Type.FieldByName(name)
	}
	for _, f := range t.info.fields {
		if f.Name == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// rtRType returns the interpreter's type a cellRType stands for, t
// itself otherwise (called from cells, for reflect's functions).
func rtRType(t reflect.Type) reflect.Type {
	if c, ok := t.(cellRType); ok {
		return c.Type
	}
	return t
}
