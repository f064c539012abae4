package main

import (
	"fmt"
	"reflect"
)

type User struct {
	Name  string `json:"name" db:"user_name"`
	Age   int    `json:"age,omitempty"`
	email string
}

func main() {
	t := reflect.TypeOf(User{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("%s %s json=%q db=%q exported=%v\n", f.Name, f.Type, f.Tag.Get("json"), f.Tag.Get("db"), f.IsExported())
	}
	v := reflect.ValueOf(User{"ann", 3, "x"})
	fmt.Println(v.Field(0).String(), v.Field(1).Int(), t.Name(), t.Kind())
}
