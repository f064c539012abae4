package main

import (
	"errors"
	"fmt"
)

type ValidationError struct {
	Field string
}

func (e *ValidationError) Error() string { return "invalid " + e.Field }

func deferOrder() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("body done")
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func mustValidate(name string) {
	if name == "" {
		panic(&ValidationError{"name"})
	}
}

func check(name string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if ve, ok := r.(*ValidationError); ok {
				err = ve
				return
			}
			panic(r)
		}
	}()
	mustValidate(name)
	return nil
}

func counter() (n int) {
	defer func() { n *= 2 }()
	n = 5
	return n + 1
}

func main() {
	deferOrder()
	fmt.Println(safeDiv(10, 2))
	_, err := safeDiv(1, 0)
	fmt.Println(err)
	fmt.Println(check("bob"))
	err = check("")
	fmt.Println(err)
	var ve *ValidationError
	fmt.Println(errors.As(err, &ve), ve != nil && ve.Field == "name")
	fmt.Println(counter())
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r)
		}()
		var m map[string]int
		m["x"] = 1
	}()
	func() {
		defer func() {
			if s, ok := recover().(string); ok {
				fmt.Println("string panic:", s)
			}
		}()
		panic("boom")
	}()
}
