package exec

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Values of cell types held in an error (the compiled half; errconv.go
// finds the conversions). yaegi v0.16.1 makes an error of a value of a
// cell type by storing the value in a wrapper struct (errwrap.go), and
// gets two things wrong on the way:
//
//   - a struct value loses itself: yaegi's getConcreteValue takes a
//     struct without methods (every cell struct, to reflect) for one of
//     its own wrappers and stores its last field instead, so the error
//     answers no type assertion to its type (`err.(StatusError)`), nor
//     errors.As, nor %T;
//   - a nil pointer becomes a nil error: `var p *MyErr; return p`
//     answers `err == nil` true, where Go says false.
//
// And two errors holding equal values compare unequal or panic
// (`err == ErrNotFound`: the wrappers hold the methods as func values).
// So the checker turns every conversion of a value of a cell type to
// error into a call of ErrorOf, with the type's methods as functions of
// the value: ErrorOf stores the value itself, and the methods once per
// type (cellMethods), which leaves the wrapper comparable when the value
// is — equal values of one type make equal errors, as in Go.

// cellMethods are the error methods of one cell type, called with the
// value (nil: the type has no such method).
type cellMethods struct {
	name    string // as %#v writes it: main.StatusError
	err     func(any) string
	unwrap  func(any) error
	unwraps func(any) []error
	is      func(any, error) bool
	as      func(any, any) bool
}

// errTypes interns the cellMethods of the cells' error types by the key
// the checker writes (the type and the text of its declaration), so two
// errors of one type hold the same pointer.
type errTypes struct {
	mu sync.Mutex
	m  map[string]*cellMethods
}

// rtErrorOf returns v, a value of a cell type with an Error method, as an
// error (called from cells; errconv.go writes the calls).
func (s *Session) rtErrorOf(key string, v any, errFn func(any) string, unwrap func(any) error, unwraps func(any) []error, is func(any, error) bool, as func(any, any) bool) error {
	s.errTypes.mu.Lock()
	m := s.errTypes.m[key]
	if m == nil {
		if s.errTypes.m == nil {
			s.errTypes.m = map[string]*cellMethods{}
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(key, "*"), "#")
		m = &cellMethods{name: name, err: errFn, unwrap: unwrap, unwraps: unwraps, is: is, as: as}
		s.errTypes.m[key] = m
	}
	s.errTypes.mu.Unlock()
	return m.wrap(v)
}

// wrap stores v in the wrapper of its methods. The wrapper holds m when
// v's type is comparable (then so is the wrapper); otherwise methods
// bound to v, which make the wrapper not comparable, as v is not (Go's
// errors.Is then compares no such errors, and == panics as in Go).
func (m *cellMethods) wrap(v any) error {
	var fe, fu, fi, fa any = m, m, m, m
	if t := reflect.TypeOf(v); t == nil || !t.Comparable() {
		fe = func() string { return m.err(v) }
		switch {
		case m.unwrap != nil:
			fu = func() error { return m.unwrap(v) }
		case m.unwraps != nil:
			fu = func() []error { return m.unwraps(v) }
		}
		fi = func(target error) bool { return m.is(v, target) }
		fa = func(target any) bool { return m.as(v, target) }
	}
	u, i, a := m.unwrap != nil || m.unwraps != nil, m.is != nil, m.as != nil
	switch {
	case u && i && a:
		return errUnwrapIsAs{IValue: v, WError: fe, WUnwrap: fu, WIs: fi, WAs: fa}
	case u && i:
		return errUnwrapIs{IValue: v, WError: fe, WUnwrap: fu, WIs: fi}
	case u && a:
		return errUnwrapAs{IValue: v, WError: fe, WUnwrap: fu, WAs: fa}
	case i && a:
		return errIsAs{IValue: v, WError: fe, WIs: fi, WAs: fa}
	case u:
		return errUnwrap{IValue: v, WError: fe, WUnwrap: fu}
	case i:
		return errIs{IValue: v, WError: fe, WIs: fi}
	case a:
		return errAs{IValue: v, WError: fe, WAs: fa}
	}
	return errOnly{IValue: v, WError: fe}
}

// formatErr prints an error wrapper as fmt prints the error it stands
// for (fmt.Formatter comes first for fmt, so the wrapper decides): its
// Error method for %v %s %q %x %X, "<nil>" when that panics on a nil
// pointer (fmt's catchPanic), the value for other verbs (%d of a `type
// Code int`), and the value in Go syntax for %#v.
func formatErr(f fmt.State, verb rune, v, methods any) {
	if verb == 'v' && f.Flag('#') {
		name := ""
		if m, ok := methods.(*cellMethods); ok {
			name = m.name
		}
		f.Write([]byte(goSyntax(v, name)))
		return
	}
	switch verb {
	case 'v', 's', 'q', 'x', 'X':
	default:
		fmt.Fprintf(f, directive(f, verb), v)
		return
	}
	msg, panicked := safeError(methods, v)
	if panicked != nil {
		if p := reflect.ValueOf(v); p.Kind() == reflect.Pointer && p.IsNil() {
			fmt.Fprintf(f, directive(f, 's'), "<nil>")
			return
		}
		fmt.Fprintf(f, "%%!%c(PANIC=Error method: %v)", verb, panicked)
		return
	}
	fmt.Fprintf(f, directive(f, verb), msg)
}

// safeError calls the Error method, returning what it panicked with.
func safeError(methods, v any) (msg string, panicked any) {
	defer func() {
		if r := recover(); r != nil {
			panicked = r
		}
	}()
	return callError(methods, v), nil
}

// goSyntax writes v as %#v does, its struct type named name (yaegi's
// reflect type of it has no name).
func goSyntax(v any, name string) string {
	s := fmt.Sprintf("%#v", v)
	t := reflect.TypeOf(v)
	if name == "" || t == nil {
		return s
	}
	amp := ""
	if t.Kind() == reflect.Pointer {
		t, amp = t.Elem(), "&"
	}
	if t.Kind() == reflect.Struct && strings.HasPrefix(s, amp+t.String()) {
		return amp + name + s[len(amp+t.String()):]
	}
	return s
}

func (w errOnly) Format(f fmt.State, verb rune)       { formatErr(f, verb, w.IValue, w.WError) }
func (w errUnwrap) Format(f fmt.State, verb rune)     { formatErr(f, verb, w.IValue, w.WError) }
func (w errIs) Format(f fmt.State, verb rune)         { formatErr(f, verb, w.IValue, w.WError) }
func (w errAs) Format(f fmt.State, verb rune)         { formatErr(f, verb, w.IValue, w.WError) }
func (w errUnwrapIs) Format(f fmt.State, verb rune)   { formatErr(f, verb, w.IValue, w.WError) }
func (w errUnwrapAs) Format(f fmt.State, verb rune)   { formatErr(f, verb, w.IValue, w.WError) }
func (w errIsAs) Format(f fmt.State, verb rune)       { formatErr(f, verb, w.IValue, w.WError) }
func (w errUnwrapIsAs) Format(f fmt.State, verb rune) { formatErr(f, verb, w.IValue, w.WError) }
