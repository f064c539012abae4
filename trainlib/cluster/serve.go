package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// gRPC chooses a codec by the call's content-subtype from its registry,
// which is process-wide by design; registering ours there (once, here)
// leaves the health service on protobuf.
func init() { encoding.RegisterCodecV2(wire.BufferCodec{}) }

// DefaultMaxMessage caps one message in either direction (64 MiB): a
// level's histograms at max_bin 256 and 61 features stay far below it.
const DefaultMaxMessage = 64 << 20

// DefaultListen is where a worker listens when not told otherwise.
const DefaultListen = "127.0.0.1:0"

// ServeConfig configures a worker.
type ServeConfig struct {
	// Listen is host:port; DefaultListen when empty. Port 0 picks a free
	// port; the worker prints the address it got.
	Listen string
	// Secret is the cluster secret every connection must prove it knows;
	// empty is only allowed on a loopback address, and beyond loopback it
	// needs MinSecretLen bytes.
	Secret string
	// SecretSHA256, when Secret is empty, is the hex SHA-256 digest of the
	// secret every connection must prove it knows (see TokenSHA256Env).
	SecretSHA256 string
	// CPUs bounds the goroutines of the worker's computations; 0 means
	// GOMAXPROCS.
	CPUs int
	// Lease is how long the worker lives without hearing from a driver
	// that has said hello. A driver cannot change it; negative means never
	// exit (the worker stays up for the next driver). 0 lets the driver
	// ask for a lease in its hello, and means a minute when it does not.
	Lease time.Duration
	// MaxMessage caps a message's size; 0 means DefaultMaxMessage.
	MaxMessage int
	// TLS, when set, serves TLS (and verifies client certificates when
	// its CA is set).
	TLS *TLSFiles
	// Out, when set, receives the line "gotrain worker listening on ADDR"
	// once the worker listens; a launching driver reads the port there.
	Out io.Writer
	// Log, when set, receives a line for every failed authentication.
	Log io.Writer
	// AuthBackoff and AuthBackoffMax shape how a peer that failed to
	// authenticate n times in a row is slowed: its next connections wait
	// AuthBackoff·2^(n-1), at most AuthBackoffMax (0: 100 ms and 5 s).
	AuthBackoff, AuthBackoffMax time.Duration
}

// ErrDriverGone is returned by Serve when the driver's lease ran out.
var ErrDriverGone = errors.New("cluster: the driver has been gone longer than the lease; exiting")

// Serve runs a worker until ctx is done or its driver's lease runs out.
func Serve(ctx context.Context, cfg ServeConfig) error {
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	if cfg.MaxMessage <= 0 {
		cfg.MaxMessage = DefaultMaxMessage
	}
	if err := checkListen(cfg.Listen, cfg.Secret, cfg.SecretSHA256 != ""); err != nil {
		return err
	}
	key := keyOf(cfg.Secret)
	if cfg.Secret == "" && cfg.SecretSHA256 != "" {
		var err error
		if key, err = digestKey(cfg.SecretSHA256); err != nil {
			return err
		}
	}
	w := newWorker(cfg.CPUs, cfg.Lease)
	hs := &handshake{TransportCredentials: insecure.NewCredentials(), key: key,
		guard: newAuthGuard(cfg.Log, cfg.AuthBackoff, cfg.AuthBackoffMax)}
	if cfg.TLS != nil {
		var err error
		if hs.TransportCredentials, err = cfg.TLS.server(); err != nil {
			return err
		}
	}
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(cfg.MaxMessage), grpc.MaxSendMsgSize(cfg.MaxMessage),
		grpc.Creds(hs), grpc.ConnectionTimeout(hs.guard.max+10*time.Second),
		grpc.InitialWindowSize(streamWindow), grpc.InitialConnWindowSize(streamWindow))
	srv.RegisterService(serviceDesc(), w)
	health := health.NewServer()
	healthpb.RegisterHealthServer(srv, health)
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("cluster: listen on %s: %w", cfg.Listen, err)
	}
	if cfg.Out != nil {
		fmt.Fprintf(cfg.Out, "gotrain worker listening on %s\n", ln.Addr())
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	var reason error
	for reason == nil {
		select {
		case <-ctx.Done():
			reason = ctx.Err()
		case err := <-served:
			return err
		case <-tick.C:
			if lease := w.lease(); lease > 0 && w.everHello() && time.Since(time.Unix(0, w.lastCall.Load())) > lease {
				reason = ErrDriverGone
			}
		}
	}
	health.Shutdown()
	stopped := make(chan struct{})
	go func() { srv.GracefulStop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(2 * time.Second):
		srv.Stop()
	}
	if errors.Is(reason, context.Canceled) {
		return nil
	}
	return reason
}

// checkListen refuses a non-loopback address without a secret, or with
// one shorter than MinSecretLen bytes (a digest stands for a long secret a
// launcher made).
func checkListen(addr, secret string, digest bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("cluster: listen address %q: %v: give host:port, such as 127.0.0.1:7000", addr, err)
	}
	if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() || digest {
		return nil
	}
	if secret == "" {
		return fmt.Errorf("cluster: refusing to listen on %s without a secret: set %s or give --token-file (or listen on 127.0.0.1)", addr, TokenEnv)
	}
	if len(secret) < MinSecretLen {
		return fmt.Errorf("cluster: refusing to listen on %s with a %d-byte secret: a worker reachable from other machines needs at least %d bytes; make one with `openssl rand -hex 32`", addr, len(secret), MinSecretLen)
	}
	return nil
}
