package main

import (
	"cmp"
	"fmt"
	"iter"
	"strings"
)

type Tree[T cmp.Ordered] struct {
	root *node[T]
	size int
}

type node[T cmp.Ordered] struct {
	val         T
	left, right *node[T]
}

func (t *Tree[T]) Insert(v T) bool {
	p := &t.root
	for *p != nil {
		switch c := cmp.Compare(v, (*p).val); {
		case c < 0:
			p = &(*p).left
		case c > 0:
			p = &(*p).right
		default:
			return false
		}
	}
	*p = &node[T]{val: v}
	t.size++
	return true
}

func (t *Tree[T]) Contains(v T) bool {
	n := t.root
	for n != nil {
		switch {
		case v < n.val:
			n = n.left
		case v > n.val:
			n = n.right
		default:
			return true
		}
	}
	return false
}

func (t *Tree[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		var walk func(n *node[T]) bool
		walk = func(n *node[T]) bool {
			if n == nil {
				return true
			}
			return walk(n.left) && yield(n.val) && walk(n.right)
		}
		walk(t.root)
	}
}

func height[T cmp.Ordered](n *node[T]) int {
	if n == nil {
		return 0
	}
	return 1 + max(height(n.left), height(n.right))
}

func (t *Tree[T]) Height() int { return height(t.root) }

func main() {
	var nums Tree[int]
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80, 30} {
		nums.Insert(v)
	}
	for v := range nums.All() {
		fmt.Print(v, " ")
	}
	fmt.Println("| size", nums.size, "height", nums.Height(), nums.Contains(60), nums.Contains(65))
	var words Tree[string]
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog") {
		words.Insert(w)
	}
	var out []string
	for w := range words.All() {
		if len(out) == 4 {
			break
		}
		out = append(out, w)
	}
	fmt.Println(strings.Join(out, ","), words.size)
}
