package main

import "fmt"

func main() {
	f := func() {
		tmp := 5
	}
	f()
	fmt.Println("done")
}
