package exec

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
	"strings"
)

// Embedded structs in cell struct types, for encoding/json and
// encoding/xml. yaegi v0.16.1 builds a struct type of two or more fields
// without marking its embedded fields (golang/go#15924 made it avoid
// that), so the codecs nested an embedded struct's fields under its
// type's name where Go promotes them. The kernel tags each embedded
// field of a cell struct type `gotrain:"embedded"` (markEmbedded), and
// a cell's call of those packages given a value of such a type (or an
// any, while the cells declare such a type) passes it through the
// runtime's Embedded (codeccell.go), which views the
// same memory as a type built with those fields embedded: a pointer
// stays a pointer to the cell's value, so decoding fills it.

// embeddedTag is the tag the kernel gives embedded fields.
const embeddedTag = `gotrain:"embedded"`

// markEmbedded tags the embedded fields of a struct type of two or more
// fields.
func markEmbedded(st *ast.StructType) {
	if st.Fields.NumFields() < 2 {
		return // yaegi embeds a lone field itself
	}
	for _, f := range st.Fields.List {
		if len(f.Names) != 0 {
			continue
		}
		tag := ""
		if f.Tag != nil {
			tag, _ = strconv.Unquote(f.Tag.Value)
		}
		if strings.Contains(tag, embeddedTag) {
			continue
		}
		pos := f.Type.End()
		if f.Tag != nil {
			pos = f.Tag.Pos()
		}
		f.Tag = &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(strings.TrimSpace(tag + " " + embeddedTag))}
	}
}

// rtEmbedded returns v viewed as a type whose fields tagged embedded
// are embedded (v itself when it holds none): a pointer points to v's
// memory, a value is a copy.
func rtEmbedded(v any) (out any) {
	if v == nil {
		return v
	}
	rv := reflect.ValueOf(v)
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprintf("the kernel cannot show the embedded fields of %s to the encoder (%v): spell the embedded type's fields out", rv.Type(), r))
		}
	}()
	m := &embedMirror{types: map[reflect.Type]reflect.Type{}}
	mt := m.of(rv.Type())
	if mt == rv.Type() {
		return v
	}
	if m.cyclic {
		panic("a type holding itself cannot be rebuilt")
	}
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return reflect.Zero(mt).Interface()
		}
		return reflect.NewAt(mt.Elem(), rv.UnsafePointer()).Interface()
	}
	p := reflect.New(mt)
	reflect.NewAt(rv.Type(), p.UnsafePointer()).Elem().Set(rv)
	return p.Elem().Interface()
}

// embedMirror builds the types rtEmbedded views values as.
type embedMirror struct {
	types  map[reflect.Type]reflect.Type
	inWork map[reflect.Type]bool
	cyclic bool // a type met again while being built
}

// of is t with the fields tagged embedded embedded, in t and the types
// it holds; t itself when it holds none. A type referring to itself is
// left as it is inside itself, and says so (cyclic): rtEmbedded then
// fails rather than show the codec half the embedding.
func (m *embedMirror) of(t reflect.Type) reflect.Type {
	if mt, ok := m.types[t]; ok {
		if m.inWork[t] {
			m.cyclic = true
		}
		return mt
	}
	if m.inWork == nil {
		m.inWork = map[reflect.Type]bool{}
	}
	m.types[t], m.inWork[t] = t, true // a type referring to itself is left as it is
	defer delete(m.inWork, t)
	mt := t
	switch t.Kind() {
	case reflect.Pointer:
		if e := m.of(t.Elem()); e != t.Elem() {
			mt = reflect.PointerTo(e)
		}
	case reflect.Slice:
		if e := m.of(t.Elem()); e != t.Elem() {
			mt = reflect.SliceOf(e)
		}
	case reflect.Array:
		if e := m.of(t.Elem()); e != t.Elem() {
			mt = reflect.ArrayOf(t.Len(), e)
		}
	case reflect.Map:
		k, e := m.of(t.Key()), m.of(t.Elem())
		if k != t.Key() || e != t.Elem() {
			mt = reflect.MapOf(k, e)
		}
	case reflect.Struct:
		if t.Name() != "" {
			break // a compiled type: reflect sees its embedding
		}
		fields := make([]reflect.StructField, t.NumField())
		changed := false
		for i := range fields {
			f := t.Field(i)
			if ft := m.of(f.Type); ft != f.Type {
				f.Type, changed = ft, true
			}
			if tag := string(f.Tag); strings.Contains(tag, embeddedTag) {
				f.Tag = reflect.StructTag(strings.TrimSpace(strings.Replace(tag, embeddedTag, "", 1)))
				f.Anonymous, changed = true, true
			}
			f.Offset, f.Index = 0, nil
			fields[i] = f
		}
		if changed {
			mt = reflect.StructOf(fields)
		}
	}
	m.types[t] = mt
	return mt
}
