package main

import (
	"encoding/json"
	"fmt"
)

// encoding/json promotes the fields of an embedded struct. A struct type
// declared in a cell reaches reflect without the embedding (yaegi
// v0.16.1), so its fields were nested under the embedded type's name;
// the kernel shows the codec the embedding (codecembed.go).

type Meta struct {
	Tags []string `json:"tags"`
}

type Item struct {
	ID int `json:"id"`
	Meta
}

func main() {
	b, err := json.Marshal(Item{ID: 1, Meta: Meta{Tags: []string{"a"}}})
	fmt.Println(string(b), err)
	var back Item
	err = json.Unmarshal([]byte(`{"id":2,"tags":["x","y"]}`), &back)
	fmt.Println(back.ID, back.Tags, err)
}
