package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
)

// Errors of cell types: value and pointer receivers, a nil pointer, a
// named int, Unwrap() []error, errors.Is/As/AsType through %w, type
// switches, slices and maps of errors, %T %d %v.

type NotFound struct {
	Key  string
	Tags []string
}

func (e NotFound) Error() string { return "not found: " + e.Key }

type Timeout struct{ After int }

func (t Timeout) Error() string   { return fmt.Sprintf("timeout after %ds", t.After) }
func (t Timeout) Timeout() bool   { return true }
func (t Timeout) Is(e error) bool { return e == io.EOF }

type OpErr struct {
	Op  string
	Err error
}

func (o *OpErr) Error() string { return o.Op + ": " + o.Err.Error() }
func (o *OpErr) Unwrap() error { return o.Err }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type Multi struct{ errs []error }

func (m Multi) Error() string   { return fmt.Sprint(len(m.errs), " errors") }
func (m Multi) Unwrap() []error { return m.errs }

type timeouter interface{ Timeout() bool }

var ErrGone = Code(410)

func find(k string) error {
	if k == "" {
		return NotFound{Key: "<empty>"}
	}
	if k == "slow" {
		return &OpErr{"find", Timeout{3}}
	}
	if k == "gone" {
		return ErrGone
	}
	var op *OpErr
	if k == "nilptr" {
		return op
	}
	return nil
}

func describe(err error) string {
	switch e := err.(type) {
	case nil:
		return "ok"
	case NotFound:
		return "nf " + e.Key
	case *OpErr:
		if e == nil {
			return "nil op"
		}
		return "op " + e.Op
	case Code:
		return fmt.Sprint("code ", int(e))
	default:
		return "other " + e.Error()
	}
}

func main() {
	for _, k := range []string{"", "slow", "gone", "nilptr", "x"} {
		err := find(k)
		fmt.Println(k, err == nil, describe(err))
	}
	err := find("")
	nf, ok := err.(NotFound)
	fmt.Println(ok, nf.Key)
	var target NotFound
	wrapped := fmt.Errorf("layer: %w", err)
	fmt.Println(errors.As(wrapped, &target), target.Key, wrapped)
	slow := find("slow")
	var to timeouter
	fmt.Println(errors.As(slow, &to), to != nil && to.Timeout())
	var tm Timeout
	fmt.Println(errors.As(slow, &tm), tm.After)
	fmt.Println(errors.Is(slow, io.EOF), errors.Is(slow, Timeout{3}), errors.Is(slow, Timeout{4}))
	fmt.Println(errors.Is(fmt.Errorf("w: %w", find("gone")), ErrGone), find("gone") == ErrGone, find("gone") == Code(411))
	if c, ok := errors.AsType[Code](fmt.Errorf("again: %w", ErrGone)); ok {
		fmt.Println("astype", int(c))
	}
	errs := []error{NotFound{Key: "a"}, Code(1), &OpErr{"x", io.EOF}, nil}
	for _, e := range errs {
		fmt.Printf("%v|%T|%s\n", e, e, describe(e))
	}
	m := map[string]error{"b": Code(2), "a": NotFound{Key: "k"}}
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		_, isNF := m[k].(NotFound)
		fmt.Println(k, m[k], isNF)
	}
	multi := Multi{errs: []error{Code(5), NotFound{Key: "z"}}}
	var me error = multi
	fmt.Println(errors.Is(me, Code(5)), me)
	var z NotFound
	fmt.Println(errors.As(me, &z), z.Key)
	var op *OpErr
	fmt.Println(errors.As(fmt.Errorf("%w", find("slow")), &op), op.Op)
	np := find("nilptr")
	fmt.Println(np != nil, np)
	var e2 error = Code(7)
	fmt.Printf("%v %d %T\n", e2, e2, e2)
	fmt.Println(errors.Unwrap(find("slow")) == Timeout{3})
}
