// Package atomic adds to the standard library's sync/atomic, for cells,
// its generic type Pointer. See package gostd.
package atomic

import "sync"

// A Pointer is a pointer of type *T read and written atomically; the zero
// value is a nil *T. A Pointer must not be copied after first use.
//
// Its fields name no other package's type: the interpreter resolves the
// fields of a generic type in the package instantiating it, where this
// package's imports are unknown. Every Pointer shares the one lock.
type Pointer[T any] struct {
	p *T
}

// mu guards every Pointer's p.
var mu sync.Mutex

// Load atomically loads and returns the value stored in x.
func (x *Pointer[T]) Load() *T {
	mu.Lock()
	defer mu.Unlock()
	return x.p
}

// Store atomically stores val into x.
func (x *Pointer[T]) Store(val *T) {
	mu.Lock()
	defer mu.Unlock()
	x.p = val
}

// Swap atomically stores new into x and returns the previous value.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	mu.Lock()
	defer mu.Unlock()
	old, x.p = x.p, new
	return old
}

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	mu.Lock()
	defer mu.Unlock()
	if x.p != old {
		return false
	}
	x.p = new
	return true
}
