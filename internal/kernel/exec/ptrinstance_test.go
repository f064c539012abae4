package exec

import "testing"

// A variable declared as a pointer to a generic type of two parameters
// (`var p *Pair[string, int]`), in a function, a generic function or a
// cell's statements, with or without a value, works (ptrinstance.go):
// yaegi v0.16.1 read the type as a dereference and its compiler
// dereferenced nil.
func TestPointerToTwoParameterInstanceVars(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Best[K comparable, V int | float64](ps []Pair[K, V]) *Pair[K, V] {
	var best *Pair[K, V]
	for i := range ps {
		if best == nil || ps[i].Val > best.Val {
			best = &ps[i]
		}
	}
	return best
}

func main() {
	var none, other *Pair[string, int]
	q := Pair[string, int]{"q", 1}
	var p *Pair[string, int] = &q
	fmt.Println(none == nil, other == nil, p.Key, Best([]Pair[string, float64]{{"a", 1}, {"b", 2.5}, {"c", 2}}).Key)
}`)
	if got, want := r.text("stdout")+r.text("stderr"), "true true q b\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
	_, r = mustRun(t, s, `var cellPtr *Pair[int, int]
fmt.Println(cellPtr == nil)`)
	if got, want := r.text("stdout"), "true\n"; got != want {
		t.Fatalf("cell statement printed %q, want %q", got, want)
	}
}
