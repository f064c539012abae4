package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Course struct {
	Title   string
	Credits int
}

type Graph map[string][]string

func (g Graph) AddEdge(a, b string) {
	g[a] = append(g[a], b)
	g[b] = append(g[b], a)
}

func (g Graph) BFS(start string) []string {
	seen := map[string]bool{start: true}
	queue := []string{start}
	var out []string
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		out = append(out, n)
		nbrs := slices.Clone(g[n])
		slices.Sort(nbrs)
		for _, m := range nbrs {
			if !seen[m] {
				seen[m] = true
				queue = append(queue, m)
			}
		}
	}
	return out
}

func main() {
	enrol := map[string][]Course{}
	enrol["ann"] = append(enrol["ann"], Course{"math", 4}, Course{"art", 2})
	enrol["bob"] = append(enrol["bob"], Course{"cs", 5})
	for _, name := range slices.Sorted(maps.Keys(enrol)) {
		credits := 0
		for _, c := range enrol[name] {
			credits += c.Credits
		}
		fmt.Println(name, len(enrol[name]), credits)
	}
	counts := map[string]map[string]int{}
	for _, rec := range []string{"x:a", "x:b", "y:a", "x:a"} {
		k, v, _ := strings.Cut(rec, ":")
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][v]++
	}
	fmt.Println(counts)
	g := Graph{}
	for _, e := range [][2]string{{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}, {"d", "e"}} {
		g.AddEdge(e[0], e[1])
	}
	fmt.Println(g.BFS("a"))
	m2 := maps.Clone(counts["x"])
	m2["z"] = 9
	fmt.Println(len(counts["x"]), len(m2))
	delete(m2, "a")
	fmt.Println(m2)
	inverse := map[int][]string{}
	for k, v := range map[string]int{"one": 1, "uno": 1, "two": 2} {
		inverse[v] = append(inverse[v], k)
	}
	for _, v := range inverse {
		slices.Sort(v)
	}
	fmt.Println(inverse)
	fmt.Println(maps.Equal(map[string]int{"a": 1}, map[string]int{"a": 1}))
}
