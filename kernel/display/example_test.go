package display_test

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/gotrain/gotrain/kernel/display"
)

// In a cell, Check(err) after a call that can fail ends the cell with the
// error as its output ("Error: …") and does nothing when err is nil — no
// panic boilerplate. Outside the kernel, as here, it panics with a
// *CheckError that carries the error.
func ExampleCheck() {
	defer func() {
		var ce *display.CheckError
		if e, ok := recover().(error); ok && errors.As(e, &ce) {
			fmt.Println("the cell would end with:", ce.Err)
		}
	}()
	n, err := strconv.Atoi("42")
	display.Check(err)
	fmt.Println("nil error, the cell goes on:", n)
	_, err = strconv.Atoi("4two")
	display.Check(err)
	fmt.Println("not reached")
	// Output:
	// nil error, the cell goes on: 42
	// the cell would end with: strconv.Atoi: parsing "4two": invalid syntax
}

// Long library calls take a context; in a cell, display.Context() is the
// cell's (cancelled by the interrupt button), and the trainlib calls read
// a nil context as that one. Outside the kernel it never ends.
func ExampleContext() {
	ctx := display.Context()
	fmt.Println(ctx.Err())
	// Output:
	// <nil>
}
