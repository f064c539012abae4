package main

import (
	"fmt"
	"sync"
)

func producer(name string, n int, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		out <- fmt.Sprintf("%s%d", name, i)
	}
}

func main() {
	a := make(chan string)
	b := make(chan string)
	var wg sync.WaitGroup
	wg.Add(2)
	go producer("a", 3, a, &wg)
	go producer("b", 2, b, &wg)
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()

	counts := map[string]int{}
	total := 0
	for running := true; running; {
		select {
		case v := <-a:
			counts["a"]++
			total += len(v)
		case v := <-b:
			counts["b"]++
			total += len(v)
		case <-done:
			running = false
		}
	}
	fmt.Println(counts["a"], counts["b"], total)

	buf := make(chan int, 2)
	for i := 0; i < 4; i++ {
		select {
		case buf <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full at", i)
		}
	}
	close(buf)
	for v := range buf {
		fmt.Println("got", v)
	}
	v, ok := <-buf
	fmt.Println(v, ok)
}
