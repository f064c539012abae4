package main

import "fmt"

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	for i := 3; i > 0; i-- {
		defer fmt.Println("deferred", i)
	}
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
}
