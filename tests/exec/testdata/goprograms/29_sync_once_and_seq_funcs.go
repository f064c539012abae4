package main

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

func main() {
	calls := 0
	config := sync.OnceValue(func() map[string]string {
		calls++
		return map[string]string{"mode": "fast"}
	})
	fmt.Println(config()["mode"], config()["mode"], calls)

	parse := sync.OnceValues(func() (int, error) {
		calls++
		return 7, nil
	})
	n, err := parse()
	n2, _ := parse()
	fmt.Println(n, n2, err, calls)

	var wg sync.WaitGroup
	results := make([]int, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = len(config()) * i
		}()
	}
	wg.Wait()
	fmt.Println(results, calls)

	fmt.Println(slices.Collect(strings.SplitSeq("a,b,,c", ",")))
	fmt.Println(slices.Collect(strings.FieldsSeq("  lots   of space ")))
	fmt.Printf("%q\n", slices.Collect(strings.Lines("one\ntwo\nthree")))
}
