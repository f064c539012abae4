package main

import (
	"fmt"
	"strings"
)

// Named results start at their zero values on every call, whatever the
// call's result is assigned to: sums and lists built in named results,
// called in loops and reassigned.

type Stats struct {
	Count int
	Sum   float64
}

func summarize(xs []float64) (st Stats, labels []string) {
	for _, x := range xs {
		st.Count++
		st.Sum += x
		labels = append(labels, fmt.Sprintf("%.1f", x))
	}
	return
}

func wordCount(s string) (counts map[string]int, total int) {
	counts = map[string]int{}
	for _, w := range strings.Fields(s) {
		counts[w]++
		total++
	}
	return
}

func main() {
	rows := [][]float64{{1, 2, 3}, {10}, {}}
	for _, r := range rows {
		st, labels := summarize(r)
		fmt.Println(st, labels)
	}
	var st Stats
	st, _ = summarize([]float64{4})
	st, _ = summarize([]float64{5})
	fmt.Printf("%+v\n", st)
	for _, s := range []string{"a b a", "c"} {
		counts, total := wordCount(s)
		fmt.Println(counts, total)
	}
}
