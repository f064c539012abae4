package main

import (
	"errors"
	"fmt"
	"strconv"
)

// An error chain through custom types: Unwrap, an Is method, errors.Join,
// fmt.Errorf's %w, and errors.Is/As at each level.

var ErrInvalid = errors.New("invalid input")

type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return "field " + e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

type StatusError int

func (s StatusError) Error() string { return "status " + strconv.Itoa(int(s)) }

func (s StatusError) Is(target error) bool { return target == ErrInvalid && s >= 400 }

func parseAge(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &FieldError{Field: "age", Err: err}
	}
	if n < 0 {
		return 0, &FieldError{Field: "age", Err: ErrInvalid}
	}
	return n, nil
}

func main() {
	for _, in := range []string{"42", "-1", "abc"} {
		n, err := parseAge(in)
		wrapped := fmt.Errorf("request %q: %w", in, err)
		var fe *FieldError
		var ne *strconv.NumError
		fmt.Println(n, err != nil, errors.Is(wrapped, ErrInvalid), errors.As(wrapped, &fe), errors.As(wrapped, &ne))
		if err != nil {
			fmt.Println("  ", wrapped)
			fmt.Println("  ", fe.Field, errors.Unwrap(errors.Unwrap(wrapped)) == fe.Err)
		}
	}
	var status error = StatusError(404)
	joined := errors.Join(errors.New("first"), fmt.Errorf("second: %w", status))
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrInvalid), errors.Is(StatusError(200), ErrInvalid))
	var se StatusError
	fmt.Println(errors.As(joined, &se), se, int(se))
	switch e := errors.Unwrap(fmt.Errorf("x: %w", status)).(type) {
	case StatusError:
		fmt.Println("status", int(e))
	case error:
		fmt.Println("other error", e)
	}
}
