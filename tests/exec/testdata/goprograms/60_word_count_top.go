package main

import (
	"bufio"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity.`

type wc struct {
	word  string
	count int
}

func main() {
	counts := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimFunc(sc.Text(), func(r rune) bool { return !unicode.IsLetter(r) }))
		if w != "" {
			counts[w]++
		}
	}
	var list []wc
	for w, c := range counts {
		list = append(list, wc{w, c})
	}
	slices.SortFunc(list, func(a, b wc) int {
		return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.word, b.word))
	})
	for _, e := range list[:6] {
		fmt.Printf("%-8s %s %d\n", e.word, strings.Repeat("*", e.count), e.count)
	}
	fmt.Println("distinct:", len(counts))
	longest := slices.MaxFunc(list, func(a, b wc) int {
		return cmp.Or(cmp.Compare(len(a.word), len(b.word)), cmp.Compare(b.word, a.word))
	})
	fmt.Println("longest:", longest.word)
}
