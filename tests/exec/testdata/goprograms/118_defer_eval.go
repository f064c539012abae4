package main

import "fmt"

func trace(s string) string { fmt.Println("enter", s); return s }
func un(s string)           { fmt.Println("leave", s) }

func a() {
	defer un(trace("a"))
	fmt.Println("in a")
}

func counter() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 1
	defer fmt.Println("x at defer", x)
	x = 2
	a()
	fmt.Println(counter())
	func() {
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		var m map[string]int
		m["a"] = 1
	}()
}
