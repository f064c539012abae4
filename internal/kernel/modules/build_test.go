package modules_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/exec"
	"github.com/gotrain/gotrain/internal/kernel/executor"
	"github.com/gotrain/gotrain/internal/kernel/modules"
	"github.com/gotrain/gotrain/internal/kernel/modules/modtest"
)

// TestBuildExecutorCompilesAPackageIn builds an executor with
// example.test/fast (which the interpreter cannot load) compiled in, runs
// a cell using it in that executor, and asks again from a new resolver (a
// restarted kernel): the cached program, with no proxy request. Unlike
// the other tests it uses the machine's module cache (where gotrain's own
// dependencies are, so the test needs no network): with a private one,
// every dependency of the kernel would be extracted again and, its paths
// being new, compiled again (five minutes here instead of one). The
// fixtures it adds there are the test proxy's small example.test modules.
// It builds a kernel executor once.
func TestBuildExecutorCompilesAPackageIn(t *testing.T) {
	machine := modulesCacheDir(t)
	proxy := modtest.Serve(t, modtest.Fixtures())
	modtest.Env(t, proxy, modtest.NoSumDB)
	t.Setenv("GOMODCACHE", machine)
	t.Setenv("GOTRAIN_CACHE", t.TempDir()) // not the machine's module cache
	t.Setenv("GOPROXY", proxy.URL+",file://"+filepath.ToSlash(filepath.Join(machine, "cache", "download")))
	t.Chdir(t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	r := modules.New()
	defer r.Close()
	if _, err := r.Resolve(ctx, "example.test/fast", nil); err != nil {
		t.Fatal(err)
	}
	bin, err := r.BuildExecutor(ctx, []string{"example.test/fast"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := executor.Start(executor.Config{Binary: bin})
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Close()
	out := &textOut{}
	res := ex.Execute(ctx, "import \"example.test/fast\"\nfast.Sum([]float64{1, 2.5}) + fast.Sum(nil)", out)
	if res.Err != nil || res.Value["text/plain"] != "3.5" {
		t.Fatalf("cell in the built executor: %v %+v (%s)", res.Value, res.Err, out.String())
	}
	before := proxy.Requests()
	r2 := modules.New()
	defer r2.Close()
	if _, err := r2.Resolve(ctx, "example.test/fast", nil); err != nil {
		t.Fatal(err)
	}
	bin2, err := r2.BuildExecutor(ctx, []string{"example.test/fast"}, nil, nil)
	if err != nil || bin2 != bin || proxy.Requests() != before {
		t.Fatalf("second build: %s (first %s), %v, %d proxy requests", bin2, bin, err, proxy.Requests()-before)
	}
}

// modulesCacheDir is the machine's module cache, before the test's own.
func modulesCacheDir(t *testing.T) string {
	if d := os.Getenv("GOMODCACHE"); d != "" {
		return d
	}
	gp := os.Getenv("GOPATH")
	if gp == "" {
		home, _ := os.UserHomeDir()
		gp = filepath.Join(home, "go")
	}
	return filepath.Join(filepath.SplitList(gp)[0], "pkg", "mod")
}

// textOut keeps a cell's streamed text.
type textOut struct{ b strings.Builder }

func (o *textOut) Stream(_, text string)                                 { o.b.WriteString(text) }
func (o *textOut) Display(exec.MIMEBundle, map[string]any, string, bool) {}
func (o *textOut) ClearOutput(bool)                                      {}
func (o *textOut) Input(string, bool) (string, error)                    { return "", exec.ErrNoStdin }
func (o *textOut) String() string                                        { return o.b.String() }
