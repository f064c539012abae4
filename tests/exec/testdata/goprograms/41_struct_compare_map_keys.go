package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }

type Edge struct {
	From, To string
}

type Employee struct {
	Name   string
	Dept   string
	Salary int
}

func main() {
	a, b := Point{1, 2}, Point{1, 2}
	fmt.Println(a == b, a != Point{2, 1})

	visited := map[Point]bool{}
	for _, p := range []Point{{0, 0}, {1, 1}, {0, 0}, {2, 2}, {1, 1}} {
		visited[p] = true
	}
	fmt.Println(len(visited), visited[Point{2, 2}], visited[Point{3, 3}])

	weights := map[Edge]int{{"a", "b"}: 3, {"b", "c"}: 4}
	weights[Edge{"a", "b"}] += 10
	fmt.Println(weights[Edge{"a", "b"}], weights[Edge{"c", "a"}])

	staff := map[string]Employee{
		"e1": {"Ann", "eng", 120},
		"e2": {"Bo", "ops", 90},
		"e3": {"Cy", "eng", 110},
	}
	e := staff["e2"]
	e.Salary += 5
	staff["e2"] = e
	byDept := map[string][]string{}
	total := map[string]int{}
	for _, e := range staff {
		byDept[e.Dept] = append(byDept[e.Dept], e.Name)
		total[e.Dept] += e.Salary
	}
	depts := make([]string, 0, len(byDept))
	for d := range byDept {
		depts = append(depts, d)
	}
	sort.Strings(depts)
	for _, d := range depts {
		names := byDept[d]
		sort.Strings(names)
		fmt.Println(d, names, total[d])
	}
	arr1 := [3]int{1, 2, 3}
	arr2 := arr1
	arr2[0] = 9
	fmt.Println(arr1 == arr2, arr1, arr2)
	ptrs := map[string]*Employee{"x": {Name: "X"}}
	ptrs["x"].Salary = 50
	fmt.Println(*ptrs["x"])
}
