package exec

import "testing"

// runCells runs decls in a fresh session, then each cell (in a function
// literal) and compares what it prints with want (what go run prints for
// the same code in a file).
func runCells(t *testing.T, decls string, cells []struct{ cell, want string }) {
	t.Helper()
	s := newSession(t)
	mustRun(t, s, decls)
	for _, c := range cells {
		res, r := run(t, s, "func() {\n"+c.cell+"\n}()")
		if res.Err != nil {
			t.Errorf("%s\nfailed: %s: %s", c.cell, res.Err.Name, res.Err.Value)
			continue
		}
		if got := r.text("stdout"); got != c.want {
			t.Errorf("%s\nprinted %q, want %q (as go run)", c.cell, got, c.want)
		}
	}
}

// A nil pointer of a cell type held in an error is a non-nil error, as
// in Go (errval.go): yaegi made it a nil error, so `err == nil` was true.
func TestNilPointerOfCellTypeInErrorIsNotNil(t *testing.T) {
	runCells(t, `import ("errors"; "fmt")
type ParseErr struct{ Line int }
func (e *ParseErr) Error() string {
	if e == nil {
		return "no parse error"
	}
	return fmt.Sprint("line ", e.Line)
}
type Bare struct{ N int }
func (b *Bare) Error() string { return fmt.Sprint("bare ", b.N) }
func parse(fail bool) error {
	var p *ParseErr
	if fail {
		p = &ParseErr{3}
	}
	return p
}
func bare() error { var b *Bare; return b }`, []struct{ cell, want string }{
		{`err := parse(false)
fmt.Println(err == nil, err != nil, err)`, "false true no parse error\n"},
		{`err := parse(false)
p, ok := err.(*ParseErr)
fmt.Println(ok, p == nil)`, "true true\n"},
		{`var pe *ParseErr
fmt.Println(errors.As(fmt.Errorf("w: %w", parse(true)), &pe), pe.Line)`, "true 3\n"},
		{`var p *ParseErr
errs := []error{p, nil}
m := map[string]error{"p": p}
fmt.Println(errs[0] == nil, errs[1] == nil, m["p"] == nil)`, "false true false\n"},
		{`var p *ParseErr
w := fmt.Errorf("w: %w", p)
fmt.Println(errors.Unwrap(w) == nil, w)`, "false w: no parse error\n"},
		{`var e error = (*ParseErr)(nil)
fmt.Println(e == nil)`, "false\n"},
		// fmt prints <nil> for a nil pointer whose Error method panics.
		{`err := bare()
fmt.Println(err == nil, err)
fmt.Printf("%v|%s\n", err, err)`, "false <nil>\n<nil>|<nil>\n"},
	})
}

