package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"

	"github.com/gotrain/gotrain/kernel"
	"github.com/gotrain/gotrain/kernel/exec"
	"github.com/gotrain/gotrain/trainlib"
)

func init() {
	register(command{name: "kernel", summary: "run the Jupyter kernel (started by Jupyter with a connection file)", run: runKernel})
}

// runKernel serves one notebook session until the client shuts it down.
func runKernel(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("kernel", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: gotrain kernel CONNECTION_FILE\n\nJupyter starts this through the kernelspec that 'gotrain install' writes.\n")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	info, err := kernel.ReadConnectionFile(fs.Arg(0))
	if err != nil {
		return err
	}
	// Taken before the session captures fd 2, so diagnostics never land in a cell.
	logger := log.New(kernel.PrivateStderr(), "gotrain kernel: ", log.LstdFlags|log.Lmicroseconds)
	// The interpreter loads in the background: the kernel answers
	// kernel_info (and so is "ready" for the client) meanwhile.
	sess := kernel.LazySession(func() (kernel.Session, error) {
		s, err := exec.New(exec.Options{Log: logger.Printf})
		if err != nil {
			logger.Printf("start the Go session: %v", err)
			return nil, err
		}
		return s, nil
	})
	k, err := kernel.New(kernel.Config{Conn: info, Session: sess, Log: logger, Version: trainlib.Version, Debug: os.Getenv("GOTRAIN_KERNEL_DEBUG") != ""})
	if err != nil {
		sess.Close()
		return err
	}
	// main cancels ctx on SIGINT, but for a kernel SIGINT means "interrupt
	// the cell": the kernel handles its signals itself.
	kctx := context.WithoutCancel(ctx)
	k.HandleSignals(kctx)
	if path := os.Getenv("GOTRAIN_KERNEL_CPUPROFILE"); path != "" {
		stop, err := startCPUProfile(path)
		if err != nil {
			return err
		}
		defer stop()
	}
	return k.Run(kctx)
}

// startCPUProfile profiles the kernel until the returned func is called
// (at shutdown); for measuring, e.g. bench/kernel, before optimising.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("GOTRAIN_KERNEL_CPUPROFILE: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("GOTRAIN_KERNEL_CPUPROFILE: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
