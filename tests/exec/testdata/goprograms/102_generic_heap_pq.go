package main

import (
	"container/heap"
	"fmt"
	"strings"
)

type PQ[T any] struct {
	items []T
	less  func(a, b T) bool
}

func (q *PQ[T]) Len() int           { return len(q.items) }
func (q *PQ[T]) Less(i, j int) bool { return q.less(q.items[i], q.items[j]) }
func (q *PQ[T]) Swap(i, j int)      { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *PQ[T]) Push(x any)         { q.items = append(q.items, x.(T)) }
func (q *PQ[T]) Pop() any {
	n := len(q.items)
	v := q.items[n-1]
	q.items = q.items[:n-1]
	return v
}

func NewPQ[T any](less func(a, b T) bool, xs ...T) *PQ[T] {
	q := &PQ[T]{items: append([]T(nil), xs...), less: less}
	heap.Init(q)
	return q
}

type task struct {
	name string
	prio int
}

func main() {
	q := NewPQ(func(a, b int) bool { return a < b }, 5, 2, 8, 1)
	heap.Push(q, 3)
	var out []string
	for q.Len() > 0 {
		out = append(out, fmt.Sprint(heap.Pop(q)))
	}
	fmt.Println(strings.Join(out, " "))
	tq := NewPQ(func(a, b task) bool { return a.prio > b.prio })
	for i, n := range []string{"write", "test", "ship", "rest"} {
		heap.Push(tq, task{n, (i * 7) % 5})
	}
	for tq.Len() > 0 {
		t := heap.Pop(tq).(task)
		fmt.Print(t.name, ":", t.prio, " ")
	}
	fmt.Println()
}
