package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Interfaces declared in the program and in packages: type switches with
// cases of package interfaces (one type per case) and of the program's
// types, assertions, embedding an interface, and %T through interfaces.

type Animal interface{ Sound() string }

type Dog struct{ Name string }

func (d Dog) Sound() string { return d.Name + " says woof" }

type Cat struct{ Name string }

func (c *Cat) Sound() string { return c.Name + " says meow" }

type Loud struct{ Animal }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case Dog:
		return "dog: " + x.Sound()
	case *Cat:
		return "cat: " + x.Sound()
	case error:
		return "error: " + x.Error()
	case io.Reader:
		b, _ := io.ReadAll(x)
		return "reader: " + string(b)
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	default:
		return fmt.Sprintf("something else: %v", x)
	}
}

type Version struct{ Major, Minor int }

type Tag string

func (t Tag) String() string { return "#" + string(t) }

func (v Version) String() string { return fmt.Sprintf("v%d.%d", v.Major, v.Minor) }

func main() {
	d := Dog{"rex"}
	c := &Cat{"tom"}
	v := Version{1, 2}
	for _, x := range []any{nil, d, c, errors.New("boom"), strings.NewReader("data"), 7, int64(8), 2.5} {
		fmt.Println(classify(x))
	}
	animals := []Animal{d, c, Loud{d}}
	for _, a := range animals {
		fmt.Printf("%T: %s\n", a, a.Sound())
		if dog, ok := a.(Dog); ok {
			fmt.Println("  a dog named", dog.Name)
		}
	}
	var st fmt.Stringer = v
	fmt.Printf("%v %s %T\n", st, st, v)
	fmt.Println(Tag("t"), st.String())
}