// An error of a cell type with value receivers answers type assertions
// to its type and to interfaces it implements, errors.As and AsType,
// and prints its %T, %d and %#v as Go does (errval.go): yaegi held the
// struct's last field in place of the struct.
func TestValueReceiverErrorOfCellType(t *testing.T) {
	runCells(t, `import ("errors"; "fmt")
type HTTPErr struct {
	Status int
	Path   string
}
func (e HTTPErr) Error() string { return fmt.Sprintf("%d at %s", e.Status, e.Path) }
func (e HTTPErr) Retryable() bool { return e.Status >= 500 }
type retryable interface{ Retryable() bool }
type Errno uint
func (e Errno) Error() string { return fmt.Sprint("errno ", uint(e)) }
func get(p string) error {
	if p == "/down" {
		return HTTPErr{503, p}
	}
	return Errno(2)
}
func asError[E error](e E) error { return e }`, []struct{ cell, want string }{
		{`e := asError(HTTPErr{500, "/g"})
h, ok := e.(HTTPErr)
var np *HTTPErr
fmt.Println(ok, h.Path, asError(np) == nil, asError(Errno(1)))`, "true /g false errno 1\n"},
		{`err := get("/down")
h, ok := err.(HTTPErr)
fmt.Println(ok, h.Status, h.Path)`, "true 503 /down\n"},
		{`err := get("/down")
r, ok := err.(retryable)
fmt.Println(ok, ok && r.Retryable())`, "true true\n"},
		{`var h HTTPErr
var r retryable
w := fmt.Errorf("fetch: %w", get("/down"))
fmt.Println(errors.As(w, &h), h.Path, errors.As(w, &r), r.Retryable())`, "true /down true true\n"},
		{`h, ok := errors.AsType[HTTPErr](fmt.Errorf("x: %w", get("/down")))
fmt.Println(ok, h.Status)`, "true 503\n"},
		{`err := get("/down")
fmt.Printf("%T|%v|%d|%#v\n", err, err, get("/"), err)`, "main.HTTPErr|503 at /down|2|main.HTTPErr{Status:503, Path:\"/down\"}\n"},
		{`switch e := get("/down").(type) {
case Errno:
	fmt.Println("errno", e)
case HTTPErr:
	fmt.Println("http", e.Status)
}`, "http 503\n"},
		{`w := fmt.Errorf("w: %w", HTTPErr{404, "/w"})
var h HTTPErr
fmt.Println(errors.As(w, &h), h.Path, errors.Is(w, HTTPErr{404, "/w"}), w)`, "true /w true w: 404 at /w\n"},
		{`var a any = HTTPErr{404, "/a"}
e, ok := a.(error)
h, isH := e.(HTTPErr)
fmt.Println(ok, isH, h.Path)`, "true true /a\n"},
		{`errs := []error{HTTPErr{1, "v"}, &HTTPErr{2, "p"}, HTTPErr{3, "w"}}
fmt.Println(errs[0], errs[1], errs[2])
_, isV := errs[0].(HTTPErr)
p, isP := errs[1].(*HTTPErr)
fmt.Println(isV, isP, p.Path)`, "1 at v 2 at p 3 at w\ntrue true p\n"},
		{`errs := []error{get("/"), get("/down")}
for _, e := range errs {
	_, isH := e.(HTTPErr)
	_, isN := e.(Errno)
	fmt.Print(isH, isN, " ")
}
fmt.Println()`, "false true true false \n"},
	})
}

// Errors holding equal values of a cell type are equal, as in Go: ==
// and errors.Is against a sentinel of a cell type (errval.go). Before,
// a pointer sentinel compared unequal to itself once returned as an
// error, and errors.Is with a value sentinel panicked ("comparing
// uncomparable type func() string").
func TestCellErrorsCompareAsInGo(t *testing.T) {
	runCells(t, `import ("errors"; "fmt")
type KeyErr struct{ Key string }
func (e *KeyErr) Error() string { return "key " + e.Key }
type Kind int
func (k Kind) Error() string { return fmt.Sprint("kind ", int(k)) }
type Wrapped struct{ Msg string; Errs []error }
func (w Wrapped) Error() string { return w.Msg }
func (w Wrapped) Unwrap() []error { return w.Errs }
var ErrMissing = &KeyErr{"missing"}
var ErrKind = Kind(4)
func lookup(i int) error {
	if i == 0 {
		return ErrMissing
	}
	return ErrKind
}`, []struct{ cell, want string }{
		{`fmt.Println(lookup(0) == ErrMissing, lookup(0) == &KeyErr{"missing"}, errors.Is(lookup(0), ErrMissing))`, "true false true\n"},
		{`fmt.Println(lookup(1) == ErrKind, lookup(1) == Kind(5), errors.Is(fmt.Errorf("%w", lookup(1)), ErrKind), errors.Is(lookup(1), Kind(4)))`, "true false true true\n"},
		{`var w error = Wrapped{"two", []error{ErrMissing, Kind(4)}}
fmt.Println(errors.Is(w, ErrKind), errors.Is(w, ErrMissing), w)`, "true true two\n"},
	})
}
