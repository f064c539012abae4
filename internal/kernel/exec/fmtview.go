package exec

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// Printing values of cell types (the compiled half; fmtcell.go finds the
// arguments). yaegi v0.16.1 builds a cell type's values on reflect types
// without names or methods: fmt prints `struct { W float64; H float64 }`
// for %T of a Rect, ignores the String method of a struct field's type
// ({1 2 2} for {1 2 Blue}), and prints yaegi's wrapper struct for %d of a
// Stringer ({2 5469696}). An argument of a cell type becomes a view
// built in the cell, where the types and methods are known: a Formatter
// that prints as fmt prints the value in Go.

// fmtNamed is a value of a named cell type that is not shown as a struct
// (a struct without methods is an fmtStruct): its String or Error method,
// for the verbs fmt uses them for, else its value.
type fmtNamed struct {
	v        any           // the value, or its view
	str, err func() string // its String and Error methods, nil if none
}

// fmtStruct is a struct value of a cell type, field by field.
type fmtStruct struct {
	name   string   // as %#v writes it: main.Pixel
	ptr    bool     // a pointer to the struct, at the top (&{...})
	fields []string // names
	vals   []any    // values, or their views
}

// fmtList is a slice or array of values of cell types.
type fmtList struct {
	name string // as %#v writes it: []main.Color
	vals []any  // the elements' views
}

// Format prints the list as fmt's printValue does: [a b], and
// []main.T{a, b} for %#v; each element with the same directive.
func (l fmtList) Format(f fmt.State, verb rune) {
	d := directive(f, verb)
	sharp := verb == 'v' && f.Flag('#')
	if sharp {
		f.Write([]byte(l.name + "{"))
	} else {
		f.Write([]byte{'['})
	}
	for i, v := range l.vals {
		if i > 0 {
			if sharp {
				f.Write([]byte(", "))
			} else {
				f.Write([]byte{' '})
			}
		}
		fmt.Fprintf(f, d, v)
	}
	if sharp {
		f.Write([]byte{'}'})
	} else {
		f.Write([]byte{']'})
	}
}

// directive rebuilds the fmt directive f and verb stand for.
func directive(f fmt.State, verb rune) string {
	var b strings.Builder
	b.WriteByte('%')
	for _, c := range "-+# 0" {
		if f.Flag(int(c)) {
			b.WriteRune(c)
		}
	}
	if w, ok := f.Width(); ok {
		b.WriteString(strconv.Itoa(w))
	}
	if p, ok := f.Precision(); ok {
		b.WriteByte('.')
		b.WriteString(strconv.Itoa(p))
	}
	b.WriteRune(verb)
	return b.String()
}

// Format prints as fmt's handleMethods does: Error, then String, for %v
// %s %q %x %X (not %#v); the value otherwise.
func (n fmtNamed) Format(f fmt.State, verb rune) {
	d := directive(f, verb)
	if !f.Flag('#') || verb != 'v' {
		switch verb {
		case 'v', 's', 'q', 'x', 'X':
			if m := n.err; m != nil {
				fmt.Fprintf(f, d, m())
				return
			}
			if m := n.str; m != nil {
				fmt.Fprintf(f, d, m())
				return
			}
		}
	}
	fmt.Fprintf(f, d, n.v)
}

// Format prints the struct as fmt's printValue does: {a b}, {A:a B:b}
// for %+v, main.T{A:a, B:b} for %#v; each field with the same directive.
func (s fmtStruct) Format(f fmt.State, verb rune) {
	d := directive(f, verb)
	sharp := verb == 'v' && f.Flag('#')
	plus := verb == 'v' && f.Flag('+')
	if s.ptr {
		f.Write([]byte{'&'})
	}
	if sharp {
		f.Write([]byte(s.name))
	}
	f.Write([]byte{'{'})
	for i, v := range s.vals {
		if i > 0 {
			if sharp {
				f.Write([]byte(", "))
			} else {
				f.Write([]byte{' '})
			}
		}
		if plus || sharp {
			f.Write([]byte(s.fields[i] + ":"))
		}
		fmt.Fprintf(f, d, v)
	}
	f.Write([]byte{'}'})
}

// fmtKey is an fmtNamed made a map key: comparable, its methods called
// once (fmt calls them for every key it prints anyway). fmt orders such
// keys by their first field, the value, as it orders the values.
type fmtKey struct {
	v              any
	str, err       string
	hasStr, hasErr bool
}

// Format prints as the fmtNamed the key was made of.
func (k fmtKey) Format(f fmt.State, verb rune) {
	n := fmtNamed{v: k.v}
	if k.hasStr {
		n.str = func() string { return k.str }
	}
	if k.hasErr {
		n.err = func() string { return k.err }
	}
	n.Format(f, verb)
}

// rtFmtKey makes a map key of the view of a named value (called from
// cells).
func rtFmtKey(view any) any {
	n, ok := view.(fmtNamed)
	if !ok {
		return view
	}
	k := fmtKey{v: n.v, hasStr: n.str != nil, hasErr: n.err != nil}
	if k.hasStr {
		k.str = n.str()
	}
	if k.hasErr {
		k.err = n.err()
	}
	return k
}

// rtFmtNamed makes the view of a named value (called from cells).
func rtFmtNamed(v any, str, err func() string) any { return fmtNamed{v: v, str: str, err: err} }

// rtFmtStruct makes the view of a struct value (called from cells):
// fields are "name" or "*name" for the pointer of a struct.
func rtFmtStruct(name string, ptr bool, fields []string, vals ...any) any {
	return fmtStruct{name: name, ptr: ptr, fields: fields, vals: vals}
}

// rtFmtList makes the view of a slice or array (called from cells).
func rtFmtList(name string, vals []any) any { return fmtList{name: name, vals: vals} }

// fmtMap is a map of values of cell types: the map of their views, whose
// own type (map[string]interface {}) %#v must not spell.
type fmtMap struct {
	name string // as %#v writes it: map[string]main.Point
	m    any    // the map of views
}

// Format prints the map of views, under the map's name for %#v.
func (m fmtMap) Format(f fmt.State, verb rune) {
	s := fmt.Sprintf(directive(f, verb), m.m)
	if verb == 'v' && f.Flag('#') {
		s = m.name + strings.TrimPrefix(s, fmt.Sprintf("%T", m.m))
	}
	io.WriteString(f, s)
}

// rtFmtMap makes the view of a map (called from cells).
func rtFmtMap(name string, m any) any { return fmtMap{name: name, m: m} }

// fmtSymbols are the functions cells' rewritten fmt calls use, added to
// the kernel's runtime package.
func fmtSymbols() map[string]reflect.Value {
	return map[string]reflect.Value{
		"FmtNamed":  reflect.ValueOf(rtFmtNamed),
		"FmtStruct": reflect.ValueOf(rtFmtStruct),
		"FmtList":   reflect.ValueOf(rtFmtList),
		"FmtKey":    reflect.ValueOf(rtFmtKey),
		"FmtMap":    reflect.ValueOf(rtFmtMap),
	}
}
