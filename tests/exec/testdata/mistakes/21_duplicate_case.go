package main

import "fmt"

func main() {
	switch n := 2; n {
	case 1:
		fmt.Println("one")
	case 1:
		fmt.Println("uno")
	}
}
