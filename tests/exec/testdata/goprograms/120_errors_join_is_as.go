package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// errors.Join, custom Is and As methods, and a wrap chain through
// fmt.Errorf, as in the errors package examples.

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type TimeoutError struct{ Op string }

func (e *TimeoutError) Error() string { return e.Op + ": timeout" }
func (e *TimeoutError) Is(target error) bool {
	t, ok := target.(*TimeoutError)
	return ok && (t.Op == "" || t.Op == e.Op)
}

func lookup(key string) error {
	if key == "" {
		return &QueryError{"<empty>", ErrNotFound}
	}
	return fmt.Errorf("lookup %q: %w", key, &TimeoutError{"dial"})
}

func main() {
	e1 := lookup("")
	fmt.Println(e1)
	fmt.Println(errors.Is(e1, ErrNotFound))
	var qe *QueryError
	if errors.As(e1, &qe) {
		fmt.Println("query was", qe.Query)
	}
	e2 := lookup("k")
	fmt.Println(e2)
	fmt.Println(errors.Is(e2, &TimeoutError{}), errors.Is(e2, &TimeoutError{"read"}))
	joined := errors.Join(e1, e2, nil)
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrNotFound), errors.Is(joined, &TimeoutError{"dial"}))
	_, err := os.Open("/definitely/not/here")
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, errors.Is(err, fs.ErrNotExist))
	wrapped := fmt.Errorf("layer 2: %w", fmt.Errorf("layer 1: %w", ErrNotFound))
	for e := wrapped; e != nil; e = errors.Unwrap(e) {
		fmt.Println(" -", e)
	}
}
