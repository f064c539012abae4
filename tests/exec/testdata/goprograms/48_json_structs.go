package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Person struct {
	Name    string            `json:"name"`
	Age     int               `json:"age"`
	Email   string            `json:"email,omitempty"`
	Tags    []string          `json:"tags"`
	Address *Address          `json:"address,omitempty"`
	Extra   map[string]string `json:"extra,omitempty"`
	secret  string
}

func main() {
	p := Person{Name: "Ada", Age: 36, Tags: []string{"math", "code"}, Address: &Address{Street: "1 Loop"}, secret: "x"}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(map[string]any{"ok": true, "n": 3, "list": []int{1, 2}}, "", "  ")
	fmt.Println(string(b))

	var q Person
	err = json.Unmarshal([]byte(`{"name":"Bo","age":7,"tags":null,"extra":{"k":"v"},"unknown":1}`), &q)
	fmt.Println(q.Name, q.Age, q.Tags == nil, q.Extra["k"], q.Address == nil, err)

	var anyv map[string]any
	json.Unmarshal([]byte(`{"a":1.5,"b":[true,"s"],"c":{"d":null}}`), &anyv)
	fmt.Println(anyv["a"], anyv["b"], anyv["c"])

	dec := json.NewDecoder(strings.NewReader(`{"name":"x","age":1} {"name":"y","age":2}`))
	for {
		var p Person
		if err := dec.Decode(&p); err != nil {
			break
		}
		fmt.Println(p.Name, p.Age)
	}
	err = json.Unmarshal([]byte(`{"age":"old"}`), &q)
	var typeErr *json.UnmarshalTypeError
	fmt.Println(errors.As(err, &typeErr), typeErr.Field, typeErr.Value)
	people := []Person{{Name: "A"}, {Name: "B", Age: 2}}
	b, _ = json.Marshal(people)
	fmt.Println(string(b))
}
