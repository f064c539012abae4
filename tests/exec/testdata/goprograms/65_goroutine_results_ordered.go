package main

import (
	"fmt"
	"strings"
	"sync"
)

type result struct {
	idx int
	out string
	err error
}

func process(s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("empty input")
	}
	return strings.ToUpper(s) + "!", nil
}

func main() {
	inputs := []string{"alpha", "", "gamma", "delta", "eps"}
	results := make([]result, len(inputs))
	var wg sync.WaitGroup
	for i, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := process(in)
			results[i] = result{i, out, err}
		}()
	}
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			fmt.Printf("%d: error %v\n", r.idx, r.err)
			continue
		}
		fmt.Printf("%d: %s\n", r.idx, r.out)
	}
	ch := make(chan result)
	for i, in := range inputs {
		go func() {
			out, err := process(in)
			ch <- result{i, out, err}
		}()
	}
	got := make(map[int]string)
	errs := 0
	for range inputs {
		r := <-ch
		if r.err != nil {
			errs++
			continue
		}
		got[r.idx] = r.out
	}
	fmt.Println(len(got), errs, got[4])
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
}
