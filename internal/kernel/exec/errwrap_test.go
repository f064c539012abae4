package exec

import "testing"

// An error of a cell type keeps its Unwrap, Is and As methods when it
// crosses into compiled code (an error variable, fmt.Errorf's %w):
// errors.Is and errors.As walk through it, and %w prints its Error
// (errwrap.go). Before, yaegi's wrapper of error kept Error only, and %w
// of a cell error printed `%!w(*struct {...})`.
func TestCellErrorsKeepTheirTree(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import ("errors"; "fmt")
var ErrBase = errors.New("base")
type QErr struct{ Q string; Err error }
func (e *QErr) Error() string { return e.Q + ": " + e.Err.Error() }
func (e *QErr) Unwrap() error { return e.Err }
type Multi struct{ errs []error }
func (m Multi) Error() string { return "multi" }
func (m Multi) Unwrap() []error { return m.errs }
type Code int
func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }
func (c Code) Is(target error) bool { return target == ErrBase && c == 7 }`)
	for _, c := range []struct{ cell, want string }{
		{`fmt.Println(fmt.Errorf("find: %w", &QErr{"users", ErrBase}))`, "find: users: base\n"},
		{`var err error = &QErr{"v", ErrBase}
w := fmt.Errorf("wrap: %w", err)
var q *QErr
fmt.Println(errors.Is(w, ErrBase), errors.As(w, &q), q.Q, errors.Unwrap(err) == ErrBase)`, "true true v true\n"},
		{`mm := Multi{[]error{errors.New("x"), &QErr{"m", ErrBase}}}
var m error = mm
var q2 *QErr
fmt.Println(errors.Is(fmt.Errorf("%w", m), ErrBase), errors.As(m, &q2), q2.Q)`, "true true m\n"},
		{`var c error = Code(7)
fmt.Println(c, errors.Is(fmt.Errorf("c: %w", c), ErrBase), errors.Is(Code(3), ErrBase))`, "code 7 true false\n"},
	} {
		_, r := mustRun(t, s, "func() {\n"+c.cell+"\n}()")
		if got := r.text("stdout"); got != c.want {
			t.Errorf("%s\nprinted %q, want %q (as go run)", c.cell, got, c.want)
		}
	}
}
