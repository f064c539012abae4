package main

// A select case receiving into variables declared before it (`case b =
// <-freeList:`, Effective Go's leaky buffer) runs: yaegi panicked with
// "reflect.Select: invalid Dir".

import "fmt"

type Buffer struct{ data []byte }

var freeList = make(chan *Buffer, 3)

func getBuf() *Buffer {
	var b *Buffer
	select {
	case b = <-freeList:
	default:
		b = new(Buffer)
	}
	return b
}

func putBuf(b *Buffer) {
	select {
	case freeList <- b:
	default:
	}
}

func main() {
	b1 := getBuf()
	b1.data = append(b1.data, "x"...)
	putBuf(b1)
	b2 := getBuf()
	fmt.Println(b1 == b2, string(b2.data))

	c := make(chan int, 2)
	c <- 4
	close(c)
	var n int
	var ok bool
	for i := 0; i < 2; i++ {
		select {
		case n, ok = <-c:
			fmt.Println("received", n, ok)
		}
	}
	var s [2]int
	c2 := make(chan int, 1)
	c2 <- 9
	select {
	case s[1] = <-c2:
	}
	fmt.Println(s)
}
