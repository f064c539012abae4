package kernel

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// HandleSignals makes SIGINT interrupt the running cell (never kill the
// kernel: clients send it before a shutdown even when idle) and SIGTERM
// shut the kernel down, until ctx ends.
func (k *Kernel) HandleSignals(ctx context.Context) {
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer signal.Stop(ch)
		for {
			select {
			case <-ctx.Done():
				return
			case <-k.done:
				return
			case s := <-ch:
				if s == os.Interrupt {
					k.log.Printf("SIGINT: interrupting the running cell")
					k.Interrupt()
				} else {
					k.log.Printf("%v: shutting down", s)
					k.Shutdown()
				}
			}
		}
	}()
}
