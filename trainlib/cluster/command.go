package cluster

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// ProfileEnv, when set, makes a worker write its CPU profile to
// $GOTRAIN_WORKER_CPUPROFILE.<pid> until it exits (for benchmarks).
const ProfileEnv = "GOTRAIN_WORKER_CPUPROFILE"

// startProfile starts a CPU profile into path and returns its stop.
func startProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("worker: %s: %w", ProfileEnv, err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("worker: %s: %w", ProfileEnv, err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// ErrUsage reports bad command-line usage; the flag set has printed why.
var ErrUsage = errors.New("usage")

// WorkerCommand runs `gotrain worker` with args (the flags after the
// subcommand's name): it serves the cluster protocol until ctx is done,
// until the driver's lease runs out, or (with --exit-with-stdin) until
// stdin closes. It prints the listening address on stdout.
func WorkerCommand(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", DefaultListen, "host:port to listen on (port 0 picks a free one, printed on stdout)")
	tokenFile := fs.String("token-file", "", "file holding the cluster secret (default: $"+TokenEnv+")")
	cpus := fs.Int("cpus", 0, "CPUs to use (0: all)")
	lease := fs.Duration("lease", 0, "exit when a driver has been silent this long; a driver cannot change it (0: what the driver asks, else 1m; negative: never, stay up for the next driver)")
	maxMsg := fs.Int("max-message", DefaultMaxMessage, "largest message accepted, in bytes")
	tlsFlags := AddTLSFlags(fs, true)
	withStdin := fs.Bool("exit-with-stdin", false, "exit when stdin closes (set by a launching driver)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return ErrUsage
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("worker: unexpected argument %q", fs.Arg(0))
	}
	secret, err := ReadSecret(*tokenFile)
	if err != nil {
		return err
	}
	digest := ""
	if secret == "" {
		digest = os.Getenv(TokenSHA256Env)
	}
	if err := checkListen(*listen, secret, digest != ""); err != nil {
		return err
	}
	if *cpus > 0 {
		runtime.GOMAXPROCS(*cpus)
	}
	cfg := ServeConfig{Listen: *listen, Secret: secret, CPUs: *cpus, Lease: *lease, MaxMessage: *maxMsg, Out: stdout, Log: stderr, SecretSHA256: digest}
	if cfg.TLS, err = tlsFlags.Files(); err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	if cfg.TLS == nil {
		cfg.TLS = tlsFromEnv()
	}
	if secret == "" && digest == "" {
		fmt.Fprintf(stderr, "gotrain worker: no secret set: any local process can use this worker (set %s or --token-file)\n", TokenEnv)
	}
	if path := os.Getenv(ProfileEnv); path != "" {
		stop, err := startProfile(fmt.Sprintf("%s.%d", path, os.Getpid()))
		if err != nil {
			return err
		}
		defer stop()
	}
	if *withStdin {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
		go func() {
			_, _ = io.Copy(io.Discard, stdin)
			cancel()
		}()
	}
	return Serve(ctx, cfg)
}
