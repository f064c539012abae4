package main

// A struct type declared inside a function, its value held in an `any`,
// is printed by %+v with its unexported fields spelled as the
// interpreter has them (Xk, Xv): the kernel's fmt views dispatch over
// the package's types only. Declared at package level, or printed
// without the `any` (`fmt.Printf("%+v", d[0])`), it prints as in Go.

import "fmt"

func main() {
	type kv struct {
		k string
		v []int
	}
	data := []kv{{"a", []int{1}}}
	var iface interface{} = data[0]
	fmt.Printf("%v %+v\n", iface, iface)
}
