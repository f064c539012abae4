package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/gotrain/gotrain/trainlib/cluster"
)

func init() {
	register(command{name: "worker", summary: "hold data shards and train on them for a driver (gRPC)", run: runWorker})
}

// runWorker serves the cluster protocol until interrupted, until the
// driver's lease runs out, or (with --exit-with-stdin) until stdin closes.
func runWorker(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	listen := fs.String("listen", cluster.DefaultListen, "host:port to listen on (port 0 picks a free one, printed on stdout)")
	tokenFile := fs.String("token-file", "", "file holding the cluster secret (default: $"+cluster.TokenEnv+")")
	cpus := fs.Int("cpus", 0, "CPUs to use (0: all)")
	lease := fs.Duration("lease", 0, "exit when a driver has been silent this long (0: 1m, negative: never)")
	maxMsg := fs.Int("max-message", cluster.DefaultMaxMessage, "largest message accepted, in bytes")
	cert := fs.String("tls-cert", "", "TLS certificate (PEM)")
	key := fs.String("tls-key", "", "TLS key (PEM)")
	ca := fs.String("tls-ca", "", "CA (PEM) that client certificates must chain to")
	withStdin := fs.Bool("exit-with-stdin", false, "exit when stdin closes (set by a launching driver)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("worker: unexpected argument %q", fs.Arg(0))
	}
	secret, err := cluster.ReadSecret(*tokenFile)
	if err != nil {
		return err
	}
	if *cpus > 0 {
		runtime.GOMAXPROCS(*cpus)
	}
	cfg := cluster.ServeConfig{Listen: *listen, Secret: secret, CPUs: *cpus, Lease: *lease, MaxMessage: *maxMsg, Out: os.Stdout}
	if *cert != "" || *key != "" || *ca != "" {
		cfg.TLS = &cluster.TLSFiles{Cert: *cert, Key: *key, CA: *ca}
	}
	if secret == "" {
		fmt.Fprintf(os.Stderr, "gotrain worker: no secret set: any local process can use this worker (set %s or --token-file)\n", cluster.TokenEnv)
	}
	if *withStdin {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			cancel()
		}()
	}
	return cluster.Serve(ctx, cfg)
}
