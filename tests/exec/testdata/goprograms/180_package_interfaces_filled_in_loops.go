package main

import (
	"container/heap"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// resource is closed through io.Closer values collected in a loop.
type resource struct{ id int }

func (r *resource) Close() error {
	fmt.Println("closing", r.id)
	return nil
}

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type minHeap []int

func (h minHeap) Len() int           { return len(h) }
func (h minHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h minHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// upper writes what it is given in capitals.
type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) { return u.w.Write([]byte(strings.ToUpper(string(p)))) }

func main() {
	var closers []io.Closer
	for i := 1; i <= 3; i++ {
		r := &resource{i}
		closers = append(closers, r)
	}
	for i := len(closers) - 1; i >= 0; i-- {
		closers[i].Close()
	}

	var temps []fmt.Stringer
	for _, t := range []float64{-3.5, 21, 37.2} {
		c := celsius(t)
		temps = append(temps, c)
	}
	fmt.Println(temps)

	byName := map[string]io.Closer{}
	for _, id := range []int{7, 8, 9} {
		byName[fmt.Sprint("r", id)] = &resource{id}
	}
	byName["r7"].Close()

	first := &resource{10}
	var c io.Closer = first
	first = &resource{20}
	c.Close()
	_ = first

	words := byLen{"banana", "fig", "apple"}
	var s sort.Interface = words
	words = byLen{"x"}
	sort.Sort(s)
	fmt.Println(s.Len(), s.(byLen))

	h := &minHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 1)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()

	ch := make(chan io.Closer, 3)
	for i := 30; i < 33; i++ {
		ch <- &resource{i}
	}
	close(ch)
	for r := range ch {
		r.Close()
	}

	var ws []io.Writer
	for _, prefix := range []string{"a", "b"} {
		_ = prefix
		ws = append(ws, upper{os.Stdout})
	}
	fmt.Fprintln(io.MultiWriter(ws...), "twice")
}
