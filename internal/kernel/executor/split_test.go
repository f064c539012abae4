package executor

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/modules/modtest"
)

// TestSplitImportKeepsTheGenericAPI imports example.test/split, whose
// generic functions yaegi loads but one function of which (Three) it
// cannot: the package is interpreted from its source without Three, which
// is served from the package compiled into a new executor, so the generic
// functions stay usable (compiling the package whole would lose them),
// and Six and Repeat, which call Three, are interpreted and call the
// compiled one. Like TestBuildExecutorCompilesAPackageIn it uses the
// machine's module cache (gotrain's dependencies are there) and builds
// an executor once.
func TestSplitImportKeepsTheGenericAPI(t *testing.T) {
	machine := os.Getenv("GOMODCACHE")
	if machine == "" {
		home, _ := os.UserHomeDir()
		machine = filepath.Join(home, "go", "pkg", "mod")
	}
	proxy := modtest.Serve(t, modtest.Fixtures())
	modtest.Env(t, proxy, modtest.NoSumDB)
	t.Setenv("GOMODCACHE", machine)
	t.Setenv("GOPROXY", proxy.URL+",file://"+filepath.ToSlash(filepath.Join(machine, "cache", "download")))
	t.Setenv("GOTRAIN_CACHE", t.TempDir())
	t.Chdir(t.TempDir())
	r := startRemote(t, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if res := r.Execute(ctx, "func twice(x int) int { return 2 * x }", &textOutput{}); res.Err != nil {
		t.Fatal(res.Err.Value)
	}
	out := &textOutput{}
	res := r.Execute(ctx, "import (\n\t\"fmt\"\n\t\"example.test/split\"\n)\nfmt.Sprint(split.Sum(split.Map([]int{1, 2}, func(x int) int { return x * 10 })), split.Three(), split.Six(), split.Repeat(\"a\"), split.Label(1))", out)
	if res.Err != nil {
		t.Fatalf("%s: %s\n%s", res.Err.Name, res.Err.Value, out.stderr())
	}
	if got := res.Value["text/plain"]; got != `"30 3 6 [a a a]#1"` {
		t.Fatalf("value %v\n%s", got, out.stderr())
	}
	for _, want := range []string{
		"example.test/split v1.0.0: interpreted from source, but Three (compiled: the interpreter cannot load it): compiled into the executor (session restarted; kept: twice",
	} {
		if !strings.Contains(out.stderr(), want) {
			t.Fatalf("route line %q missing from:\n%s", want, out.stderr())
		}
	}
	// A later cell: the generic API with inferred type arguments, the
	// compiled Three, a function of the session.
	res = r.Execute(ctx, "len(split.Repeat(2.5)) + twice(split.Three()) + split.Sum([]int{1, 2})", out)
	if res.Err != nil || res.Value["text/plain"] != "12" {
		t.Fatalf("later cell: %v %+v", res.Value, res.Err)
	}
}

// TestCompiledImportSharesTypesWithTheOtherImports imports
// example.test/shout, which the interpreter loads but for its import
// example.test/style/title (compiled in, the package stays interpreted):
// shout hands title a tag.Tag, so tag, which shout imports too, is
// compiled in with it — interpreted, its Tag would be another type than
// the compiled title's.
func TestCompiledImportSharesTypesWithTheOtherImports(t *testing.T) {
	machine := os.Getenv("GOMODCACHE")
	if machine == "" {
		home, _ := os.UserHomeDir()
		machine = filepath.Join(home, "go", "pkg", "mod")
	}
	proxy := modtest.Serve(t, modtest.Fixtures())
	modtest.Env(t, proxy, modtest.NoSumDB)
	t.Setenv("GOMODCACHE", machine)
	t.Setenv("GOPROXY", proxy.URL+",file://"+filepath.ToSlash(filepath.Join(machine, "cache", "download")))
	t.Setenv("GOTRAIN_CACHE", t.TempDir())
	t.Chdir(t.TempDir())
	r := startRemote(t, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	out := &textOutput{}
	res := r.Execute(ctx, "import \"example.test/shout\"\nshout.It(\"hey\")", out)
	if res.Err != nil || res.Value["text/plain"] != `"loud:HEYHEYHEY"` {
		t.Fatalf("%v %+v\n%s", res.Value, res.Err, out.stderr())
	}
	if want := "example.test/shout v1.0.0: interpreted from source; its import example.test/style/title, example.test/style/tag: compiled into the executor"; !strings.Contains(out.stderr(), want) {
		t.Fatalf("route line %q missing from:\n%s", want, out.stderr())
	}
}
