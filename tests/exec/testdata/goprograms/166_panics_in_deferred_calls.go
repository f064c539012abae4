package main

// Deferred calls that panic: the function's remaining deferred calls
// still run (a mutex is unlocked, files closed), the newest panic
// replaces the one in flight, and a later deferred call recovers it —
// by a literal, a named function or a method — with its type kept.

import (
	"errors"
	"fmt"
	"sync"
)

type resource struct{ name string }

func (r *resource) Close() { fmt.Println("close", r.name) }

type guard struct{ tag string }

func (g guard) catch() {
	if r := recover(); r != nil {
		fmt.Println(g.tag, "caught", r)
	}
}

func report(where string) {
	if r := recover(); r != nil {
		fmt.Println(where, "recovered:", r)
	}
}

// Deferred in a loop, the last one panics; the others still close.
func closeAll(names []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("closeAll: %v", r)
		}
	}()
	for i, n := range names {
		r := &resource{n}
		defer r.Close()
		if i == len(names)-1 {
			defer func() { panic("closing " + n + " failed") }()
		}
	}
	return nil
}

var mu sync.Mutex

// The mutex is unlocked although a later deferred call panics.
func locked() {
	mu.Lock()
	defer mu.Unlock()
	defer func() { panic(errors.New("while locked")) }()
	fmt.Println("locked work")
}

// A method that recovers, deferred after one that panics.
func withMethod() {
	g := guard{"method"}
	defer g.catch()
	defer func() { panic(fmt.Sprintf("code %d", 7)) }()
	fmt.Println("withMethod body")
}

// A named handler recovers the newest of two panics.
func twoPanics() {
	defer report("twoPanics")
	defer fmt.Println("still runs")
	defer func() {
		var m map[string]int
		m["x"] = 1 // a runtime error in a deferred call
	}()
	panic("original")
}

// A recovered panic followed by a deferred call that panics again: the
// earlier recover does not see the later panic.
func recoverThenPanic() (out []string) {
	defer func() { out = append(out, fmt.Sprint("outer: ", recover())) }()
	defer func() { panic("again") }()
	defer func() { out = append(out, fmt.Sprint("inner: ", recover())) }()
	panic("first")
}

// No panic at all: every deferred call runs in order, results as set.
func ordered() (n int) {
	for i := 1; i <= 3; i++ {
		defer func() { n = n*10 + i }()
	}
	defer func() { n += 100 }()
	return 0
}

// A deferred call that recovers, then none is in flight: recover is nil.
func nothingInFlight() {
	defer func() { fmt.Println("later recover:", recover()) }()
	defer func() { fmt.Println("first recover:", recover()) }()
	panic("once")
}

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

// The recovered value keeps its type.
func typed() (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(codeErr); ok {
				err = e
				return
			}
			err = fmt.Errorf("other: %v", r)
		}
	}()
	defer fmt.Println("typed: cleanup")
	defer func() { panic(codeErr{42}) }()
	panic("replaced")
}

func main() {
	fmt.Println(closeAll([]string{"a", "b", "c"}))
	func() {
		defer report("main")
		locked()
	}()
	mu.Lock()
	fmt.Println("mutex was unlocked")
	mu.Unlock()
	withMethod()
	twoPanics()
	fmt.Println(recoverThenPanic())
	fmt.Println(ordered())
	nothingInFlight()
	err := typed()
	var ce codeErr
	fmt.Println(err, errors.As(err, &ce), ce.code)
}
