package modules_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/modules"
	"github.com/gotrain/gotrain/internal/kernel/modules/modtest"
)

// TestResolveDownloadsNewestThenReusesTheCache resolves a package with a
// dependency from the test proxy, then again in a new resolver (a
// restarted kernel): the second needs no request. Nothing is written
// outside the module cache and the notebook's folder: the user's cache
// folder stays empty, the kernel's files are in the module cache.
func TestResolveDownloadsNewestThenReusesTheCache(t *testing.T) {
	proxy := modtest.Serve(t, modtest.Fixtures())
	kernelCache := modtest.Env(t, proxy, modtest.NoSumDB)
	userCache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", userCache)
	t.Chdir(t.TempDir())
	ctx := context.Background()
	r := modules.New()
	defer r.Close()
	p, err := r.Resolve(ctx, "example.test/greet", nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Module.Path != "example.test/greet" || p.Module.Version != "v1.1.0" || p.Name != "greet" {
		t.Fatalf("resolved %+v, want greet v1.1.0", p)
	}
	if len(p.Deps) != 2 {
		t.Fatalf("deps %v, want greet and dep", p.Deps)
	}
	if _, err := os.Stat(filepath.Join(p.Dir, "greet.go")); err != nil {
		t.Fatal(err)
	}
	before := proxy.Requests()
	r2 := modules.New()
	defer r2.Close()
	p2, err := r2.Resolve(ctx, "example.test/greet", nil)
	if err != nil {
		t.Fatal(err)
	}
	if p2.Module.Version != "v1.1.0" || proxy.Requests() != before {
		t.Fatalf("second resolve: %v, %d new requests; want v1.1.0 from the cache", p2.Module, proxy.Requests()-before)
	}
	if entries, _ := os.ReadDir(userCache); len(entries) > 0 {
		t.Fatalf("the user's cache folder has %v; the kernel writes only in the module cache", entries)
	}
	if _, err := os.Stat(filepath.Join(kernelCache, "sums.txt")); err != nil {
		t.Fatalf("the verified checksums are not in the module cache: %v", err)
	}
}

// TestGetPinsAndSaveWritesGoMod pins an older version with Get, resolves,
// saves go.mod and go.sum, and a new resolver in that folder uses the pin.
func TestGetPinsAndSaveWritesGoMod(t *testing.T) {
	proxy := modtest.Serve(t, modtest.Fixtures())
	modtest.Env(t, proxy, modtest.NoSumDB)
	nb := t.TempDir()
	t.Chdir(nb)
	ctx := context.Background()
	r := modules.New()
	defer r.Close()
	if _, err := r.Get(ctx, []string{"example.test/greet@v1.0.0"}, false, nil); err != nil {
		t.Fatal(err)
	}
	p, err := r.Resolve(ctx, "example.test/greet", nil)
	if err != nil || p.Module.Version != "v1.0.0" {
		t.Fatalf("resolve after pin: %v %v", p, err)
	}
	if _, err := os.Stat(filepath.Join(nb, "go.mod")); !os.IsNotExist(err) {
		t.Fatal("go.mod written before %mod save")
	}
	files, err := r.Save(ctx, nb)
	if err != nil || len(files) != 2 {
		t.Fatal(files, err)
	}
	gomod, _ := os.ReadFile(filepath.Join(nb, "go.mod"))
	gosum, _ := os.ReadFile(filepath.Join(nb, "go.sum"))
	if !strings.Contains(string(gomod), "example.test/greet v1.0.0") || !strings.HasPrefix(string(gomod), "module notebook\n") || !strings.Contains(string(gosum), "example.test/dep v1.0.0/go.mod") {
		t.Fatalf("go.mod:\n%s\ngo.sum:\n%s", gomod, gosum)
	}
	r2 := modules.New()
	defer r2.Close()
	p, err = r2.Resolve(ctx, "example.test/greet", nil)
	if err != nil || p.Module.Version != "v1.0.0" {
		t.Fatalf("resolve with the saved go.mod: %v %v", p, err)
	}
}

// TestResolveErrorsSayWhich checks the missing-module and offline errors.
func TestResolveErrorsSayWhich(t *testing.T) {
	proxy := modtest.Serve(t, modtest.Fixtures())
	modtest.Env(t, proxy, modtest.NoSumDB)
	t.Chdir(t.TempDir())
	ctx := context.Background()
	r := modules.New()
	defer r.Close()
	_, err := r.Resolve(ctx, "example.test/nosuch", nil)
	if err == nil || !strings.Contains(err.Error(), "example.test/nosuch was not found") {
		t.Fatalf("missing module: %v", err)
	}
	t.Setenv("GOPROXY", "http://127.0.0.1:1") // nothing listens there
	_, err = r.Resolve(ctx, "example.test/gen", nil)
	if err == nil || !strings.Contains(err.Error(), "cannot be reached") {
		t.Fatalf("offline: %v", err)
	}
	t.Setenv("PATH", "")
	if _, err := modules.New().Resolve(ctx, "example.test/gen", nil); err != modules.ErrNoGo {
		t.Fatalf("no go: %v", err)
	}
}

// TestInterruptKillsASlowDownload cancels a resolve whose proxy never
// answers: it returns promptly with the context's error.
func TestInterruptKillsASlowDownload(t *testing.T) {
	proxy := modtest.Serve(t, modtest.Fixtures())
	modtest.Env(t, proxy, modtest.NoSumDB)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer hang.Close()
	t.Setenv("GOPROXY", hang.URL)
	t.Chdir(t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(time.Second, cancel)
	r := modules.New()
	defer r.Close()
	start := time.Now()
	_, err := r.Resolve(ctx, "example.test/greet", nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Fatalf("interrupted resolve took %v", d) // a hang, not a timing claim
	}
}

// TestASlowDownloadIsBounded: a proxy that never answers makes the
// resolve fail after GOTRAIN_GET_TIMEOUT, saying so and how to wait
// longer, instead of hanging.
func TestASlowDownloadIsBounded(t *testing.T) {
	proxy := modtest.Serve(t, modtest.Fixtures())
	modtest.Env(t, proxy, modtest.NoSumDB)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer hang.Close()
	t.Setenv("GOPROXY", hang.URL)
	t.Setenv("GOTRAIN_GET_TIMEOUT", "3s")
	t.Chdir(t.TempDir())
	r := modules.New()
	defer r.Close()
	_, err := r.Resolve(context.Background(), "example.test/greet", nil)
	if err == nil || !strings.Contains(err.Error(), "did not finish within 3s (set GOTRAIN_GET_TIMEOUT to wait longer)") {
		t.Fatalf("err %v", err)
	}
}
