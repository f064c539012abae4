package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		time.Sleep(time.Millisecond)
		results <- j * 2
	}
}

func wgWorker(id int, mu *sync.Mutex, seen *[]int) {
	time.Sleep(time.Millisecond)
	mu.Lock()
	*seen = append(*seen, id)
	mu.Unlock()
}

func main() {
	const numJobs = 5
	jobs := make(chan int, numJobs)
	results := make(chan int, numJobs)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)
	var got []int
	for a := 1; a <= numJobs; a++ {
		got = append(got, <-results)
	}
	sort.Ints(got)
	fmt.Println(got)

	var wg sync.WaitGroup
	var mu sync.Mutex
	var seen []int
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wgWorker(i, &mu, &seen)
		}()
	}
	wg.Wait()
	sort.Ints(seen)
	fmt.Println("workers done:", seen)

	var wg2 sync.WaitGroup
	total := make([]int, 4)
	for i := range 4 {
		wg2.Go(func() {
			total[i] = i * i
		})
	}
	wg2.Wait()
	fmt.Println(total)
}
