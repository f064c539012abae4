package main

// A value of a cell struct type embedding a struct, handed to
// encoding/json inside an `any`, has its fields promoted as in Go.

import (
	"encoding/json"
	"fmt"
	"os"
)

type Meta struct {
	Tags []string `json:"tags"`
}

type Item struct {
	ID int `json:"id"`
	Meta
}

func main() {
	var v any = Item{ID: 1, Meta: Meta{[]string{"a"}}}
	b, err := json.Marshal(v)
	fmt.Println(string(b), err)
	var p any = &Item{}
	err = json.Unmarshal([]byte(`{"id":2,"tags":["b"]}`), p)
	fmt.Println(err, p.(*Item).ID, p.(*Item).Tags)
	json.NewEncoder(os.Stdout).Encode(v)
	var w any = map[string]int{"x": 1}
	b, _ = json.Marshal(w)
	fmt.Println(string(b))
}
