package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func(i int) { fmt.Print("a", i, " ") }(i)
	}
	for i := 0; i < 3; i++ {
		j := i
		defer func() { fmt.Print("b", j, " ") }()
	}
}
