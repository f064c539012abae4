// Package errors adds to the standard library's errors package, for
// cells, walks of an error's tree that work on error types declared in
// cells: the compiled errors.Is and errors.As look for Unwrap, Is and As
// methods through reflection, and the interpreter's types carry no
// methods there. A cell's errors.Is comes here; its errors.As(err,
// &target) and errors.AsType[E](err) become a call of AsFunc with a type
// assertion to the target type, written in the cell where the
// interpreter evaluates it. See package gostd.
package errors

import (
	"errors"
	"reflect"
)

// AsFunc walks err's tree (err, then what Unwrap returns, depth first)
// and reports whether match accepts an error in it, or an error's As
// method accepts target, stopping at the first.
func AsFunc(err error, match func(error) bool, target any) bool {
	if err == nil {
		return false
	}
	if match(err) {
		return true
	}
	if call(err, "As", target) {
		return true
	}
	for _, e := range unwrap(err) {
		if AsFunc(e, match, target) {
			return true
		}
	}
	return false
}

// Is reports whether an error in err's tree equals target (when target's
// type is comparable) or has an Is method that accepts it.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	if errors.Is(err, target) { // a tree of compiled errors
		return true
	}
	return is(err, target, reflect.TypeOf(target).Comparable())
}

func is(err, target error, comparable bool) bool {
	if comparable && err == target {
		return true
	}
	if call(err, "Is", target) {
		return true
	}
	for _, e := range unwrap(err) {
		if e != nil && is(e, target, comparable) {
			return true
		}
	}
	return false
}

// call calls err's Is(error) bool or As(any) bool method, if it has one:
// an interpreted type's through an interface assertion, a compiled one's
// through reflection (it does not answer the assertion).
func call(err error, name string, arg any) bool {
	switch name {
	case "Is":
		if x, ok := err.(interface{ Is(error) bool }); ok {
			return x.Is(arg.(error))
		}
	case "As":
		if x, ok := err.(interface{ As(any) bool }); ok {
			return x.As(arg)
		}
	}
	m := reflect.ValueOf(err).MethodByName(name)
	if !m.IsValid() || m.Type().NumIn() != 1 || m.Type().NumOut() != 1 || m.Type().Out(0).Kind() != reflect.Bool {
		return false
	}
	in := reflect.New(m.Type().In(0)).Elem()
	if arg != nil {
		v := reflect.ValueOf(arg)
		if !v.Type().AssignableTo(in.Type()) {
			return false
		}
		in.Set(v)
	}
	return m.Call([]reflect.Value{in})[0].Bool()
}

// unwrap returns the errors err wraps. Interpreted types answer the
// interface assertions; a compiled error (fmt's wrapError, errors.Join's)
// does not answer an assertion to an interpreted interface type, so it is
// asked through errors.Unwrap and reflection.
func unwrap(err error) []error {
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	if e := errors.Unwrap(err); e != nil {
		return []error{e}
	}
	m := reflect.ValueOf(err).MethodByName("Unwrap")
	if m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() == 1 {
		if es, ok := m.Call(nil)[0].Interface().([]error); ok {
			return es
		}
	}
	return nil
}
