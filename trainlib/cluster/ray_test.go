package cluster

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRayAddressRules(t *testing.T) {
	cases := []struct {
		name, addr           string
		rayAddr, host, dport string
		want                 string
	}{
		{name: "explicit URL", addr: "http://head:8265/", want: "http://head:8265"},
		{name: "no scheme", addr: "head:8265", want: "http://head:8265"},
		{name: "ray client address", addr: "ray://head:10001", want: "http://head:8265"},
		{name: "auto from RAY_ADDRESS", addr: "auto", rayAddr: "http://10.0.0.5:8265", want: "http://10.0.0.5:8265"},
		{name: "auto from RAY_ADDRESS ray://", addr: RayAuto, rayAddr: "ray://10.0.0.5:10001", want: "http://10.0.0.5:8265"},
		{name: "auto from head service", addr: "auto", host: "ray-head", want: "http://ray-head:8265"},
		{name: "head service with dashboard port", addr: "auto", host: "ray-head", dport: "9000", want: "http://ray-head:9000"},
		{name: "RAY_ADDRESS wins", addr: "auto", rayAddr: "http://a:1", host: "b", want: "http://a:1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("RAY_ADDRESS", c.rayAddr)
			t.Setenv("RAY_HEAD_SERVICE_HOST", c.host)
			t.Setenv("RAY_HEAD_SERVICE_PORT", "10001")
			t.Setenv("RAY_DASHBOARD_PORT", c.dport)
			got, err := RayAddress(c.addr)
			if err != nil || got != c.want {
				t.Fatalf("RayAddress(%q) = %q, %v; want %q", c.addr, got, err, c.want)
			}
		})
	}
}

func TestRayAddressAutoWithoutEnvSaysWhatToSet(t *testing.T) {
	t.Setenv("RAY_ADDRESS", "")
	t.Setenv("RAY_HEAD_SERVICE_HOST", "")
	_, err := RayAddress("auto")
	if err == nil || !strings.Contains(err.Error(), "RAY_ADDRESS") || !strings.Contains(err.Error(), "RAY_HEAD_SERVICE_HOST") {
		t.Fatalf("err = %v; want one naming RAY_ADDRESS and RAY_HEAD_SERVICE_HOST", err)
	}
	if _, err := RayAddress("ftp://head:8265"); err == nil {
		t.Fatal("ftp:// address accepted")
	}
}

func TestRayUnreachableDashboardNamesAddress(t *testing.T) {
	_, err := Connect(context.Background(), Config{Ray: "http://127.0.0.1:1", Spawn: 1})
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") || !strings.Contains(err.Error(), "dashboard") {
		t.Fatalf("err = %v; want one naming the address and the dashboard", err)
	}
}

func TestRayNotAGotrainBinary(t *testing.T) {
	_, err := binaryVersion(context.Background(), "/bin/true")
	if err == nil || !strings.Contains(err.Error(), "not a gotrain binary") || !strings.Contains(err.Error(), BinEnv) {
		t.Fatalf("err = %v; want one saying /bin/true is not gotrain and naming %s", err, BinEnv)
	}
	_, err = binaryVersion(context.Background(), filepath.Join(t.TempDir(), "missing"))
	if err == nil || !strings.Contains(err.Error(), BinEnv) {
		t.Fatalf("missing binary: err = %v; want one naming %s", err, BinEnv)
	}
}

func TestParseLauncherLog(t *testing.T) {
	log := "some ray noise\nGOTRAIN_WORKER 0 127.0.0.1:4000 11 10\n(Worker pid=3) stuff\nGOTRAIN_WORKER 1 127.0.0.1:4001 13 12\nGOTRAIN_READY\n"
	ws, ready, failure := parseLauncherLog(log)
	if !ready || failure != "" || len(ws) != 2 || ws[1].Addr != "127.0.0.1:4001" || ws[1].PID != 13 || ws[1].ActorPID != 12 {
		t.Fatalf("parse = %+v, %v, %q", ws, ready, failure)
	}
	_, _, failure = parseLauncherLog("GOTRAIN_ERROR version mismatch: x\n")
	if failure != "version mismatch: x" {
		t.Fatalf("failure = %q", failure)
	}
}

