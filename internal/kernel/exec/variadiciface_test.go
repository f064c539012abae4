package exec

import "testing"

// A value of a cell type with methods passed one by one to a compiled
// function's variadic parameter of an interface type (io.MultiWriter,
// io.MultiReader, errors.Join) arrives as that interface
// (variadiciface.go): yaegi converted it for the parameter's slice type
// and the call failed ("reflect: cannot use *struct {…} as type error in
// Call"). errors.As still finds the cell's error in the joined tree.
func TestCellValuesAsVariadicInterfaceArgs(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) { return u.w.Write([]byte(strings.ToUpper(string(p)))) }

type plus1 struct{ r io.Reader }

func (x *plus1) Read(p []byte) (int, error) {
	n, err := x.r.Read(p)
	for i := 0; i < n; i++ {
		p[i]++
	}
	return n, err
}

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Temp int

func (t Temp) Error() string { return fmt.Sprint("temp ", int(t)) }

func main() {
	var sb strings.Builder
	u := upper{&sb}
	w := io.MultiWriter(&sb, u, upper{&sb})
	io.WriteString(w, "ab")
	fmt.Println(sb.String())
	b, _ := io.ReadAll(io.MultiReader(strings.NewReader("ab"), &plus1{strings.NewReader("ab")}))
	fmt.Println(string(b))
	base := errors.New("base")
	err := errors.Join(&NotFound{"k"}, base, Temp(3))
	fmt.Printf("%q\n", err.Error())
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf.Key, errors.Is(err, base))
}`)
	want := "abABAB\nabbc\n\"not found: k\\nbase\\ntemp 3\"\ntrue k true\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
