package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Option[T any] struct {
	val T
	ok  bool
}

func Some[T any](v T) Option[T] { return Option[T]{v, true} }
func None[T any]() Option[T]    { return Option[T]{} }

func (o Option[T]) OrElse(d T) T {
	if o.ok {
		return o.val
	}
	return d
}

func (o Option[T]) String() string {
	if !o.ok {
		return "None"
	}
	return fmt.Sprintf("Some(%v)", o.val)
}

func MapOption[T, U any](o Option[T], f func(T) U) Option[U] {
	if !o.ok {
		return None[U]()
	}
	return Some(f(o.val))
}

type Result[T any] struct {
	Val T
	Err error
}

func Try[T any](f func() (T, error)) Result[T] {
	v, err := f()
	return Result[T]{v, err}
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v ...T) { s.items = append(s.items, v...) }
func (s *Stack[T]) Pop() Option[T] {
	if len(s.items) == 0 {
		return None[T]()
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return Some(v)
}
func (s *Stack[T]) Clone() *Stack[T] {
	return &Stack[T]{items: append([]T(nil), s.items...)}
}

type Queue[T any] struct {
	buf        []T
	head, size int
}

func NewQueue[T any](capacity int) *Queue[T] { return &Queue[T]{buf: make([]T, capacity)} }

func (q *Queue[T]) Enqueue(v T) bool {
	if q.size == len(q.buf) {
		return false
	}
	q.buf[(q.head+q.size)%len(q.buf)] = v
	q.size++
	return true
}

func (q *Queue[T]) Dequeue() (T, bool) {
	var zero T
	if q.size == 0 {
		return zero, false
	}
	v := q.buf[q.head]
	q.head = (q.head + 1) % len(q.buf)
	q.size--
	return v, true
}

func main() {
	s := &Stack[int]{}
	s.Push(1, 2, 3)
	c := s.Clone()
	fmt.Println(s.Pop(), s.Pop(), c.Pop(), len(c.items))
	e := &Stack[string]{}
	fmt.Println(e.Pop(), e.Pop().OrElse("empty"))
	n := MapOption(Some("42"), func(s string) int { v, _ := strconv.Atoi(s); return v })
	fmt.Println(n, n.OrElse(0)+1, MapOption(None[string](), func(s string) int { return len(s) }))
	r := Try(func() (int, error) { return strconv.Atoi("x1") })
	var numErr *strconv.NumError
	fmt.Println(r.Val, errors.As(r.Err, &numErr), numErr.Func)
	q := NewQueue[string](2)
	fmt.Println(q.Enqueue("a"), q.Enqueue("b"), q.Enqueue("c"))
	v, _ := q.Dequeue()
	q.Enqueue("d")
	w, _ := q.Dequeue()
	x, _ := q.Dequeue()
	_, ok := q.Dequeue()
	fmt.Println(v, w, x, ok)
}
