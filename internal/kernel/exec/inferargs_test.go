package exec

import (
	"strings"
	"testing"
)

// Generic calls whose type arguments name an instance of a generic type
// of two parameters run when yaegi infers them (inferargs.go): before, the
// kernel wrote them out (`slices.SortFunc[[]Pair[K, V], Pair[K, V]]`) and
// yaegi's compiler dereferenced nil. Type arguments the user wrote that
// yaegi infers are dropped likewise; a single-parameter instance it had
// not made yet (`Id[Box[int]]`) was "type not found".
func TestGenericInstanceTypeArgsLeftToInference(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"cmp"
	"fmt"
	"slices"
)

type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

type Box[T any] struct{ V T }

func Id[T any](x T) T { return x }

func SortedPairs[K cmp.Ordered, V any](m map[K]V) []Pair[K, V] {
	out := make([]Pair[K, V], 0, len(m))
	for k, v := range m {
		out = append(out, Pair[K, V]{k, v})
	}
	slices.SortFunc(out, func(a, b Pair[K, V]) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

func main() {
	ps := SortedPairs(map[string]int{"b": 2, "a": 1, "c": 3})
	fmt.Println(ps, Id(Box[int]{3}), Id[Pair[string, int]](ps[0]))
	fmt.Println(slices.IndexFunc(ps, func(p Pair[string, int]) bool { return p.Key == "c" }))
}`)
	if got, want := r.text("stdout")+r.text("stderr"), "[{a 1} {b 2} {c 3}] {3} {a 1}\n2\n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}

// Where yaegi neither takes the type arguments written out (an instance
// of a generic type of two parameters) nor infers them (Map's T seen
// twice before U), the cell is refused before it runs, at the call, with
// what to write instead; it was a "CFG post-order panic" from the
// interpreter.
func TestUntakeableTypeArgsRefused(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}`)
	res, _ := run(t, s, `func Keys[K comparable, V any](ps []Pair[K, V]) []K {
	return Map(ps, func(p Pair[K, V]) K { return p.Key })
}`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:2:9: the interpreter cannot instantiate Map here: its type argument Pair[K, V]") || !strings.Contains(res.Err.Value, "(a loop)") {
		t.Fatalf("in a generic function: %+v", res.Err)
	}
	res, _ = run(t, s, `ps := []Pair[string, int]{{"a", 2}}
Map(ps, func(p Pair[string, int]) string { return p.Key })`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:2:1: the interpreter cannot instantiate Map here") || !strings.Contains(res.Err.Value, "type PairStringInt = Pair[string, int]") {
		t.Fatalf("at top level: %+v", res.Err)
	}
	// The workaround the message gives runs.
	res, _ = mustRun(t, s, `type PairStringInt = Pair[string, int]
ps := []Pair[string, int]{{"a", 2}}
Map[PairStringInt, string](ps, func(p Pair[string, int]) string { return p.Key })`)
	if got := plain(res); got != `[a]` {
		t.Fatalf("with the alias: %s", got)
	}
}
