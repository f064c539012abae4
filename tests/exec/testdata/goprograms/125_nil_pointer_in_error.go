package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ Code int }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil MyErr"
	}
	return fmt.Sprintf("code %d", e.Code)
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{7}
	}
	return p
}

func correct(fail bool) error {
	if fail {
		return &MyErr{8}
	}
	return nil
}

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) Sum() int {
	if t == nil {
		return 0
	}
	return t.Val + t.Left.Sum() + t.Right.Sum()
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, err)
	fmt.Println(correct(false) == nil)
	var me *MyErr
	if errors.As(correct(true), &me) {
		fmt.Println("as", me.Code)
	}
	t := &Tree{&Tree{nil, nil, 1}, &Tree{&Tree{nil, nil, 3}, nil, 4}, 5}
	fmt.Println(t.Sum())
	var nt *Tree
	fmt.Println(nt.Sum())
}
