package exec

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/traefik/yaegi/interp"
)

// Error values of cell-declared types, seen by compiled code. When a value
// of a cell type goes where compiled code expects an interface (an error
// variable, an argument of fmt.Errorf), yaegi v0.16.1 hands over a wrapper
// struct whose first field holds the value and whose other fields hold its
// methods, one per method of the wrapper's interface. For `error` its
// wrapper has Error only: the Unwrap, Is and As methods of a cell's error
// type were lost, so errors.Is and errors.As (compiled, or the kernel's
// walk in gostd) stopped at such an error, and fmt.Errorf's %w printed
// `%!w(*struct {...})` for a cell error (fmt's wrapper list names
// fmt.Formatter and fmt.Stringer only).
//
// yaegi picks, among the "composed" wrappers registered for an interface
// (its MapTypes), the first whose methods the value's type all has. The
// kernel registers, for error and for the fmt functions, wrappers that
// carry Unwrap, Is and As too: the value keeps its error tree when it
// crosses into compiled code.
//
// yaegi matches a wrapper by method names only; so the optional methods'
// fields are of type any and hold whatever signature the cell's method
// has: one that is not the standard one is treated as absent, and an
// `Unwrap() []error` is answered through Unwrap() error as errors.Join of
// its list (errors.Is and errors.As walk it the same).

// errWrapMethods are the optional methods of the wrappers, in the bit
// order of errWrapperTypes' index.
var errWrapMethods = [...]string{"Unwrap", "Is", "As"}

// errWrapperTypes are the composed error wrappers, most methods first
// (yaegi takes the first that fits).
var errWrapperTypes = []reflect.Type{
	reflect.TypeOf(errUnwrapIsAs{}),
	reflect.TypeOf(errUnwrapIs{}),
	reflect.TypeOf(errUnwrapAs{}),
	reflect.TypeOf(errIsAs{}),
	reflect.TypeOf(errUnwrap{}),
	reflect.TypeOf(errIs{}),
	reflect.TypeOf(errAs{}),
	reflect.TypeOf(errOnly{}),
}

// fmtWrapped are the fmt functions whose ...any arguments yaegi wraps.
var fmtWrapped = []string{"Errorf", "Fprint", "Fprintf", "Fprintln", "Print", "Printf", "Println", "Sprint", "Sprintf", "Sprintln"}

// errorWrappers returns the MapTypes export registering the error
// wrappers for the error interface (keyed by yaegi's own wrapper of it,
// errorKey), and error among the interfaces the fmt functions of fmtSyms
// wrap their arguments in: after fmt.Formatter, before fmt.Stringer (Go
// prints an error's Error, not its String).
func errorWrappers(errorKey reflect.Value, fmtSyms map[string]reflect.Value) interp.Exports {
	m := map[reflect.Value][]reflect.Type{errorKey: errWrapperTypes}
	formatter := reflect.TypeOf((*fmt.Formatter)(nil)).Elem()
	stringer := reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	errorType := reflect.TypeOf((*error)(nil)).Elem()
	forFmt := []reflect.Type{formatter, errorType, stringer}
	for _, name := range fmtWrapped {
		if f, ok := fmtSyms[name]; ok {
			m[f] = forFmt
		}
	}
	return interp.Exports{".": {"MapTypes": reflect.ValueOf(m)}}
}

// useErrorWrappers registers the wrappers in the session's interpreter,
// after the standard library (whose fmt printing functions yaegi replaces
// to write to the session's stdout).
func (s *Session) useErrorWrappers(errorKey reflect.Value) error {
	if !errorKey.IsValid() {
		return errors.New("the interpreter has no wrapper for error")
	}
	return s.interp.Use(errorWrappers(errorKey, s.interp.Symbols("fmt")["fmt"]))
}

// The wrappers: IValue is the value, W<Method> its methods.

type errOnly struct {
	IValue any
	WError any
}

type errUnwrap struct {
	IValue  any
	WError  any
	WUnwrap any
}

type errIs struct {
	IValue any
	WError any
	WIs    any
}

type errAs struct {
	IValue any
	WError any
	WAs    any
}

type errUnwrapIs struct {
	IValue  any
	WError  any
	WUnwrap any
	WIs     any
}

type errUnwrapAs struct {
	IValue  any
	WError  any
	WUnwrap any
	WAs     any
}

type errIsAs struct {
	IValue any
	WError any
	WIs    any
	WAs    any
}

type errUnwrapIsAs struct {
	IValue  any
	WError  any
	WUnwrap any
	WIs     any
	WAs     any
}

func (w errOnly) Error() string       { return callError(w.WError, w.IValue) }
func (w errUnwrap) Error() string     { return callError(w.WError, w.IValue) }
func (w errIs) Error() string         { return callError(w.WError, w.IValue) }
func (w errAs) Error() string         { return callError(w.WError, w.IValue) }
func (w errUnwrapIs) Error() string   { return callError(w.WError, w.IValue) }
func (w errUnwrapAs) Error() string   { return callError(w.WError, w.IValue) }
func (w errIsAs) Error() string       { return callError(w.WError, w.IValue) }
func (w errUnwrapIsAs) Error() string { return callError(w.WError, w.IValue) }

func (w errUnwrap) Unwrap() error     { return callUnwrap(w.WUnwrap, w.IValue) }
func (w errUnwrapIs) Unwrap() error   { return callUnwrap(w.WUnwrap, w.IValue) }
func (w errUnwrapAs) Unwrap() error   { return callUnwrap(w.WUnwrap, w.IValue) }
func (w errUnwrapIsAs) Unwrap() error { return callUnwrap(w.WUnwrap, w.IValue) }

func (w errIs) Is(target error) bool         { return callIs(w.WIs, w.IValue, target) }
func (w errUnwrapIs) Is(target error) bool   { return callIs(w.WIs, w.IValue, target) }
func (w errIsAs) Is(target error) bool       { return callIs(w.WIs, w.IValue, target) }
func (w errUnwrapIsAs) Is(target error) bool { return callIs(w.WIs, w.IValue, target) }

func (w errAs) As(target any) bool         { return callAs(w.WAs, w.IValue, target) }
func (w errUnwrapAs) As(target any) bool   { return callAs(w.WAs, w.IValue, target) }
func (w errIsAs) As(target any) bool       { return callAs(w.WAs, w.IValue, target) }
func (w errUnwrapIsAs) As(target any) bool { return callAs(w.WAs, w.IValue, target) }

// The W fields hold the bound methods yaegi made, or the kernel's
// *cellMethods of the value's type (errval.go), called with the value.

func callError(f, v any) string {
	switch f := f.(type) {
	case func() string:
		return f()
	case *cellMethods:
		return f.err(v)
	}
	return fmt.Sprintf("%%!v(Error method of type %T)", f)
}

func callUnwrap(f, v any) error {
	switch f := f.(type) {
	case func() error:
		return f()
	case func() []error:
		return errors.Join(f()...)
	case *cellMethods:
		if f.unwrap != nil {
			return f.unwrap(v)
		}
		if f.unwraps != nil {
			return errors.Join(f.unwraps(v)...)
		}
	}
	return nil
}

func callIs(f, v any, target error) bool {
	switch f := f.(type) {
	case func(error) bool:
		return f(target)
	case *cellMethods:
		return f.is != nil && f.is(v, target)
	}
	return false
}

func callAs(f, v any, target any) bool {
	switch f := f.(type) {
	case func(any) bool:
		return f(target)
	case *cellMethods:
		return f.as != nil && f.as(v, target)
	}
	return false
}
