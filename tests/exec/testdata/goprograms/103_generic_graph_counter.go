package main

import (
	"fmt"
	"slices"
	"sync"
)

type Graph[T comparable] struct {
	adj map[T][]T
}

func NewGraph[T comparable]() *Graph[T] { return &Graph[T]{adj: map[T][]T{}} }

func (g *Graph[T]) Edge(a, b T) {
	g.adj[a] = append(g.adj[a], b)
	g.adj[b] = append(g.adj[b], a)
}

func (g *Graph[T]) Path(from, to T) []T {
	prev := map[T]T{}
	seen := map[T]bool{from: true}
	queue := []T{from}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if n == to {
			path := []T{to}
			for path[len(path)-1] != from {
				path = append(path, prev[path[len(path)-1]])
			}
			slices.Reverse(path)
			return path
		}
		for _, m := range g.adj[n] {
			if !seen[m] {
				seen[m] = true
				prev[m] = n
				queue = append(queue, m)
			}
		}
	}
	return nil
}

type Counter[K comparable] struct {
	mu sync.Mutex
	m  map[K]int
}

func (c *Counter[K]) Inc(k K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[K]int{}
	}
	c.m[k]++
}

func main() {
	g := NewGraph[string]()
	g.Edge("a", "b")
	g.Edge("b", "c")
	g.Edge("a", "d")
	g.Edge("d", "e")
	g.Edge("e", "c")
	fmt.Println(g.Path("a", "c"), g.Path("c", "d"), g.Path("a", "z") == nil)
	var c Counter[string]
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc([]string{"x", "y"}[i%2])
		}()
	}
	wg.Wait()
	fmt.Println(c.m["x"], c.m["y"])
}
