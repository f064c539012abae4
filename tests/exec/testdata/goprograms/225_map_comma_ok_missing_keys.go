package main

import (
	"fmt"
	"sort"
)

// The Go blog's "Go maps in action", and the comma-ok index of keys that
// are missing: the value is the zero value, whatever the variable held.

type Key struct {
	Path, Country string
}

func lookup[K comparable, V any](m map[K]V, k K) (V, bool) {
	v, ok := m[k]
	return v, ok
}

func main() {
	m := make(map[string]int)
	m["route"] = 66
	i := m["route"]
	j := m["root"]
	fmt.Println(i, j, len(m))
	delete(m, "route")
	i, ok := m["route"]
	fmt.Println(i, ok)
	_, ok = m["route"]
	fmt.Println(ok)

	m = map[string]int{"rsc": 3711, "r": 2138, "gri": 1908, "adg": 912}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println("Key:", k, "Value:", m[k])
	}

	stock := map[string]int{"apple": 3, "pear": 0}
	for _, fruit := range []string{"apple", "kiwi", "pear", "plum"} {
		n, ok := stock[fruit]
		fmt.Println(fruit, n, ok)
	}
	var last string
	names := map[int]string{1: "one"}
	for _, n := range []int{1, 2} {
		last, ok = names[n]
		fmt.Printf("%d %q %v\n", n, last, ok)
	}

	hits := make(map[Key]int)
	hits[Key{"/", "vn"}]++
	count, found := hits[Key{"/ref/spec", "ch"}]
	fmt.Println(count, found, hits[Key{"/", "vn"}])
	nested := map[string]map[string]int{"/doc/": {"au": 2}}
	inner, ok := nested["/doc/"]
	fmt.Println(len(inner), ok)
	inner, ok = nested["/none/"]
	fmt.Println(inner == nil, ok)
	fmt.Println(lookup(map[string]float64{"q": 2.5}, "q"))
	fmt.Println(lookup(map[string]float64{"q": 2.5}, "r"))
	var v, present = m["adg"]
	fmt.Println(v, present)
}
