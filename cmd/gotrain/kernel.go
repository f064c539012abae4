package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"
	"time"

	"github.com/gotrain/gotrain/internal/kernel"
	"github.com/gotrain/gotrain/internal/kernel/exec"
	"github.com/gotrain/gotrain/internal/kernel/executor"
	"github.com/gotrain/gotrain/trainlib"
)

func init() {
	register(command{name: "kernel", summary: "run the Jupyter kernel (started by Jupyter with a connection file)", run: runKernel})
	register(command{name: "kernel-executor", summary: "the process a kernel runs cells in (started by gotrain kernel only)", run: runKernelExecutor})
}

// runKernel serves one notebook session until the client shuts it down.
func runKernel(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("kernel", flag.ContinueOnError)
	memory := fs.String("memory-limit", os.Getenv("GOTRAIN_KERNEL_MEMORY_LIMIT"), "cap on the cells' memory: bytes with a unit (8GiB), a share of the machine (40%), or off; default half the machine's memory (env GOTRAIN_KERNEL_MEMORY_LIMIT)")
	const help = `Usage: gotrain kernel [flags] CONNECTION_FILE

Serves one notebook session: Jupyter starts this through the kernelspec
that 'gotrain install' writes, with the connection file it made.

Examples:
  gotrain kernel /run/user/1000/jupyter/kernel-1234.json
  gotrain kernel --memory-limit 4GiB kernel-1234.json
`
	if err := parseFlags(fs, help, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return badUsage(fs, "give one CONNECTION_FILE")
	}
	info, err := kernel.ReadConnectionFile(fs.Arg(0))
	if err != nil {
		return err
	}
	// Taken before the session captures fd 2, so diagnostics never land in a cell.
	logger := log.New(kernel.PrivateStderr(), "gotrain kernel: ", log.LstdFlags|log.Lmicroseconds)
	limit := executor.DefaultMemoryLimit()
	if *memory != "" {
		if limit, err = executor.ParseMemoryLimit(*memory); err != nil {
			return err
		}
	}
	// Cells run in an executor process, started now so the interpreter
	// loads while the client connects (this process answers kernel_info
	// meanwhile); a fatal error there costs the session's state, not the
	// kernel.
	sess, err := executor.Start(executor.Config{Args: []string{"kernel-executor"}, MemoryLimit: limit, Log: logger.Printf})
	if err != nil {
		return err
	}
	k, err := kernel.New(kernel.Config{Conn: info, Session: sess, Log: logger, Version: trainlib.Version, Debug: os.Getenv("GOTRAIN_KERNEL_DEBUG") != ""})
	if err != nil {
		sess.Close()
		return err
	}
	// main cancels ctx on SIGINT, but for a kernel SIGINT means "interrupt
	// the cell": the kernel handles its signals itself.
	kctx := context.WithoutCancel(ctx)
	k.HandleSignals(kctx)
	go watchParent(kctx, os.Getppid(), time.Second, k.Shutdown, logger)
	if path := os.Getenv("GOTRAIN_KERNEL_CPUPROFILE"); path != "" {
		stop, err := startCPUProfile(path)
		if err != nil {
			return err
		}
		defer stop()
	}
	return k.Run(kctx)
}

// runKernelExecutor is the process a kernel runs its cells in (see
// internal/kernel/executor); only gotrain kernel starts it.
func runKernelExecutor(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("kernel-executor", flag.ContinueOnError)
	const help = `Usage: gotrain kernel-executor

The process a kernel runs its cells in, talking to it over stdin and
stdout; only 'gotrain kernel' starts it.

Examples:
  gotrain kernel kernel-1234.json   # starts one
`
	if err := parseFlags(fs, help, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return badUsage(fs, "takes no arguments")
	}
	// Cells see the command line a program run by `go run` sees: its name
	// alone (a pasted program's flag.Parse finds no arguments).
	os.Args = os.Args[:1]
	// Taken before the session captures fd 2, so diagnostics never land in a cell.
	logger := log.New(kernel.PrivateStderr(), "gotrain executor: ", log.LstdFlags|log.Lmicroseconds)
	return executor.Serve(exec.Options{Log: logger.Printf})
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

// watchParent shuts the kernel down once the process that started it (the
// Jupyter server or a client) is gone — the kernel is then re-parented, so
// its parent pid changes — instead of leaving an orphan holding its ports,
// as ipykernel's parent poller does.
func watchParent(ctx context.Context, parent int, every time.Duration, shutdown func(), logger *log.Logger) {
	if parent <= 1 {
		return // started by init or a container's pid 1: nothing to watch
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if os.Getppid() != parent {
				logger.Printf("the process that started the kernel (pid %d) is gone; shutting down", parent)
				shutdown()
				return
			}
		}
	}
}
