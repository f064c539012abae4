package main

import "fmt"

type User struct {
	Name string
	Age  int
}

func main() {
	u := User{Name: "ada", Email: "ada@example.com"}
	fmt.Println(u)
}
