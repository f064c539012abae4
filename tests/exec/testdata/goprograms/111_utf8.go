package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range s {
		fmt.Printf("%d:%c(%d) ", i, r, utf8.RuneLen(r))
	}
	fmt.Println()
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			fmt.Print(string(r), " ")
		}
		i += size
	}
	fmt.Println()
	b := []byte("\xffok")
	r, n := utf8.DecodeRune(b)
	fmt.Println(r == utf8.RuneError, n, utf8.Valid(b), utf8.ValidString("ok"))
	rs := []rune(s)
	rs[1] = 'e'
	fmt.Println(string(rs), string(rs[7:9]), s[1:3])
	buf := utf8.AppendRune(nil, '界')
	fmt.Println(buf, unicode.ToUpper('ß'), string(unicode.ToTitle('a')))
}
