package main

import "fmt"

var order []string

func init() { order = append(order, "first init") }

func init() { order = append(order, "second init") }

func main() {
	order = append(order, "main")
	fmt.Println(order)
}
