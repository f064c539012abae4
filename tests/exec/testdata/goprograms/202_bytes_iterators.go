package main

import (
	"bytes"
	"fmt"
	"slices"
	"unicode"
)

// The iterator functions bytes gained in Go 1.24, in a range loop, with
// an early break, and collected.
func main() {
	data := []byte("id,name\n1,ann\n2,bob")
	for line := range bytes.Lines(data) {
		var cols []string
		for col := range bytes.SplitSeq(bytes.TrimSuffix(line, []byte("\n")), []byte(",")) {
			cols = append(cols, string(col))
		}
		fmt.Printf("%q\n", cols)
	}
	for part := range bytes.SplitAfterSeq([]byte("a;b;c"), []byte(";")) {
		if bytes.Equal(part, []byte("c")) {
			break
		}
		fmt.Printf("%s|", part)
	}
	fmt.Println()
	words := slices.Collect(bytes.FieldsSeq([]byte("  to be   or not ")))
	fmt.Println(len(words), string(bytes.Join(words, []byte("_"))))
	for f := range bytes.FieldsFuncSeq([]byte("x1y22z"), unicode.IsDigit) {
		fmt.Print(string(f), " ")
	}
	fmt.Println()
	first := slices.Collect(bytes.SplitSeq([]byte("ab,cd"), []byte(",")))[0]
	first = append(first, '!')
	fmt.Println(string(first), cap(first) >= 3)
}
