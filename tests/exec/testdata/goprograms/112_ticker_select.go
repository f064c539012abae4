package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(5 * time.Millisecond)
	defer ticker.Stop()
	done := make(chan bool)
	ticks := 0
loop:
	for {
		select {
		case <-done:
			break loop
		case <-ticker.C:
			ticks++
			if ticks == 3 { // done only then: the count does not depend on the machine's load
				go func() { done <- true }()
			}
		}
	}
	fmt.Println("ticked", ticks >= 3)
	ch := make(chan int, 1)
	for i := 0; i < 3; i++ {
		select {
		case ch <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full", i)
		}
	}
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("empty")
	}
	timer := time.NewTimer(time.Hour)
	fmt.Println("stopped", timer.Stop())
	select {
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
}
