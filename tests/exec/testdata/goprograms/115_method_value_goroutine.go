package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Add(k string, wg *sync.WaitGroup) {
	defer wg.Done()
	c.mu.Lock()
	c.n[k]++
	c.mu.Unlock()
}

type Greeter struct{ name string }

func (g Greeter) Hello(out chan<- string) { out <- "hi " + g.name }

func main() {
	c := &Counter{n: map[string]int{}}
	var wg sync.WaitGroup
	add := c.Add
	for i := 0; i < 100; i++ {
		wg.Add(1)
		if i%2 == 0 {
			go add("even", &wg)
		} else {
			go c.Add("odd", &wg)
		}
	}
	wg.Wait()
	fmt.Println(c.n)
	out := make(chan string)
	g := Greeter{"bob"}
	h := g.Hello
	g.name = "changed"
	go h(out)
	fmt.Println(<-out)
	f := (*Counter).Add
	wg.Add(1)
	f(c, "x", &wg)
	fmt.Println(c.n["x"])
}
