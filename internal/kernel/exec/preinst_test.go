package exec

import "testing"

// A method of a generic type calling the generic function that makes the
// type (NewSet[T]() in Set[T].Union) failed to compile in yaegi ("CFG
// post-order panic") when the function's instance was made first.
func TestGenericMethodCallingTheConstructorOfItsType(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "fmt"

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](items ...T) Set[T] {
	s := make(Set[T], len(items))
	for _, it := range items {
		s[it] = struct{}{}
	}
	return s
}

func (s Set[T]) Union(o Set[T]) Set[T] {
	out := NewSet[T]()
	for v := range s {
		out[v] = struct{}{}
	}
	for v := range o {
		out[v] = struct{}{}
	}
	return out
}

type Stack[T any] struct{ items []T }

func NewStack[T any]() *Stack[T] { return &Stack[T]{} }

func (s *Stack[T]) Push(v T) *Stack[T] {
	out := NewStack[T]()
	out.items = append(out.items, s.items...)
	out.items = append(out.items, v)
	return out
}

func sizes() string {
	f := func() int { return len(NewSet(1.5).Union(NewSet(2.5, 1.5))) }
	return fmt.Sprint(f(), len(NewStack[string]().Push("a").Push("b").items))
}`)
	_, r := mustRun(t, s, `fmt.Println(sizes())
words := NewSet("go", "zig")
fmt.Println(len(words.Union(NewSet("go", "rust"))))
func() { fmt.Println(len(NewSet(1, 2).Union(NewSet(3)))) }()`)
	if got, want := r.text("stdout"), "2 2\n3\n3\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
