package main

import "fmt"

// Interface values holding values of cell types with methods compare as
// Go compares them: equal values of one type are equal (yaegi compared
// its wrappers, so `var a, b any = k, k` was unequal), values of two
// types of one shape are not, a value of an uncomparable type panics.

type K struct{ A, B int }

func (k K) Sum() int { return k.A + k.B }

type P struct{ X int }

func (p *P) Inc() { p.X++ }

type Dog struct{ Name string }

func (d Dog) Speak() string { return "woof" }

type Cat struct{ Name string }

func (c Cat) Speak() string { return "meow" }

type Bag struct{ Items []int }

func (b Bag) Len() int { return len(b.Items) }

func main() {
	k := K{1, 2}
	var a, b any = k, k
	fmt.Println(a == b, a == any(k), a != b)
	p := P{1}
	var c, d any = p, p
	fmt.Println(c == d, c == any(p))
	all := []any{k, p}
	fmt.Println(all[0] == a, all[1] == c)
	var x, y any = Dog{"x"}, Cat{"x"}
	fmt.Println(x == y, x == any(Dog{"x"}), x != y)
	var n any
	fmt.Println(n == nil, a == nil, a == 3, any(3) == 3)
	xs := []any{Dog{"a"}, Dog{"b"}}
	idx := -1
	for i, v := range xs {
		if v == any(Dog{"b"}) {
			idx = i
		}
	}
	fmt.Println(idx)
	defer func() { fmt.Println("recovered:", recover() != nil) }()
	var e, f any = Bag{}, Bag{}
	fmt.Println(e == f)
}
