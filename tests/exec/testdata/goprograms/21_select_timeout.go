package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan string)
	go func() {
		time.Sleep(10 * time.Millisecond)
		c <- "result"
	}()
	select {
	case r := <-c:
		fmt.Println("got", r)
	case <-time.After(5 * time.Second):
		fmt.Println("timeout")
	}
	d := make(chan int, 1)
	select {
	case v := <-d:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("nothing ready")
	}
}
