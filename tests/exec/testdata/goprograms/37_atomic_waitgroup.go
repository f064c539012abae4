package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Stats struct {
	hits   atomic.Int64
	misses atomic.Int64
}

func (s *Stats) Record(hit bool) {
	if hit {
		s.hits.Add(1)
	} else {
		s.misses.Add(1)
	}
}

func main() {
	var ops uint64
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := 0; c < 500; c++ {
				atomic.AddUint64(&ops, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("ops:", atomic.LoadUint64(&ops))

	st := &Stats{}
	var wg2 sync.WaitGroup
	for i := range 100 {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			st.Record(i%3 == 0)
		}()
	}
	wg2.Wait()
	fmt.Println("hits", st.hits.Load(), "misses", st.misses.Load())

	var flag atomic.Bool
	fmt.Println(flag.CompareAndSwap(false, true), flag.Load())
	results := make([]int, 8)
	var wg3 sync.WaitGroup
	for i := range results {
		wg3.Add(1)
		go func(i int) {
			defer wg3.Done()
			results[i] = i * i
		}(i)
	}
	wg3.Wait()
	fmt.Println(results)
}
