package main

import (
	"cmp"
	"fmt"
	"iter"
	"strings"
)

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for n := l.head; n != nil; n = n.next {
			if !yield(n.val) {
				return
			}
		}
	}
}

type Tree[K cmp.Ordered, V any] struct {
	root *tnode[K, V]
}

type tnode[K cmp.Ordered, V any] struct {
	key         K
	val         V
	left, right *tnode[K, V]
}

func (t *Tree[K, V]) Put(k K, v V) {
	p := &t.root
	for *p != nil {
		switch c := cmp.Compare(k, (*p).key); {
		case c < 0:
			p = &(*p).left
		case c > 0:
			p = &(*p).right
		default:
			(*p).val = v
			return
		}
	}
	*p = &tnode[K, V]{key: k, val: v}
}

func (t *Tree[K, V]) Walk(f func(K, V)) {
	var walk func(n *tnode[K, V])
	walk = func(n *tnode[K, V]) {
		if n == nil {
			return
		}
		walk(n.left)
		f(n.key, n.val)
		walk(n.right)
	}
	walk(t.root)
}

func MapList[T, U any](l *List[T], f func(T) U) *List[U] {
	out := &List[U]{}
	for v := range l.All() {
		out.Push(f(v))
	}
	return out
}

func main() {
	var l List[int]
	for i := 1; i <= 4; i++ {
		l.Push(i * 10)
	}
	for v := range l.All() {
		fmt.Print(v, " ")
	}
	fmt.Println("size", l.size)
	sl := MapList(&l, func(n int) string { return fmt.Sprintf("<%d>", n) })
	var parts []string
	for s := range sl.All() {
		parts = append(parts, s)
	}
	fmt.Println(strings.Join(parts, ""))

	var t Tree[string, int]
	for i, w := range strings.Fields("m c x a d z c") {
		t.Put(w, i)
	}
	t.Walk(func(k string, v int) { fmt.Printf("%s=%d ", k, v) })
	fmt.Println()
}
