package main

import (
	"errors"
	"fmt"
	"sync"
)

// recover where Go allows it: a helper deferred with a pointer to the
// named error, a method deferred on a guard, a literal in a loop that
// uses nothing of the loop; re-panics; defers in goroutines; a mutex
// unlocked by a deferred call in each iteration of a loop.

var ErrBadInput = errors.New("bad input")

func capture(err *error, op string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %v: %w", op, r, ErrBadInput)
	}
}

func parse(s string) (n int, err error) {
	op := "parse " + s
	defer capture(&err, op)
	op = "changed"
	if s == "" {
		panic("empty")
	}
	return len(s), nil
}

type Guard struct{ name string }

func (g *Guard) Recover(out *[]string) {
	if r := recover(); r != nil {
		*out = append(*out, fmt.Sprint(g.name, ": ", r))
	}
}

func guarded(out *[]string, i int) {
	g := &Guard{fmt.Sprint("job", i)}
	defer g.Recover(out)
	if i%2 == 1 {
		panic(fmt.Sprint("odd ", i))
	}
}

func retries() (tries int) {
	for i := 0; i < 3; i++ {
		defer func() {
			if r := recover(); r != nil {
				tries = -1
			}
		}()
		tries++
	}
	panic("gave up")
}

func rethrow() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("outer: %v", r)
		}
	}()
	func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("wrapped(", r, ")"))
		}()
		panic("inner")
	}()
	return nil
}

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Add(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func main() {
	for _, s := range []string{"go", ""} {
		n, err := parse(s)
		fmt.Println(n, err, errors.Is(err, ErrBadInput))
	}
	var out []string
	for i := 0; i < 4; i++ {
		guarded(&out, i)
	}
	fmt.Println(out)
	fmt.Println(retries())
	fmt.Println(rethrow())
	c := &Counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Add([]string{"x", "y"}[i%2])
		}()
	}
	wg.Wait()
	fmt.Println(c.n)
	var mu sync.Mutex
	for i := 0; i < 3; i++ {
		func() {
			mu.Lock()
			defer mu.Unlock()
		}()
	}
	fmt.Println("unlocked")
}
