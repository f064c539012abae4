package main

import (
	"fmt"
	"strings"
)

// %#v of the program's own types, Go by Example's formatting verbs on
// structs with and without String methods, generic types with String
// methods in slices and maps, and a generic String method formatting a
// type parameter's value.

type point struct{ x, y int }

type Vec struct{ X, Y float64 }

type Temp struct{ C float64 }

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", t.C) }

type Reading struct {
	Where string
	T     Temp
	Hist  []Temp
}

type Box[T any] struct{ v T }

func (b Box[T]) String() string { return fmt.Sprintf("<%v>", b.v) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Level int

func (l Level) String() string { return [...]string{"low", "high"}[l] }

func main() {
	p := point{1, 2}
	fmt.Printf("struct1: %v\n", p)
	fmt.Printf("struct2: %+v\n", p)
	fmt.Printf("struct3: %#v\n", p)
	v := Vec{1.5, -2}
	fmt.Printf("%v %+v %#v %T\n", v, v, v, v)
	pv := &v
	fmt.Printf("%#v %+v\n", pv, pv)
	t := Temp{21.5}
	fmt.Printf("%v %s %+v %#v\n", t, t, t, t)
	r := Reading{"lab", t, []Temp{{1}, {2.25}}}
	fmt.Printf("%v\n%+v\n%#v\n", r, r, r)
	fmt.Println(fmt.Sprintf("%-4d|%#v|%q", 7, Vec{0, 1}, "x"))
	fmt.Printf("%#v\n", []Vec{{1, 2}, {3, 4}})
	m := map[string]Vec{"a": {1, 2}, "b": {3, 4}}
	fmt.Printf("%v\n%#v\n", m, m)
	lv := map[Level]Temp{1: {30}, 0: {10}}
	fmt.Printf("%v\n%#v\n", lv, lv)

	fmt.Println(Box[int]{2}, Box[string]{"s"}, Box[Temp]{Temp{3}})
	fmt.Printf("%#v %v\n", Box[int]{2}, Box[int]{2})
	ps := []Pair[string, int]{{"a", 1}, {"b", 2}}
	fmt.Println(ps)
	fmt.Printf("%v|%+v|%#v|%T|%T\n", ps, ps, ps, ps, ps[0])
	fmt.Printf("%#v\n", Pair[string, float64]{"z", 0.5})
	arr := [2]Pair[string, float64]{{"x", 0}, {"y", 1.5}}
	fmt.Println(arr, len(arr))
	var parts []string
	for _, q := range ps {
		parts = append(parts, q.String())
	}
	fmt.Println(strings.Join(parts, ";"))
}
