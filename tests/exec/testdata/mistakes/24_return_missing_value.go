package main

import "errors"

func check(n int) (int, error) {
	if n < 0 {
		return errors.New("negative")
	}
	return n, nil
}

func main() { check(1) }
