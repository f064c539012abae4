package exec

import (
	"strings"
	"testing"
)

// A generic type of two parameters that refers to itself (a search tree
// of K, V) runs (recgeneric.go): yaegi v0.16.1 expanded it until the Go
// stack overflowed, a fatal error that ended the process. Its literals,
// keyed, positional, by address or by value, in a generic method, a
// generic function or main, make values of the one type.
func TestSelfReferringGenericTypeOfTwoParameters(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"cmp"
	"fmt"
)

type node[K cmp.Ordered, V any] struct {
	key         K
	val         V
	left, right *node[K, V]
	kids        map[K]*node[K, V]
}

func (n *node[K, V]) insert(k K, v V) *node[K, V] {
	if n == nil {
		return &node[K, V]{key: k, val: v}
	}
	switch {
	case k < n.key:
		n.left = n.left.insert(k, v)
	case k > n.key:
		n.right = n.right.insert(k, v)
	default:
		n.val = v
	}
	return n
}

func (n *node[K, V]) walk(f func(K, V)) {
	if n == nil {
		return
	}
	n.left.walk(f)
	f(n.key, n.val)
	n.right.walk(f)
}

func leaf[K cmp.Ordered, V any](k K, v V) node[K, V] {
	return node[K, V]{k, v, nil, nil, nil}
}

func main() {
	var root *node[string, int]
	for i, w := range []string{"m", "c", "x", "a", "c"} {
		root = root.insert(w, i)
	}
	l := leaf("z", 26)
	root.right.right = &l
	root.left.left.left = &node[string, int]{key: "0"}
	root.walk(func(k string, v int) { fmt.Print(k, "=", v, " ") })
	fmt.Println()
}`)
	if got, want := r.text("stdout")+r.text("stderr"), "0=0 a=3 c=4 m=0 x=2 z=26 \n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}

// Generic types that refer to each other, and a generic type referring
// to itself with other type arguments, are refused at the declaration
// before anything runs: yaegi would overflow the stack, ending the
// process. The session goes on.
func TestGenericTypeRecursionsRefused(t *testing.T) {
	s := newSession(t)
	res, _ := run(t, s, `type A[T any] struct {
	v T
	b *B[T]
}

type B[T any] struct{ a *A[T] }

var x A[int]`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:1:6: the interpreter cannot instantiate generic types that refer to each other (A → B → A)") {
		t.Fatalf("mutual: %+v", res.Err)
	}
	res, _ = run(t, s, `type T[A, B any] struct {
	a A
	x *T[B, A]
}`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:1:6: the interpreter cannot instantiate T: it refers to itself with other type arguments (T[B, A])") {
		t.Fatalf("swapped: %+v", res.Err)
	}
	if res, _ := mustRun(t, s, "1 + 1"); plain(res) != "2" {
		t.Fatalf("after: %s", plain(res))
	}
}

// Types that refer to themselves other than through a struct or an
// interface (Rob Pike's lexer's stateFn, go.dev's Peano integers, a list
// of lists, two such types through each other) are refused at the name,
// with the form that works: yaegi panicked compiling them, and `type A
// [2]*A` overflowed the Go stack, ending the process. Through a struct or
// an interface they run.
func TestSelfReferringTypesOutsideStructsRefused(t *testing.T) {
	s := newSession(t)
	for _, c := range []struct{ cell, want string }{
		{"type lexer struct{ pos int }\ntype stateFn func(*lexer) stateFn", "cell:2:6: the interpreter cannot build type stateFn func(*lexer) stateFn: a type that refers to itself other than through a struct or an interface would crash it. Put the reference in a struct field, e.g. type stateFn struct{ next func(*lexer) stateFn }"},
		{"type Number *Number\nfunc zero() *Number { return nil }", "cell:1:6: the interpreter cannot build type Number *Number"},
		{"type L []L", "cell:1:6: the interpreter cannot build type L []L"},
		{"type M map[string]M", "cell:1:6: the interpreter cannot build type M map[string]M"},
		{"type A [2]*A", "cell:1:6: the interpreter cannot build type A [2]*A"},
		{"type F func(G)\ntype G []F", "cell:1:6: the interpreter cannot build type F func(G)"},
	} {
		res, _ := run(t, s, c.cell)
		if res.Err == nil || !strings.Contains(res.Err.Value, c.want) {
			t.Errorf("%q: %+v, want %q", c.cell, res.Err, c.want)
		}
	}
	_, r := mustRun(t, s, `import "fmt"
type I interface{ Next() I }
type S struct{ f func() S; kids []S; m map[string]*S }
type node struct{ next *node }
var s S
var i I
fmt.Println(s.f == nil, i == nil, len(s.kids), node{}.next == nil)`)
	if got := r.text("stdout"); got != "true true 0 true\n" {
		t.Errorf("through structs and interfaces: %q", got)
	}
}
