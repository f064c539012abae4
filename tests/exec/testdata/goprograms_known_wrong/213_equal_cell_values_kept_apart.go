package main

import "fmt"

// Equal values of a cell type with methods are kept apart: as keys of a
// `map[any]…` literal, and compared through an interface declared in a
// cell while two cell types with methods share a shape (Dog and Cat):
// yaegi compares its wrappers, not the values, and the kernel cannot
// tell Dog from Cat there. Go compares the values.

type Dog struct{ Name string }

func (d Dog) Speak() string { return "woof" }

type Cat struct{ Name string }

func (c Cat) Speak() string { return "meow" }

type Speaker interface{ Speak() string }

func main() {
	d := Dog{"x"}
	m := map[any]int{d: 1, Dog{"x"}: 2}
	fmt.Println(len(m))
	var s1, s2 Speaker = d, Dog{"x"}
	fmt.Println(s1 == s2)
}
