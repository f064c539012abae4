package main

import "fmt"

func main() {
	a := 3
	b := 1.5
	fmt.Println(a * b)
}
