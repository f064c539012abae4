// Command workerbin is `gotrain worker` alone: the tests of package
// cluster build it to spawn real worker processes without building the
// whole gotrain binary (the kernel and its interpreter). It runs exactly
// the code of `gotrain worker`: cluster.WorkerCommand.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/gotrain/gotrain/trainlib/cluster"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "worker" {
		fmt.Fprintln(os.Stderr, "usage: workerbin worker [flags]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cluster.WorkerCommand(ctx, os.Args[2:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gotrain worker:", err)
		os.Exit(1)
	}
}
