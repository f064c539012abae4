package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

func mayPanic() { panic("a problem") }

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	defer fmt.Println("deferred last")
	func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("Recovered. Error:\n", r)
			}
		}()
		mayPanic()
	}()
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	dir, _ := os.MkdirTemp("", "heldout")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(path, []byte("hello\ngo\n"), 0o644); err != nil {
		panic(err)
	}
	b, _ := os.ReadFile(path)
	fmt.Print(string(b))
	_, err := os.Open(filepath.Join(dir, "missing"))
	fmt.Println(errors.Is(err, os.ErrNotExist))
	for i := 0; i < 3; i++ {
		defer fmt.Println("defer", i)
	}
}
