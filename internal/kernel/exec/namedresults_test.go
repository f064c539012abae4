package exec

import "testing"

// A named result starts at its zero value however the call's result is
// used (namedresults.go): yaegi started it with what the caller's
// destination held, so a sum called in a loop added to the last row's,
// `x = counter()` counted on from x, and a function that recovered a
// panic returned the previous call's results. Each case failed before.
func TestNamedResultsStartAtZero(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"errors"
	"fmt"
)

func sum(xs []int) (total int) {
	for _, x := range xs {
		total += x
	}
	return
}

func counter() (n int) {
	n++
	return
}

func collect(k int) (out []string, err error) {
	for i := 0; i < k; i++ {
		out = append(out, fmt.Sprint(i))
	}
	return
}

func parse(s string) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint(r))
		}
	}()
	if s == "" {
		panic("empty")
	}
	return len(s), nil
}

type Acc struct{ base int }

func (a Acc) add(xs ...int) (r int) {
	for _, x := range xs {
		r += x
	}
	return r + a.base
}

func first[T any](xs []T) (v T, ok bool) {
	if len(xs) > 0 {
		v, ok = xs[0], true
	}
	return
}

func main() {
	for _, row := range [][]int{{1, 2}, {3, 4}} {
		s := sum(row)
		fmt.Print(s, " ")
	}
	x := 5
	x = counter()
	fmt.Println(x)
	out, _ := collect(2)
	out, _ = collect(1)
	fmt.Println(out)
	for _, in := range []string{"go", ""} {
		n, err := parse(in)
		fmt.Print(n, " ", err, "; ")
	}
	fmt.Println()
	a := Acc{1}
	y := a.add(1)
	y = a.add(2)
	fmt.Println(y)
	v, ok := first([]string{"a"})
	v, ok = first([]string{})
	fmt.Printf("%q %v\n", v, ok)
	twice := func(k int) (r int) { r += 2 * k; return }
	z := twice(3)
	z = twice(4)
	fmt.Println(z)
}`)
	want := "3 7 1\n[0]\n2 <nil>; 0 empty; \n3\n\"\" false\n8\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// A function reading the package-level variable its result is assigned
// to sees the variable's value, not its own result (resultdest.go), the
// variable and the function declared in earlier cells. Printed
// "sees 1 / sees 1 / 1" before.
func TestResultAssignedToGlobalIsNotSeenEarly(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `var count int`)
	mustRun(t, s, `import "fmt"

func next() (n int) {
	n = count + 1
	fmt.Println("sees", count)
	return
}`)
	_, r := mustRun(t, s, `count = next()
count = next()
fmt.Println(count)`)
	if got, want := r.text("stdout"), "sees 0\nsees 1\n2\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}
