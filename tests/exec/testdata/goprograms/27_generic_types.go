package main

import (
	"errors"
	"fmt"
)

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

func (s *Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)      { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }

func main() {
	var s Stack[int]
	for i := 1; i <= 3; i++ {
		s.Push(i * 10)
	}
	for s.Len() > 0 {
		v, _ := s.Pop()
		fmt.Println("pop", v)
	}
	_, err := s.Pop()
	fmt.Println("error:", err)

	words := &Stack[string]{}
	words.Push("go")
	words.Push("run")
	w, _ := words.Pop()
	fmt.Println(w, words.Len())

	p := Pair[string, int]{"answer", 42}
	fmt.Println(p.String(), p.Key, p.Val)

	set := Set[string]{}
	set.Add("x")
	fmt.Println(set.Has("x"), set.Has("y"), len(set))
}
