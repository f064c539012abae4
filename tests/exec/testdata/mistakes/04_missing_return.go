package main

import "fmt"

func sign(a int) int {
	if a > 0 {
		return 1
	} else if a < 0 {
		return -1
	}
}

func main() { fmt.Println(sign(3)) }
