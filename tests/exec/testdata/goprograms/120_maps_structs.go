package main

import (
	"fmt"
	"sort"
)

type Emp struct {
	Name   string
	Salary int
}

func main() {
	byID := map[int]*Emp{1: {"ann", 100}, 2: {"bob", 90}}
	byID[1].Salary += 10
	vals := map[string]Emp{"c": {"cy", 50}}
	e := vals["c"]
	e.Salary = 60
	fmt.Println(vals["c"].Salary)
	vals["c"] = e
	fmt.Println(*byID[1], vals["c"])
	keys := make([]int, 0, len(byID))
	for k := range byID {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Println(k, byID[k].Name)
	}
	groups := map[string][]string{}
	for _, w := range []string{"apple", "avocado", "banana", "blue", "cherry"} {
		groups[w[:1]] = append(groups[w[:1]], w)
	}
	fmt.Println(groups)
	nested := map[string]map[string]int{}
	if nested["x"] == nil {
		nested["x"] = map[string]int{}
	}
	nested["x"]["y"]++
	fmt.Println(nested, len(nested["z"]))
	delete(nested, "x")
	v, ok := nested["x"]
	fmt.Println(v, ok, v == nil)
}
