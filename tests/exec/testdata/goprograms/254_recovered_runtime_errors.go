package main

// A runtime error the interpreter raises through reflect (an index out
// of range) is recovered as Go's runtime.Error: it was the string
// "reflect: slice index out of range", an interpreter-internal message
// no `r.(error)` matched.

import (
	"fmt"
	"runtime"
	"strings"
)

func at(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				err = fmt.Errorf("not an error: %v", r)
				return
			}
			_, isRuntime := r.(runtime.Error)
			msg := e.Error()
			if i := strings.Index(msg, " ["); i >= 0 {
				msg = msg[:i] // go run adds the index and length
			}
			err = fmt.Errorf("%s (runtime.Error: %v)", msg, isRuntime)
		}
	}()
	return xs[i], nil
}

func main() {
	var none []int
	fmt.Println(at([]int{1, 2, 3}, 1))
	fmt.Println(at(none, 5))
	fmt.Println(at([]int{1}, 1))
	func() {
		defer func() { fmt.Println("caught:", recover() != nil) }()
		var arr [3]int
		i := 3
		_ = arr[i%4]
	}()
}
