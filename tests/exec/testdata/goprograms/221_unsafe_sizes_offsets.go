package main

import (
	"fmt"
	"unsafe"
)

// Struct layout as Rosetta Code's "Variable size/Get" and memory-layout
// posts show it: unsafe.Sizeof, Alignof and Offsetof are constants.
type Header struct {
	Flag  bool
	Size  int64
	Count int32
	Name  string
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	var h Header
	fmt.Println("Sizeof(Header):", unsafe.Sizeof(h))
	fmt.Println("Alignof(h.Size):", unsafe.Alignof(h.Size))
	fmt.Println("Offsetof(h.Count):", unsafe.Offsetof(h.Count), "Offsetof(h.Name):", unsafe.Offsetof(h.Name))
	var i int
	var f float32
	var s []byte
	var m map[string]int
	var e any
	fmt.Println(unsafe.Sizeof(i), unsafe.Sizeof(f), unsafe.Sizeof(s), unsafe.Sizeof(m), unsafe.Sizeof(e))
	p := Pair[string, int8]{"a", 1}
	fmt.Println(unsafe.Sizeof(p), unsafe.Offsetof(p.Val))
	const size = unsafe.Sizeof(Header{})
	var buf [size]byte
	fmt.Println(len(buf))
	x := 1.5
	bits := *(*uint64)(unsafe.Pointer(&x))
	fmt.Printf("%#x\n", bits)
	ptr := unsafe.Pointer(&h)
	fmt.Println(ptr != nil, unsafe.Sizeof(ptr))
}
