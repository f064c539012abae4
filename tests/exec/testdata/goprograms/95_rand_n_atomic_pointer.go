package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

type Config struct{ Name string }

func main() {
	n := rand.N(10)
	d := rand.N(time.Second)
	fmt.Println(n >= 0 && n < 10, d >= 0 && d < time.Second, rand.IntN(5) < 5)
	var cfg atomic.Pointer[Config]
	fmt.Println(cfg.Load() == nil)
	cfg.Store(&Config{"a"})
	old := cfg.Swap(&Config{"b"})
	fmt.Println(old.Name, cfg.Load().Name, cfg.CompareAndSwap(old, nil), cfg.Load().Name)
	var hits atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println(hits.Load())
}
