// Command profworker is `gotrain worker` with a CPU profile: the tuning
// benchmark's workers run under it to show where a round's time goes on
// the worker side (histograms, routing, gradients, encoding). Each worker
// writes $GOTRAIN_PROFILE_DIR/worker-<pid>.pprof when it exits (the
// driver closes its stdin on Close).
//
//	go build -o /tmp/profworker ./bench/tune/profworker
//	GOTRAIN_BIN=/tmp/profworker GOTRAIN_PROFILE_DIR=/tmp/prof ours -data … -out …
//	go tool pprof -top /tmp/profworker /tmp/prof/worker-*.pprof
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"syscall"

	"github.com/gotrain/gotrain/trainlib/cluster"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "worker" {
		fmt.Fprintln(os.Stderr, "usage: profworker worker [flags]")
		os.Exit(2)
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "profworker:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := os.Getenv("GOTRAIN_PROFILE_DIR")
	if dir == "" {
		return fmt.Errorf("set GOTRAIN_PROFILE_DIR to the folder for the profiles")
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("worker-%d.pprof", os.Getpid())))
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	defer pprof.StopCPUProfile()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return cluster.WorkerCommand(ctx, os.Args[2:], os.Stdin, os.Stdout, os.Stderr)
}
