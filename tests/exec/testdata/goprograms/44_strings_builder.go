package main

import (
	"fmt"
	"strings"
	"unicode"
)

func caesar(s string, shift int) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune('a' + (r-'a'+rune(shift))%26)
		case r >= 'A' && r <= 'Z':
			b.WriteRune('A' + (r-'A'+rune(shift))%26)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func wordFreq(text string) map[string]int {
	freq := map[string]int{}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	for _, w := range words {
		freq[w]++
	}
	return freq
}

func table(rows [][]string) string {
	var sb strings.Builder
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], len(c))
		}
	}
	for _, row := range rows {
		for i, c := range row {
			fmt.Fprintf(&sb, "%-*s|", widths[i], c)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func main() {
	enc := caesar("Hello, World!", 3)
	fmt.Println(enc, caesar(enc, 23))
	f := wordFreq("The cat and the hat. The END, and the end!")
	fmt.Println(f["the"], f["and"], f["end"], len(f))
	fmt.Print(table([][]string{{"name", "qty"}, {"apple", "3"}, {"kiwi", "12"}}))
	fmt.Println(strings.Repeat("=-", 5))
	fmt.Println(strings.Title("x"), strings.ToTitle("go"), strings.EqualFold("Go", "GO"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>hi</b>"))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, "a1b2c3"))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Println(strings.Count("cheese", "e"), strings.LastIndex("go gopher", "go"), strings.TrimLeft("xxhixx", "x"), strings.TrimSuffix("file.go", ".go"))
}
