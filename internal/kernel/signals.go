package kernel

import (
	"context"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

// HandleSignals makes SIGINT interrupt the running cell (never kill the
// kernel: clients send it before a shutdown even when idle), SIGTERM shut
// the kernel down, and SIGUSR1 write every goroutine's stack to the
// kernel's log (to diagnose a hang; fd 2 may belong to the cells), until
// ctx ends.
func (k *Kernel) HandleSignals(ctx context.Context) {
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGUSR1)
	go func() {
		defer signal.Stop(ch)
		for {
			select {
			case <-ctx.Done():
				return
			case <-k.done:
				return
			case s := <-ch:
				switch s {
				case os.Interrupt:
					k.log.Printf("SIGINT: interrupting the running cell")
					k.Interrupt()
				case syscall.SIGUSR1:
					buf := make([]byte, 1<<20)
					k.log.Printf("SIGUSR1: goroutines:\n%s", buf[:runtime.Stack(buf, true)])
				default:
					k.log.Printf("%v: shutting down", s)
					k.Shutdown()
				}
			}
		}
	}()
}