func TestDigestKey(t *testing.T) {
	a, err := digestKey(secretDigest("s3cret"))
	if err != nil || a != keyOf("s3cret") {
		t.Fatalf("digest key %v, %v differs from the secret's", a, err)
	}
	if _, err := digestKey("s3cret"); err == nil || !strings.Contains(err.Error(), TokenSHA256Env) {
		t.Fatalf("err = %v; want one naming %s", err, TokenSHA256Env)
	}
}

// A worker that knows only the secret's digest (as the Ray launcher starts
// it) accepts the secret and rejects the digest itself and other secrets.
func TestWorkerWithSecretDigest(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	secret := "per-job-secret"
	digest := secretDigest(secret)
	r, w := io.Pipe()
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ServeConfig{Listen: "127.0.0.1:0", SecretSHA256: digest, Out: w}) }()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, r)
	addr := strings.TrimSpace(strings.TrimPrefix(line, "gotrain worker listening on "))
	cfg := &Config{DialTimeout: 5 * time.Second}
	wc, err := dial(ctx, addr, cfg, secret, nil)
	if err != nil {
		t.Fatalf("the secret was refused: %v", err)
	}
	wc.close()
	for _, bad := range []string{digest, "other"} {
		if wc, err := dial(ctx, addr, cfg, bad, nil); err == nil || !strings.Contains(err.Error(), "bad secret") {
			if wc != nil {
				wc.close()
			}
			t.Fatalf("dial with %q: err = %v; want a bad-secret error", bad, err)
		}
	}
	cancel()
	if err := <-served; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if err := Serve(context.Background(), ServeConfig{Listen: "127.0.0.1:0", SecretSHA256: "nothex"}); err == nil || !strings.Contains(err.Error(), TokenSHA256Env) {
		t.Fatalf("bad digest: err = %v; want one naming %s", err, TokenSHA256Env)
	}
}

// The working_dir package holds launch.py and the executable binary at its
// top level, and its name changes with the binary and only with it.
func TestRayPackage(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "gotrain")
	if err := os.WriteFile(bin, []byte("binary v1"), 0o755); err != nil {
		t.Fatal(err)
	}
	p1, err := newRayPackage(bin)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := newRayPackage(bin)
	if p1.uri != again.uri || !strings.HasPrefix(p1.uri, "gcs://_ray_pkg_") || !strings.HasSuffix(p1.uri, ".zip") {
		t.Fatalf("package names %q, %q: want one stable gcs://_ray_pkg_<hash>.zip", p1.uri, again.uri)
	}
	b, err := p1.zip()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]os.FileMode{}
	for _, f := range zr.File {
		got[f.Name] = f.Mode().Perm()
	}
	if len(got) != 2 || got[rayLauncherName] != 0o644 || got[rayBinaryName] != 0o755 {
		t.Fatalf("package files %v; want launch.py 0644 and gotrain 0755", got)
	}
	if err := os.WriteFile(bin, []byte("binary v2"), 0o755); err != nil {
		t.Fatal(err)
	}
	if p2, _ := newRayPackage(bin); p2.uri == p1.uri {
		t.Fatal("a changed binary kept the package name: the nodes would run the old one")
	}
	if p3, _ := newRayPackage(""); p3.uri == p1.uri || p3.binary != "" {
		t.Fatalf("launcher-only package %+v", p3)
	}
	if _, err := newRayPackage(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), BinEnv) {
		t.Fatalf("missing binary: err = %v; want one naming %s", err, BinEnv)
	}
}

func TestRayWithAddressesIsAnError(t *testing.T) {
	_, err := Connect(context.Background(), Config{Ray: "http://127.0.0.1:1", Addresses: []string{"127.0.0.1:2"}})
	if err == nil || !strings.Contains(err.Error(), "not both") {
		t.Fatalf("err = %v; want one saying to give Ray or Addresses", err)
	}
}
