package cluster

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/http2/hpack"
)

// recorder is a loopback TCP proxy that keeps every byte it forwards.
type recorder struct {
	ln  net.Listener
	mu  sync.Mutex
	buf bytes.Buffer
}

func newRecorder(t *testing.T, target string) *recorder {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &recorder{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			w, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			go r.pipe(c, w)
			go r.pipe(w, c)
		}
	}()
	return r
}

func (r *recorder) pipe(dst, src net.Conn) {
	defer dst.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			r.mu.Lock()
			r.buf.Write(buf[:n])
			r.mu.Unlock()
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (r *recorder) bytes() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return bytes.Clone(r.buf.Bytes())
}

// Without TLS, a whole job's traffic between driver and worker carries
// neither the secret nor its digest (the key of the challenge–response).
func TestSecretNeverOnTheWire(t *testing.T) {
	secret, _ := NewSecret()
	_, addr := startWorker(t, secret)
	proxy := newRecorder(t, addr)
	dir := t.TempDir()
	train := writeShards(t, dir, "train", 1, 300, 4, 1)
	val := writeShards(t, dir, "val", 1, 100, 4, 2)
	ctx := context.Background()
	c, err := Connect(ctx, Config{Addresses: []string{proxy.ln.Addr().String()}, Secret: secret})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := trainCluster(ctx, c, testParams(3), train, val); err != nil {
		t.Fatal(err)
	}
	c.Close()
	got := proxy.bytes()
	if len(got) < 10000 {
		t.Fatalf("the proxy saw only %d bytes of a training job", len(got))
	}
	sum := sha256.Sum256([]byte(secret))
	for what, s := range map[string][]byte{"secret": []byte(secret), "digest (hex)": []byte(hex.EncodeToString(sum[:])), "digest": sum[:],
		"secret (Huffman-coded, as in an HTTP/2 header)": hpack.AppendHuffmanString(nil, secret)} {
		if bytes.Contains(got, s) {
			t.Errorf("the %s crossed the wire in clear", what)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serveInProcess runs a worker in this process and returns its address.
func serveInProcess(t *testing.T, cfg ServeConfig) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	cfg.Listen, cfg.Out = "127.0.0.1:0", w
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, cfg) }()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, r)
	t.Cleanup(func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return strings.TrimSpace(strings.TrimPrefix(line, "gotrain worker listening on "))
}

// A hundred wrong-secret attempts are each rejected, logged with the
// peer's address, and slowed: the log states the growing wait, capped.
func TestBadSecretsLoggedAndSlowed(t *testing.T) {
	secret, _ := NewSecret()
	var log syncBuffer
	addr := serveInProcess(t, ServeConfig{Secret: secret, Log: &log, AuthBackoff: 100 * time.Microsecond, AuthBackoffMax: 5 * time.Millisecond})
	ctx := context.Background()
	cfg := &Config{DialTimeout: 10 * time.Second}
	rejected := 0
	for range 100 {
		wc, err := dial(ctx, addr, cfg, "not-the-secret", nil)
		if err == nil {
			wc.close()
			t.Fatal("a wrong secret was accepted")
		}
		if strings.Contains(err.Error(), "bad secret") {
			rejected++
		}
	}
	if rejected != 100 {
		t.Fatalf("%d of 100 wrong-secret attempts rejected as such", rejected)
	}
	line := regexp.MustCompile(`failed authentication from 127\.0\.0\.1:\d+: wrong cluster secret \(failure (\d+) in a row from 127\.0\.0\.1, (\d+) in all; its next connections wait ([^)]+)\)`)
	lines := line.FindAllStringSubmatch(log.String(), -1)
	if len(lines) != 100 {
		t.Fatalf("%d log lines for 100 failed attempts:\n%s", len(lines), log.String())
	}
	for i, m := range lines {
		n, _ := strconv.Atoi(m[1])
		want := min(100*time.Microsecond<<min(i, 30), 5*time.Millisecond)
		if n != i+1 || m[2] != strconv.Itoa(i+1) || m[3] != want.String() {
			t.Fatalf("log line %d: %q; want failure %d and a wait of %v", i+1, m[0], i+1, want)
		}
	}
	// The right secret still gets in, and clears the record.
	wc, err := dial(ctx, addr, cfg, secret, nil)
	if err != nil {
		t.Fatalf("the right secret after 100 wrong ones: %v", err)
	}
	wc.close()
}

// Slowed, not only logged: after a wrong secret, the peer's next
// connection (even with the right secret) waits the guard's delay before
// the worker greets it. The delay (2 s) is far above what a refused dial
// costs here, and a lower bound a loaded machine can only exceed.
func TestBadSecretHoldsThePeersNextConnectionBack(t *testing.T) {
	secret, _ := NewSecret()
	const hold = 2 * time.Second
	addr := serveInProcess(t, ServeConfig{Secret: secret, Log: &syncBuffer{}, AuthBackoff: hold, AuthBackoffMax: hold})
	ctx := context.Background()
	cfg := &Config{DialTimeout: time.Minute}
	if wc, err := dial(ctx, addr, cfg, "not-the-secret", nil); err == nil {
		wc.close()
		t.Fatal("a wrong secret was accepted")
	}
	start := time.Now()
	wc, err := dial(ctx, addr, cfg, secret, nil)
	took := time.Since(start)
	if err != nil {
		t.Fatalf("the right secret after a wrong one: %v", err)
	}
	wc.close()
	if took < hold {
		t.Fatalf("the connection after a failed authentication took %v: the worker did not hold it back %v", took, hold)
	}
}

// The guard's table stays bounded whatever the number of peers.
func TestAuthGuardBounded(t *testing.T) {
	g := newAuthGuard(nil, time.Millisecond, time.Millisecond)
	for i := range 3 * maxPeers {
		g.failed(net.JoinHostPort(net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)).String(), "1"), "test")
	}
	if len(g.peers) > maxPeers || g.failures() != 3*maxPeers {
		t.Fatalf("%d peers remembered (max %d), %d failures counted", len(g.peers), maxPeers, g.failures())
	}
}
