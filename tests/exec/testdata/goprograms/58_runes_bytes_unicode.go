package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func isPalindrome(s string) bool {
	var clean []rune
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			clean = append(clean, r)
		}
	}
	for i := 0; i < len(clean)/2; i++ {
		if clean[i] != clean[len(clean)-1-i] {
			return false
		}
	}
	return true
}

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s), reverse(s))
	for i, r := range "aé世" {
		fmt.Printf("%d:%c(%d,%d) ", i, r, r, utf8.RuneLen(r))
	}
	fmt.Println()
	fmt.Println(isPalindrome("A man, a plan, a canal: Panama"), isPalindrome("gopher"))
	b := []byte("hello")
	b[0] = 'J'
	fmt.Println(string(b), b[1], string(b[1:3]))
	var buf bytes.Buffer
	buf.WriteString("abc")
	buf.WriteByte('-')
	buf.Write([]byte{'x', 'y'})
	fmt.Fprintf(&buf, "%03d", 7)
	fmt.Println(buf.String(), buf.Len())
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Contains(b, []byte("ll")), bytes.ToUpper(b))
	r, size := utf8.DecodeRuneInString("世界")
	fmt.Println(string(r), size, utf8.ValidString("ok"))
	counts := map[string]int{}
	for _, r := range "Hello World 123!" {
		switch {
		case unicode.IsUpper(r):
			counts["upper"]++
		case unicode.IsLower(r):
			counts["lower"]++
		case unicode.IsDigit(r):
			counts["digit"]++
		case unicode.IsSpace(r):
			counts["space"]++
		default:
			counts["other"]++
		}
	}
	fmt.Println(counts)
	fmt.Println(strings.ToUpper(s), string(rune(65)), fmt.Sprint('A'))
}
