package main

// reflect.TypeOf of a cell struct type reports its embedded fields as
// Anonymous, as Go does.

import (
	"fmt"
	"reflect"
)

type Meta struct{ Tags []string }

type Item struct {
	ID int `json:"id"`
	Meta
	*Other `json:"o"`
}

type Other struct{ Z int }

func main() {
	t := reflect.TypeOf(Item{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("%s %q %v\n", f.Name, f.Tag, f.Anonymous)
	}
	fmt.Printf("%+v\n", Item{ID: 1})
	fmt.Printf("%v\n", reflect.ValueOf(Item{}).Field(1).Kind())
}
