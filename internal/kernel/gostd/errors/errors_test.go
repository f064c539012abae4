package errors_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing"

	ourerrors "github.com/gotrain/gotrain/internal/kernel/gostd/errors"
)

// AsFunc, with the assertion the kernel writes in a cell, finds what
// errors.As finds in the same trees.

type codeErr struct{ code int }

func (e *codeErr) Error() string { return fmt.Sprint("code ", e.code) }

type asErr struct{}

func (asErr) Error() string { return "as" }
func (asErr) As(target any) bool {
	if p, ok := target.(**codeErr); ok {
		*p = &codeErr{99}
		return true
	}
	return false
}

func TestAsFuncFindsWhatAsFinds(t *testing.T) {
	_, openErr := os.Open("/no/such/file")
	trees := []error{
		nil,
		errors.New("plain"),
		&codeErr{1},
		fmt.Errorf("wrapped: %w", &codeErr{2}),
		fmt.Errorf("two: %w and %w", errors.New("x"), &codeErr{3}),
		errors.Join(errors.New("a"), fmt.Errorf("b: %w", &codeErr{4})),
		asErr{},
		fmt.Errorf("deep: %w", fmt.Errorf("deeper: %w", asErr{})),
		openErr,
	}
	for _, err := range trees {
		var want *codeErr
		wantOK := errors.As(err, &want)
		var got *codeErr
		ok := ourerrors.AsFunc(err, func(e error) bool {
			t, ok := e.(*codeErr)
			if ok {
				got = t
			}
			return ok
		}, &got)
		if ok != wantOK || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%v: AsFunc gives %v %v, errors.As %v %v", err, ok, got, wantOK, want)
		}
		var wantPE *fs.PathError
		var pe *fs.PathError
		if ourerrors.AsFunc(err, func(e error) bool { p, ok := e.(*fs.PathError); pe = p; return ok }, &pe) != errors.As(err, &wantPE) || pe != wantPE {
			t.Errorf("%v: *fs.PathError found differently", err)
		}
	}
}

var errSentinel = errors.New("sentinel")

type isErr struct{}

func (isErr) Error() string             { return "is" }
func (isErr) Is(target error) bool      { return target == errSentinel }
func (e *codeErr) Is(target error) bool { c, ok := target.(*codeErr); return ok && c.code == e.code }

func TestIsFindsWhatIsFinds(t *testing.T) {
	trees := []error{nil, errSentinel, fmt.Errorf("w: %w", errSentinel), errors.Join(errors.New("a"), errSentinel), isErr{}, fmt.Errorf("w: %w", isErr{}), &codeErr{5}, fmt.Errorf("%w", &codeErr{6})}
	targets := []error{nil, errSentinel, &codeErr{5}, &codeErr{6}, errors.New("sentinel")}
	for _, err := range trees {
		for _, target := range targets {
			if got, want := ourerrors.Is(err, target), errors.Is(err, target); got != want {
				t.Errorf("Is(%v, %v) = %v, errors.Is %v", err, target, got, want)
			}
		}
	}
}
