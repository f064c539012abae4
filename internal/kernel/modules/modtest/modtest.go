// Package modtest serves Go modules a test writes from a module proxy on
// 127.0.0.1 (the GOPROXY protocol's file-tree layout: @v/list, .info,
// .mod, .zip), counting the requests, and points the go command at it
// with a private module cache and kernel cache, so tests of third-party
// imports need no network and leave nothing behind.
package modtest

import (
	"archive/zip"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
)

// Module is one version of a module: its path, version and files (name →
// content); a go.mod is written from Require when Files has none.
type Module struct {
	Path, Version string
	Require       []string // "path version"
	Files         map[string]string
}

// Proxy is a running module proxy.
type Proxy struct {
	URL      string
	requests atomic.Int64
}

// Requests is how many requests the proxy has answered.
func (p *Proxy) Requests() int64 { return p.requests.Load() }

// Serve writes mods in the proxy layout under a temporary folder and
// serves it until the test ends.
func Serve(t testing.TB, mods []Module) *Proxy {
	t.Helper()
	root := t.TempDir()
	versions := map[string][]string{}
	for _, m := range mods {
		dir := filepath.Join(root, m.Path, "@v")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		gomod := m.goMod()
		write(t, filepath.Join(dir, m.Version+".mod"), gomod)
		write(t, filepath.Join(dir, m.Version+".info"), fmt.Sprintf(`{"Version":%q,"Time":"2024-01-01T00:00:00Z"}`, m.Version))
		zipModule(t, filepath.Join(dir, m.Version+".zip"), m, gomod)
		versions[m.Path] = append(versions[m.Path], m.Version)
	}
	for p, vs := range versions {
		sort.Strings(vs)
		write(t, filepath.Join(root, p, "@v", "list"), strings.Join(vs, "\n")+"\n")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{URL: "http://" + ln.Addr().String()}
	files := http.FileServer(http.Dir(root))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.requests.Add(1)
		files.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return p
}

func (m Module) goMod() string {
	if s, ok := m.Files["go.mod"]; ok {
		return s
	}
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo 1.22\n", m.Path)
	for _, r := range m.Require {
		fmt.Fprintf(&b, "\nrequire %s\n", r)
	}
	return b.String()
}

// zipModule writes a module zip: every file under "path@version/".
func zipModule(t testing.TB, name string, m Module, gomod string) {
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	files := map[string]string{"go.mod": gomod}
	for n, c := range m.Files {
		files[n] = c
	}
	for n, c := range files {
		w, err := zw.Create(m.Path + "@" + m.Version + "/" + n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(c))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func write(t testing.TB, name, content string) {
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Env points the go command at the proxy as a user of a private proxy
// would: GOPROXY at it, GONOSUMDB for the test's module paths (they are
// not in the public checksum database, so go verifies them against go.sum
// only), and a private module cache and GOPATH, made writable for cleanup
// (-modcacherw). It returns the kernel's cache folder, which lives in the
// module cache.
func Env(t testing.TB, p *Proxy, noSumDB string) string {
	home := t.TempDir()
	if os.Getenv("GOCACHE") == "" {
		// Keep the user's build cache: only module state is private.
		if d, err := os.UserCacheDir(); err == nil {
			t.Setenv("GOCACHE", filepath.Join(d, "go-build"))
		}
	}
	t.Setenv("GOPROXY", p.URL)
	t.Setenv("GONOSUMDB", noSumDB)
	t.Setenv("GOFLAGS", "-modcacherw")
	t.Setenv("GOPATH", filepath.Join(home, "gopath"))
	t.Setenv("GOMODCACHE", filepath.Join(home, "gopath", "pkg", "mod"))
	t.Setenv("GOTRAIN_CACHE", "")
	return filepath.Join(home, "gopath", "pkg", "mod", "cache", "gotrain")
}
