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

// usageError is bad command-line usage of `gotrain worker`, in one line
// that names the flag and points at --help; the command exits 2.
type usageError struct{ Msg string }

func (e *usageError) Error() string { return e.Msg }

// ExitCode is 2, the status of bad usage.
func (e *usageError) ExitCode() int { return 2 }

// workerHelp is `gotrain worker --help`, printed before the flags.
const workerHelp = `Usage: gotrain worker [--listen HOST:PORT] [--token-file FILE] [--tls-dir DIR] [flags]

Holds data shards and trains on them for a driver (gotrain fit, gotrain train,
trainlib.Connect). It prints the address it listens on, then serves until
interrupted or until its drivers have been silent for --lease. The driver
must know the same cluster secret: --token-file, else $GOTRAIN_TOKEN; a
worker listening beyond loopback needs one of at least 16 bytes.

Examples:
  gotrain worker                                            # loopback, a free port
  GOTRAIN_TOKEN=$(cat secret) gotrain worker --listen 10.0.0.5:7070 --cpus 8 --lease -1s
  gotrain worker --listen 10.0.0.5:7070 --token-file secret --tls-dir tls
`

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
	fs.IntVar(cpus, "cpus-per-worker", 0, "alias of --cpus (the name fit and train use)")
	lease := fs.Duration("lease", 0, "exit when a driver has been silent this long; a driver cannot change it (0: what the driver asks, else 1m; negative: never, stay up for the next driver)")
	maxMsg := fs.Int("max-message", DefaultMaxMessage, "largest message accepted, in bytes")
	tlsFlags := AddTLSFlags(fs, true)
	withStdin := fs.Bool("exit-with-stdin", false, "exit when stdin closes (set by a launching driver)")
	fs.Usage = func() {}
	out := fs.Output()
	fs.SetOutput(io.Discard) // one line of our own instead of the flag package's two
	err := fs.Parse(args)
	fs.SetOutput(out)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(out, workerHelp, "\nFlags:\n")
		fs.PrintDefaults()
		return err
	}
	if err != nil {
		return &usageError{Msg: fmt.Sprintf("worker: %v (see 'gotrain worker --help')", err)}
	}
	if fs.NArg() > 0 {
		return &usageError{Msg: fmt.Sprintf("worker: unexpected argument %q (see 'gotrain worker --help')", fs.Arg(0))}
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
