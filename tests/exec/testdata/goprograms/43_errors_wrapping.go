package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type lookupError struct {
	key string
}

func (e lookupError) Error() string { return "lookup " + e.key }

func find(db map[string]int, k string) (int, error) {
	v, ok := db[k]
	if !ok {
		return 0, fmt.Errorf("find %q: %w", k, ErrNotFound)
	}
	return v, nil
}

func parseAll(xs []string) ([]int, error) {
	var out []int
	var errs []error
	for _, x := range xs {
		n, err := strconv.Atoi(x)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, n)
	}
	return out, errors.Join(errs...)
}

func main() {
	db := map[string]int{"a": 1}
	if _, err := find(db, "zz"); err != nil {
		fmt.Println(err)
		fmt.Println(errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	}
	nums, err := parseAll([]string{"1", "x", "3", "4y"})
	fmt.Println(nums)
	fmt.Println(err)
	var numErr *strconv.NumError
	if errors.As(err, &numErr) {
		fmt.Println("first bad:", numErr.Num, numErr.Err == strconv.ErrSyntax)
	}
	_, err = os.Open("/definitely/not/here.txt")
	fmt.Println(errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist))
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		fmt.Println("op:", pathErr.Op, "path:", pathErr.Path)
	}
	wrapped := fmt.Errorf("read config: %w", io.ErrUnexpectedEOF)
	fmt.Println(wrapped, errors.Is(wrapped, io.ErrUnexpectedEOF))
	le := lookupError{"k1"}
	var e error = le
	fmt.Println(e.Error(), le == lookupError{"k1"})
	if pe, ok := errors.AsType[*strconv.NumError](fmt.Errorf("ctx: %w", &strconv.NumError{Func: "Atoi", Num: "q", Err: strconv.ErrSyntax})); ok {
		fmt.Println("AsType:", pe.Num)
	}
}
