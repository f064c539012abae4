package main

import (
	"context"
	"os"

	"github.com/gotrain/gotrain/trainlib/cluster"
)

func init() {
	register(command{name: "worker", summary: "hold data shards and train on them for a driver (gRPC)", run: runWorker})
}

// runWorker serves the cluster protocol; see cluster.WorkerCommand.
func runWorker(ctx context.Context, args []string) error {
	return cluster.WorkerCommand(ctx, args, os.Stdin, os.Stdout, os.Stderr)
}
