package cluster

import (
	"context"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

// mustFail checks that err is non-nil and mentions every word.
func mustFail(t *testing.T, err error, words ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want one mentioning %q", words)
	}
	for _, w := range words {
		if !strings.Contains(err.Error(), w) {
			t.Fatalf("error %q does not mention %q", err, w)
		}
	}
}

func TestConnectErrorsNameAddressAndCause(t *testing.T) {
	secret, _ := NewSecret()
	p, addr := startWorker(t, secret)
	ctx := context.Background()

	_, err := Connect(ctx, Config{Addresses: []string{addr}, Secret: "not-the-secret"})
	mustFail(t, err, addr, "bad secret", "wrong cluster secret")

	t.Setenv(TokenEnv, "")
	_, err = Connect(ctx, Config{Addresses: []string{addr}})
	mustFail(t, err, addr, "bad secret", "none was set")

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	_, err = Connect(ctx, Config{Addresses: []string{closed}, Secret: secret})
	mustFail(t, err, closed, "connection refused")

	// A stopped worker accepts the TCP connection but never answers.
	stopProcess(t, p.pid())
	_, err = Connect(ctx, Config{Addresses: []string{addr}, Secret: secret, DialTimeout: time.Second})
	_ = syscall.Kill(p.pid(), syscall.SIGCONT)
	mustFail(t, err, addr, "timeout")

	// A driver of another protocol version.
	conn := rawConn(t, addr, secret)
	err = conn.Invoke(ctx, fullMethod(mHello), &wire.HelloRequest{Protocol: wire.ProtocolVersion + 1}, &wire.HelloResponse{})
	mustFail(t, explainDial(addr, err, time.Second), addr, "version mismatch", "same gotrain version")

	// And the right secret works.
	c, err := Connect(ctx, Config{Addresses: []string{addr}, Secret: secret})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
}

// rawConn is a gRPC client of the worker protocol with no size limits of
// its own.
func rawConn(t *testing.T, addr, secret string) *grpc.ClientConn {
	t.Helper()
	opts := []grpc.DialOption{grpc.WithTransportCredentials(&handshake{TransportCredentials: insecure.NewCredentials(), key: keyOf(secret)}),
		grpc.WithDefaultCallOptions(grpc.CallContentSubtype(wire.CodecName), grpc.MaxCallSendMsgSize(1<<30))}
	conn, err := grpc.NewClient("passthrough:///"+addr, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func TestHostileInputDoesNotCrashWorker(t *testing.T) {
	secret, _ := NewSecret()
	_, addr := startWorker(t, secret, "--max-message", "65536")
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(42, 1))
	// Random bytes, then an HTTP/2 preface followed by garbage.
	for i := 0; i < 20; i++ {
		junk := make([]byte, 1+rng.IntN(4096))
		for k := range junk {
			junk[k] = byte(rng.Uint32())
		}
		if i%2 == 1 {
			junk = append([]byte("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), junk...)
		}
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = c.Write(junk)
		c.Close()
	}
	// An oversized message is refused by size with the secret; without
	// it, the connection fails its handshake and the body is never read.
	big := &wire.GlobRequest{Pattern: strings.Repeat("x", 1<<20)}
	for s, want := range map[string]codes.Code{secret: codes.ResourceExhausted, "": codes.Unavailable} {
		err := rawConn(t, addr, s).Invoke(ctx, fullMethod(mGlob), big, &wire.GlobResponse{})
		if status.Code(err) != want {
			t.Fatalf("oversized message (secret %v): got %v, want %v", s != "", err, want)
		}
	}
	// Undecodable bodies with the secret: an error, not a crash.
	err := rawConn(t, addr, secret).Invoke(ctx, fullMethod(mLoad), &wire.GlobRequest{Pattern: "x"}, &wire.LoadResponse{})
	if err == nil {
		t.Fatal("a Load with a Glob body was accepted")
	}
	// Inconsistent data sent by a driver.
	bad := &wire.LoadRequest{Shards: []wire.ShardSpec{{Set: "train", Data: &badData}}}
	err = rawConn(t, addr, secret).Invoke(ctx, fullMethod(mLoad), bad, &wire.LoadResponse{})
	mustFail(t, err, "values for")
	// The worker still serves.
	c, err := Connect(ctx, Config{Addresses: []string{addr}, Secret: secret})
	if err != nil {
		t.Fatalf("worker unusable after hostile input: %v", err)
	}
	defer c.Close()
	if st := c.Status(ctx); !st.Workers[0].Alive {
		t.Fatalf("worker not alive:\n%s", st)
	}
}

func TestHealthNeedsSecret(t *testing.T) {
	secret, _ := NewSecret()
	_, addr := startWorker(t, secret)
	ctx := context.Background()
	r, err := healthpb.NewHealthClient(rawConn(t, addr, secret)).Check(ctx, &healthpb.HealthCheckRequest{})
	if err != nil || r.Status != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("health with the secret: %v, %v", r, err)
	}
	_, err = healthpb.NewHealthClient(rawConn(t, addr, "")).Check(ctx, &healthpb.HealthCheckRequest{})
	if status.Code(err) != codes.Unavailable || !strings.Contains(err.Error(), "requires the cluster secret") {
		t.Fatalf("health without the secret: %v, want a failed handshake", err)
	}
}

func TestListenPolicy(t *testing.T) {
	long := "0123456789abcdef"
	for _, c := range []struct {
		addr, secret string
		digest, ok   bool
		says         string
	}{
		{"127.0.0.1:0", "", false, true, ""}, {"localhost:0", "", false, true, ""}, {"[::1]:0", "", false, true, ""},
		{"127.0.0.1:0", "a", false, true, ""},
		{"0.0.0.0:0", "", false, false, TokenEnv}, {":7000", "", false, false, TokenEnv}, {"10.1.2.3:7000", "", false, false, TokenEnv},
		{"0.0.0.0:0", "a", false, false, "openssl rand"}, {"0.0.0.0:0", long[:15], false, false, "at least 16"},
		{"0.0.0.0:0", long, false, true, ""}, {"0.0.0.0:0", "", true, true, ""}, {"nonsense", long, false, false, "host:port"},
	} {
		err := checkListen(c.addr, c.secret, c.digest)
		if (err == nil) != c.ok {
			t.Errorf("checkListen(%q, %q, digest=%v) = %v", c.addr, c.secret, c.digest, err)
		}
		if err != nil && !strings.Contains(err.Error(), c.says) {
			t.Errorf("refusal %q does not say %q", err, c.says)
		}
	}
}

// `gotrain worker` with GOTRAIN_TOKEN=a on 0.0.0.0 exits at once with the
// reason.
func TestWorkerRefusesShortSecretBeyondLoopback(t *testing.T) {
	cmd := exec.Command(testBin, "worker", "--listen", "0.0.0.0:0")
	cmd.Env = append(os.Environ(), TokenEnv+"=a")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "1-byte secret") {
		t.Fatalf("worker with a 1-byte secret on 0.0.0.0: %v\n%s", err, out)
	}
}
