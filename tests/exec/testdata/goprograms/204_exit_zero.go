package main

import (
	"fmt"
	"os"
)

// os.Exit(0) ends the program at once, successfully: deferred calls do
// not run, and nothing after the call does.
func finish(code int) {
	defer fmt.Println("deferred in finish")
	fmt.Println("finishing with", code)
	os.Exit(code)
}

func main() {
	defer fmt.Println("deferred in main")
	fmt.Println("working")
	finish(0)
	fmt.Println("unreachable")
}
