package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Go by Example's signals, with the program sending itself the signal
// instead of waiting for a Ctrl-C.
func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGUSR1, syscall.SIGUSR2)
	done := make(chan bool, 1)
	go func() {
		sig := <-sigs
		fmt.Println()
		fmt.Println(sig)
		done <- true
	}()
	fmt.Println("awaiting signal")
	if err := syscall.Kill(os.Getpid(), syscall.SIGUSR1); err != nil {
		fmt.Println(err)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		fmt.Println("no signal")
	}
	signal.Stop(sigs)
	fmt.Println("exiting", syscall.Getpid() == os.Getpid())
}
