package main

// A range over a string with a value variable decodes as Go does: an
// invalid byte is one U+FFFD and the index moves on by one (the Go
// blog's "Strings, bytes, runes and characters" sample), a range with =
// leaves its variables at the last rune, and labels, continue, break,
// named string types and shadowing in the body work as before.

import "fmt"

func main() {
	const nihongo = "日本語"
	for index, runeValue := range nihongo {
		fmt.Printf("%#U starts at byte position %d\n", runeValue, index)
	}
	const sample = "\xbd\xb2\x3d\xbc\x20\xe2\x8c\x98"
	for i, r := range sample {
		fmt.Printf("%d:%q ", i, r)
	}
	fmt.Println()
	n := 0
	for i := range sample {
		n += i
	}
	fmt.Println(n)
	c := 0
	for range "a\xffb" {
		c++
	}
	fmt.Println(c)
	var r rune
	var i int
	for i, r = range "x\x80y" {
		fmt.Print(i, r, " ")
	}
	fmt.Println(i, r)
	type S string
	for i, r := range S("\xe2\x82") {
		fmt.Print(i, r, " ")
	}
	fmt.Println()
outer:
	for i, r := range "ab\xffcd" {
		if r == 'c' {
			continue outer
		}
		if i > 3 {
			break outer
		}
		i := i * 10
		fmt.Print(i, " ")
	}
	fmt.Println()
}
