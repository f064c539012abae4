package main

import "fmt"

func main() {
	s := "n="
	n := 4
	fmt.Println(s + n)
}
