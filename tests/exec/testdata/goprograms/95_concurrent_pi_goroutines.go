// Pi by the Leibniz series, one goroutine per term: thousands of
// goroutines each inside a function at once.
package main

import (
	"fmt"
	"math"
	"sync"
)

func term(k float64) float64 {
	return 4 * math.Pow(-1, k) / (2*k + 1)
}

func pi(n int) float64 {
	ch := make(chan float64)
	var ready sync.WaitGroup
	ready.Add(n)
	gate := make(chan struct{})
	for k := 0; k < n; k++ {
		go func(k int) {
			ready.Done()
			<-gate // every goroutine is alive before any term is sent
			ch <- term(float64(k))
		}(k)
	}
	ready.Wait()
	close(gate)
	f := 0.0
	for k := 0; k < n; k++ {
		f += <-ch
	}
	return f
}

func main() {
	fmt.Printf("%.6f\n", pi(5000))
	fmt.Println(math.Abs(pi(200)-math.Pi) < 0.01)
}
