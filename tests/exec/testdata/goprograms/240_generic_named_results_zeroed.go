package main

// Named results whose type is an instance of a generic type start at
// their zero value on every call, as every named result does: yaegi gave
// the function the caller's destination as the result's storage, so `s
// := sum(r)` in a loop added each row to the last one's sum and a field
// left unset kept the previous call's value.

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func mk[K comparable, V any](k K, v V, set bool) (p Pair[K, V]) {
	if set {
		p.Key = k
	}
	p.Val = v
	return
}

type Box[T any] struct{ items []T }

func (b *Box[T]) Take(n int) (out Box[T], ok bool) {
	for i := 0; i < n && i < len(b.items); i++ {
		out.items = append(out.items, b.items[i])
	}
	ok = len(out.items) > 0
	return
}

func sum(xs []int) (total Pair[string, int]) {
	for _, x := range xs {
		total.Val += x
	}
	total.Key = "sum"
	return
}

func main() {
	var ps []Pair[string, int]
	for i := 0; i < 3; i++ {
		p := mk("k", i, i == 0)
		ps = append(ps, p)
	}
	fmt.Println(ps)
	b := &Box[int]{items: []int{1, 2, 3}}
	for n := 3; n >= 0; n-- {
		o, ok := b.Take(n)
		fmt.Println(o.items, ok)
	}
	rows := [][]int{{1, 2}, {3, 4}, {5}}
	for _, r := range rows {
		s := sum(r)
		fmt.Println(s)
	}
}
