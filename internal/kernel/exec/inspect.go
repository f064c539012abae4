package exec

import (
	"fmt"
	"path"
	"reflect"
	"strings"

	"github.com/gotrain/gotrain/internal/kernel/docs"
)

// Inspect describes the name at cursorPos: its signature and doc comment
// (for packages' names, from the embedded docs), or the type and value of a
// variable an earlier cell defined.
func (s *Session) Inspect(code string, cursorPos, detailLevel int) (MIMEBundle, bool) {
	off := byteOffset(code, cursorPos)
	start, end := identStart(code, off), identEnd(code, off)
	if start == end && start > 0 { // cursor just after `name(`
		if c := code[start-1]; c == '(' {
			end = start - 1
			start = identStart(code, end)
		}
	}
	name := code[start:end]
	if name == "" {
		return nil, false
	}
	qual := ""
	if start > 0 && code[start-1] == '.' {
		qual = code[identStart(code, start-1) : start-1]
	}
	text, ok := s.describe(qual, name)
	if !ok {
		return nil, false
	}
	return MIMEBundle{"text/plain": text}, true
}

// describe documents qual.name (qual may be empty).
func (s *Session) describe(qual, name string) (string, bool) {
	if qual != "" {
		if p, ok := s.packagePath(qual); ok {
			if e, ok := s.packageDoc(p, name); ok {
				return entryText(e), true
			}
			if v, ok := s.bin[p][name]; ok {
				return fmt.Sprintf("%s.%s %s", path.Base(p), name, symbolType(v)), true
			}
			return "", false
		}
		if text, ok := s.describeMember(qual, name); ok {
			return text, true
		}
		if v, ok := s.globalValue(qual); ok {
			return memberDoc(v.Type(), name)
		}
		return "", false
	}
	if p, ok := s.packagePath(name); ok {
		if e, ok := s.packageDoc(p, ""); ok {
			return entryText(e), true
		}
	}
	_, kinds := s.definitions()
	if kind, ok := kinds[name]; ok {
		if obj, ok := s.object(name); ok {
			text := describeObject(obj)
			if kind != "func" && kind != "type" {
				s.withGlobal(name, func(v reflect.Value) {
					text += " = " + fmt.Sprint(v.Interface())
				})
			}
			return text, true
		}
		var text string
		if kind != "func" && kind != "type" && s.withGlobal(name, func(v reflect.Value) {
			// Formatted under the lock: a cell starting now may write it.
			text = fmt.Sprintf("%s %s %s = %s", kind, name, v.Type(), fmt.Sprint(v.Interface()))
		}) {
			return text, true
		}
		return fmt.Sprintf("%s %s (defined in an earlier cell)", kind, name), true
	}
	return "", false
}

// entryText formats a documented name.
func entryText(e docs.Entry) string {
	if e.Doc == "" {
		return e.Sig
	}
	return e.Sig + "\n\n" + strings.TrimRight(e.Doc, "\n")
}

// symbolType describes a compiled symbol's type.
func symbolType(v reflect.Value) string {
	if v.Kind() == reflect.Pointer && v.IsNil() { // a type, exported as (*T)(nil)
		return "type " + v.Type().Elem().String()
	}
	return v.Type().String()
}

// memberDoc documents a field or method of a value of type t.
func memberDoc(t reflect.Type, name string) (string, bool) {
	base := t
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	if e, ok := docs.Lookup(base.PkgPath(), base.Name()+"."+name); ok {
		return entryText(e), true
	}
	pt := t
	if t.Kind() != reflect.Pointer {
		pt = reflect.PointerTo(t)
	}
	if m, ok := pt.MethodByName(name); ok {
		return fmt.Sprintf("method %s.%s %s", base, name, m.Type), true
	}
	if base.Kind() == reflect.Struct {
		if f, ok := base.FieldByName(name); ok {
			return fmt.Sprintf("field %s.%s %s", base, name, f.Type), true
		}
	}
	return "", false
}
