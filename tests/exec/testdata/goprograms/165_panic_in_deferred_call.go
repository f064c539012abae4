package main

import "fmt"

// A deferred call that panics replaces the panic in flight, and the
// function's remaining deferred calls still run (one of them may
// recover the new panic). yaegi skipped the remaining deferred calls
// of that function; the kernel runs them (deferstack.go).

func cleanup() (out string) {
	defer func() { out = fmt.Sprint("recovered ", recover()) }()
	defer fmt.Println("closing files")
	defer func() { panic("cleanup failed") }()
	panic("first failure")
}

func main() {
	fmt.Println(cleanup())
}
