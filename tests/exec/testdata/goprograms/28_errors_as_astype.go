package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

type ValidationError struct {
	Field string
	Err   error
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *ValidationError) Unwrap() error { return e.Err }

var ErrEmpty = errors.New("empty value")

func validate(name, value string) error {
	if value == "" {
		var err error = &ValidationError{Field: name, Err: ErrEmpty}
		return fmt.Errorf("validate: %w", err)
	}
	if _, err := strconv.Atoi(value); err != nil {
		var verr error = &ValidationError{Field: name, Err: err}
		return verr
	}
	return nil
}

func main() {
	for _, in := range [][2]string{{"age", ""}, {"age", "x1"}, {"age", "42"}} {
		err := validate(in[0], in[1])
		fmt.Println("err:", err)
		var ve *ValidationError
		if errors.As(err, &ve) {
			fmt.Println("  field", ve.Field, "empty?", errors.Is(err, ErrEmpty))
		}
		if ne, ok := errors.AsType[*strconv.NumError](err); ok {
			fmt.Println("  bad number", strconv.Quote(ne.Num), ne.Func)
		}
	}
	_, err := os.Open("/definitely/not/here")
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		fmt.Println(pe.Op, errors.Is(err, fs.ErrNotExist))
	}
	var pe2 *fs.PathError
	fmt.Println(errors.As(errors.Join(errors.New("a"), err), &pe2), pe2 != nil)
}
