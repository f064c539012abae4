package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func wordCount(text string) map[string]int {
	counts := map[string]int{}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		counts[strings.Trim(w, ".,!")]++
	}
	return counts
}

func main() {
	counts := wordCount("The cat and the hat. The cat sat!")
	keys := slices.Sorted(maps.Keys(counts))
	for _, k := range keys {
		fmt.Println(k, counts[k])
	}
	backup := maps.Clone(counts)
	maps.DeleteFunc(counts, func(k string, v int) bool { return v < 2 })
	fmt.Println(len(backup), len(counts), maps.Equal(backup, counts))
	fmt.Println(slices.Sorted(maps.Values(counts)))
	extra := map[string]int{"dog": 4}
	maps.Copy(extra, counts)
	fmt.Println(extra)
	total := 0
	for _, v := range backup {
		total += v
	}
	fmt.Println("total", total)
	inv := maps.Collect(maps.All(map[int]string{1: "one", 2: "two"}))
	fmt.Println(inv)
}
