package main

import (
	"errors"
	"fmt"
	"sync"
)

func catch(err *error, tag string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %v", tag, r)
	}
}

func work(n int) (err error) {
	defer catch(&err, "work")
	if n > 1 {
		panic("too big")
	}
	return nil
}

type T struct{ n int }

func (t *T) show(label string, k int) { fmt.Println(label, t.n, k) }

func main() {
	fmt.Println(work(1), work(2))
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	t := &T{1}
	k := 5
	defer t.show("method", k)
	k = 6
	t.n = 7
	for i := 0; i < 3; i++ {
		defer fmt.Print("loop", i, -1, " ")
	}
	xs := []int{1, 2}
	defer fmt.Println(xs, len(xs), errors.New("e"))
	xs = append(xs, 3)
	defer func(a, b float64) { fmt.Println(a, b) }(1<<3, -0.5)
}
