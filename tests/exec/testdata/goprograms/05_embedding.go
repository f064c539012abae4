package main

import "fmt"

type Animal struct{ Name string }

func (a Animal) Describe() string { return "I am " + a.Name }

func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func main() {
	d := &Dog{Animal{"rex"}, "collie"}
	fmt.Println(d.Describe(), d.Breed)
	d.Rename("max")
	fmt.Println(d.Name, d.Animal.Describe())
}
