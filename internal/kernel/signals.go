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
//
// SIGINT is ignored while no cell runs and caught only while one does
// (as ipykernel does): whether a signal interrupts is decided by the
// operating system when the signal is sent, not when a goroutine gets
// round to reading it. Caught at any time instead, a SIGINT sent to an
// idle kernel could be read after the next cell had started, and
// interrupt that cell. Each cell has its own channel, so a signal caught
// during one cell never reaches another (see watchSIGINT).
func (k *Kernel) HandleSignals(ctx context.Context) {
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, syscall.SIGTERM, syscall.SIGUSR1)
	k.mu.Lock()
	k.sigint = true
	if k.cellCancel == nil {
		signal.Ignore(os.Interrupt)
	}
	k.mu.Unlock()
	go func() {
		defer func() {
			signal.Stop(ch)
			k.mu.Lock()
			k.sigint = false
			signal.Reset(os.Interrupt)
			k.mu.Unlock()
		}()
		for {
			select {
			case <-ctx.Done():
				return
			case <-k.done:
				return
			case s := <-ch:
				if s == syscall.SIGUSR1 {
					buf := make([]byte, 1<<20)
					k.log.Printf("SIGUSR1: goroutines:\n%s", buf[:runtime.Stack(buf, true)])
					continue
				}
				k.log.Printf("%v: shutting down", s)
				k.Shutdown()
			}
		}
	}()
}

// watchSIGINT catches SIGINT for the cell that starts now, whose
// cancel interrupts it, when HandleSignals is active; the returned stop
// ignores SIGINT again at the cell's end. k.mu is held.
func (k *Kernel) watchSIGINT(cancel context.CancelFunc) (stop func()) {
	if !k.sigint {
		return func() {}
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			k.log.Printf("SIGINT: interrupting the running cell")
			cancel()
		case <-done:
		}
	}()
	return func() {
		if k.sigint {
			signal.Ignore(os.Interrupt) // also takes ch out of the handlers
		}
		close(done)
	}
}
