package exec

import "testing"

// An arithmetic value assigned to an interface field of a compiled
// package's struct (list.Element.Value, ring.Ring.Value, os.PathError.Err)
// is stored, and the function goes on (ifacefield.go): yaegi ended the
// function silently at such an assignment, so nothing after it ran.
func TestArithmeticIntoCompiledInterfaceField(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"container/list"
	"container/ring"
	"errors"
	"fmt"
	"os"
)

type Celsius float64

func main() {
	e := &list.Element{}
	j := 3
	e.Value = j * j
	fmt.Println("list", e.Value)
	e.Value = -(j + 1)
	fmt.Printf("%v %T\n", e.Value, e.Value)
	e.Value = Celsius(j) * 1.5
	fmt.Println(e.Value.(Celsius) == 4.5)
	e.Value = 1 << j
	fmt.Println(e.Value)
	r := ring.New(3)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * 10
		r = r.Next()
	}
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println()
	var pe os.PathError
	base := errors.New("base")
	pe.Err = base
	fmt.Println(pe.Err == base, "end")
}`)
	want := "list 9\n-4 int\ntrue\n8\n0 10 20 \ntrue end\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
