package main

import "fmt"

func main() {
	var n int = "s"
	fmt.Println(n)
}
