package main

import (
	"fmt"
	"sort"
	"sync"
)

type Inventory struct {
	mu    sync.Mutex
	items map[string]int
	log   []string
}

func NewInventory() *Inventory {
	return &Inventory{items: map[string]int{}}
}

func (inv *Inventory) Add(name string, n int) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	inv.items[name] += n
}

func (inv *Inventory) Note(s string) {
	inv.mu.Lock()
	inv.log = append(inv.log, s)
	inv.mu.Unlock()
}

func (inv *Inventory) Snapshot() map[string]int {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	out := make(map[string]int, len(inv.items))
	for k, v := range inv.items {
		out[k] = v
	}
	return out
}

type Counter struct {
	sync.RWMutex
	n int
}

func (c *Counter) Inc() {
	c.Lock()
	c.n++
	c.Unlock()
}

func (c *Counter) Get() int {
	c.RLock()
	defer c.RUnlock()
	return c.n
}

func main() {
	inv := NewInventory()
	var wg sync.WaitGroup
	add := func(name string, times int) {
		defer wg.Done()
		for i := 0; i < times; i++ {
			inv.Add(name, 1)
		}
		inv.Note(name)
	}
	wg.Add(3)
	go add("bolts", 1000)
	go add("nuts", 500)
	go add("bolts", 250)
	wg.Wait()
	fmt.Println(inv.Snapshot())
	sort.Strings(inv.log)
	fmt.Println(inv.log)

	var c Counter
	var wg2 sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for j := 0; j < 100; j++ {
				c.Inc()
			}
		}()
	}
	wg2.Wait()
	fmt.Println(c.Get())
	inc := c.Inc
	inc()
	fmt.Println(c.Get())
}
