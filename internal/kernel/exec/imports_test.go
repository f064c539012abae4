package exec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/modules/modtest"
)

// importSession is a session in a fresh notebook folder whose go command
// uses the test proxy.
func importSession(t *testing.T) (*Session, *modtest.Proxy, string) {
	proxy := modtest.Serve(t, modtest.Fixtures())
	modtest.Env(t, proxy, modtest.NoSumDB)
	nb := t.TempDir()
	t.Chdir(nb)
	return newSession(t), proxy, nb
}

func TestImportInterpretsAModuleWithADependency(t *testing.T) {
	s, _, _ := importSession(t)
	res, r := runWithin(t, s, "import (\n\t\"fmt\"\n\t\"example.test/greet\"\n)\ngreet.Hello(\"go\") + \" \" + fmt.Sprint(greet.Double(21))", time.Minute)
	if res.Err != nil {
		t.Fatalf("%s: %s", res.Err.Name, res.Err.Value)
	}
	if got := plain(res); got != `"hello go from v1.1.0 42"` {
		t.Fatalf("value %s", got)
	}
	if !strings.Contains(r.text("stderr"), "example.test/greet v1.1.0: interpreted from source") {
		t.Fatalf("route line missing: %q", r.text("stderr"))
	}
	// Completion and inspect come from the module's source.
	c := s.Complete("greet.He", 8)
	if len(c.Matches) != 1 || c.Matches[0] != "Hello" {
		t.Fatalf("completion %v", c.Matches)
	}
	doc, ok := s.Inspect("greet.Hello", 9, 0)
	if !ok || !strings.Contains(doc["text/plain"].(string), "Hello greets name") {
		t.Fatalf("inspect %v", doc)
	}
	res, r = mustRun(t, s, "%mod")
	if out := r.text("stdout"); !strings.Contains(out, "example.test/greet v1.1.0") || !strings.Contains(out, "example.test/dep v1.0.0") || !strings.Contains(out, "interpreted from source") {
		t.Fatalf("%%mod: %q", out)
	}
}

func TestImportGenerics(t *testing.T) {
	s, _, _ := importSession(t)
	res, _ := runWithin(t, s, "import (\n\t\"fmt\"\n\t\"example.test/gen\"\n)\nst := &gen.Stack[string]{}\nst.Push(\"a\")\nfmt.Sprint(gen.Map[int, string]([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 10) }), gen.Sum([]float64{1.5, 2}), st.Len())", time.Minute)
	if res.Err != nil {
		t.Fatalf("%s: %s", res.Err.Name, res.Err.Value)
	}
	if got := plain(res); got != `"[10 20] 3.5 1"` {
		t.Fatalf("value %s", got)
	}
}

func TestGetPinsAVersionAndModSaveWritesIt(t *testing.T) {
	s, _, nb := importSession(t)
	_, r := mustRun(t, s, "%get example.test/greet@v1.0.0")
	if !strings.Contains(r.text("stdout"), "example.test/greet v1.0.0") {
		t.Fatalf("%%get: %q", r.text("stdout"))
	}
	res, _ := runWithin(t, s, "import \"example.test/greet\"\ngreet.Hello(\"x\")", time.Minute)
	if res.Err != nil || plain(res) != `"hello x from v1.0.0"` {
		t.Fatalf("%v %v", plain(res), res.Err)
	}
	if _, err := os.Stat(filepath.Join(nb, "go.mod")); !os.IsNotExist(err) {
		t.Fatal("go.mod written before %mod save")
	}
	mustRun(t, s, "%mod save")
	gomod, err := os.ReadFile(filepath.Join(nb, "go.mod"))
	if err != nil || !strings.Contains(string(gomod), "example.test/greet v1.0.0") {
		t.Fatalf("go.mod %s %v", gomod, err)
	}
}

func TestBrokenAndMissingModulesAreRefusedAndTheSessionGoesOn(t *testing.T) {
	s, _, _ := importSession(t)
	mustRun(t, s, "kept := 5")
	res, _ := runWithin(t, s, "import \"example.test/broken\"\nbroken.N", time.Minute)
	if res.Err == nil || res.Err.Name != "ImportError" || !strings.Contains(res.Err.Value, "example.test/broken v1.0.0 does not compile for") || !strings.Contains(res.Err.Value, "cannot use \"not a number\"") {
		t.Fatalf("broken: %+v", res.Err)
	}
	res, _ = runWithin(t, s, "import \"example.test/fast\"\nfast.Ticking()", time.Minute)
	if res.Err == nil || !strings.Contains(res.Err.Value, "example.test/fast v1.0.0 cannot be interpreted") || !strings.Contains(res.Err.Value, "unsafe") {
		t.Fatalf("fast: %+v", res.Err)
	}
	res, _ = runWithin(t, s, "import \"example.test/missing/pkg\"", time.Minute)
	if res.Err == nil || !strings.Contains(res.Err.Value, "was not found") {
		t.Fatalf("missing: %+v", res.Err)
	}
	if res, _ := mustRun(t, s, "kept + 1"); plain(res) != "6" {
		t.Fatalf("session lost its state: %s", plain(res))
	}
}

// TestImportGenericsInferred calls a source-interpreted package's generic
// functions the way a utility library is used: type arguments inferred
// from function literals and from each other, which yaegi alone cannot do
// (the checker writes them out).
func TestImportGenericsInferred(t *testing.T) {
	s, _, _ := importSession(t)
	res, _ := runWithin(t, s, `import (
	"fmt"
	"strings"
	"example.test/gen"
)
words := []string{"go", "gopher", "yaegi", "kernel", "cell"}
long := gen.Filter(words, func(w string) bool { return len(w) > 3 })
lens := gen.Map(long, func(w string) int { return len(w) })
total := gen.Reduce(lens, func(acc int, n int) int { return acc + n }, 0)
byFirst := gen.GroupBy(words, func(w string) string { return w[:1] })
pairs := gen.Zip(long, lens)
fmt.Sprintf("%s %v %d %d %s=%d %d", strings.Join(long, ","), lens, total, len(byFirst["g"]), pairs[0].First, pairs[0].Second, gen.Sum(lens))`, time.Minute)
	if res.Err != nil {
		t.Fatalf("%s: %s", res.Err.Name, res.Err.Value)
	}
	if got := plain(res); got != `"gopher,yaegi,kernel,cell [6 5 6 4] 21 2 gopher=6 21"` {
		t.Fatalf("value %s", got)
	}
	// The package's own code infers type arguments from a function
	// literal's result (gen.Labels calls Map): the kernel writes them out
	// in the source yaegi reads, else the package would not load.
	if res, _ := mustRun(t, s, "gen.Labels([]int{1, 2})"); plain(res) != `[#1 #2]` {
		t.Fatalf("Labels: %s", plain(res))
	}
	// Inside the package, a generic call whose type argument is an
	// instance of a two-parameter generic type (Id in gen.Heads) is left
	// to yaegi's inference: written out, yaegi's compiler panicked.
	if res, _ := mustRun(t, s, `fmt.Sprint(gen.Heads([][]gen.Pair[string, int]{{{"a", 1}}, {{"b", 2}, {"c", 3}}}))`); plain(res) != `"[{a 1} {b 2}]"` {
		t.Fatalf("Heads: %s", plain(res))
	}
	// A later cell, with the package imported before.
	res, _ = runWithin(t, s, `gen.Map(gen.Filter([]int{1, 2, 3, 4}, func(i int) bool { return i%2 == 0 }), func(i int) string { return fmt.Sprint(i * i) })`, time.Minute)
	if res.Err != nil || plain(res) != `[4 16]` {
		t.Fatalf("later cell: %s %+v", plain(res), res.Err)
	}
}

// TestImportGenericsConstrainedByAnotherPackage calls generic functions
// whose constraints are another package's interfaces (as samber/lo's Sum
// is): yaegi v0.16.1 panics instantiating them ("CFG post-order panic")
// unless the kernel writes the type sets out in the source it reads.
func TestImportGenericsConstrainedByAnotherPackage(t *testing.T) {
	s, _, _ := importSession(t)
	res, r := runWithin(t, s, "import (\n\t\"fmt\"\n\t\"example.test/nums\"\n)\nfmt.Sprint(nums.Sum([]int{1, 2, 3}), nums.Sum([]float64{0.5, 2}), nums.Max(3, 9, 4))", time.Minute)
	if res.Err != nil {
		t.Fatalf("%s: %s\n%s", res.Err.Name, res.Err.Value, r.text("stderr"))
	}
	if got := plain(res); got != `"6 2.5 9"` {
		t.Fatalf("value %s", got)
	}
}

// TestGetUpdateMovesToTheNewest pins an old version, then %get -u moves
// the session to the newest, which the next import uses.
func TestGetUpdateMovesToTheNewest(t *testing.T) {
	s, _, _ := importSession(t)
	mustRun(t, s, "%get example.test/greet@v1.0.0")
	_, r := mustRun(t, s, "%get -u")
	if out := r.text("stdout"); !strings.Contains(out, "example.test/greet v1.1.0") {
		t.Fatalf("%%get -u: %q", out)
	}
	res, _ := runWithin(t, s, "import \"example.test/greet\"\ngreet.Hello(\"x\")", time.Minute)
	if res.Err != nil || plain(res) != `"hello x from v1.1.0"` {
		t.Fatalf("after %%get -u: %s %+v", plain(res), res.Err)
	}
	if _, r := mustRun(t, s, "%mod"); !strings.Contains(r.text("stdout"), "example.test/greet v1.1.0") {
		t.Fatalf("%%mod: %q", r.text("stdout"))
	}
}

// TestImportWithoutTheGoCommand: a kernel on a machine without Go says
// so at the import, and the session goes on.
func TestImportWithoutTheGoCommand(t *testing.T) {
	proxy := modtest.Serve(t, modtest.Fixtures())
	modtest.Env(t, proxy, modtest.NoSumDB)
	t.Chdir(t.TempDir())
	t.Setenv("PATH", t.TempDir()) // no go there
	s := newSession(t)
	mustRun(t, s, "kept := 5")
	res, _ := runWithin(t, s, "import \"example.test/greet\"\ngreet.Hello(\"x\")", time.Minute)
	if res.Err == nil || res.Err.Name != "ImportError" || !strings.Contains(res.Err.Value, "the go command is not installed (not found on PATH)") {
		t.Fatalf("without go: %+v", res.Err)
	}
	if !strings.Contains(res.Err.Value, "https://go.dev/dl") {
		t.Fatalf("no remedy in %q", res.Err.Value)
	}
	if res, _ := mustRun(t, s, "kept + 1"); plain(res) != "6" {
		t.Fatalf("session lost its state: %s", plain(res))
	}
}

// TestOfflineImportsWhatTheCacheHas: with the proxy turned off
// (GOPROXY=off) or unreachable, a module the cache has imports in a new
// session, and one it lacks is refused saying the proxy cannot be reached.
func TestOfflineImportsWhatTheCacheHas(t *testing.T) {
	s, _, _ := importSession(t)
	if res, _ := runWithin(t, s, "import \"example.test/greet\"\ngreet.Double(2)", time.Minute); res.Err != nil {
		t.Fatalf("%+v", res.Err)
	}
	for _, proxy := range []string{"off", "http://127.0.0.1:1"} {
		t.Setenv("GOPROXY", proxy)
		s := newSession(t)
		res, _ := runWithin(t, s, "import \"example.test/greet\"\ngreet.Double(4)", time.Minute)
		if res.Err != nil || plain(res) != "8" {
			t.Fatalf("GOPROXY=%s, cached: %s %+v", proxy, plain(res), res.Err)
		}
		res, _ = runWithin(t, s, "import \"example.test/gen\"", time.Minute)
		if res.Err == nil || !strings.Contains(res.Err.Value, "cannot download example.test/gen: the module proxy cannot be reached (GOPROXY="+proxy+")") {
			t.Fatalf("GOPROXY=%s, not cached: %+v", proxy, res.Err)
		}
	}
}

// TestImportOnlyCellOfAPackageNamedOtherwise: a cell that only imports a
// package whose name is not its path's last element (gopkg.in/yaml.v3 is
// yaml) runs, as any import-only cell does — the compile route's switch
// replays such cells.
func TestImportOnlyCellOfAPackageNamedOtherwise(t *testing.T) {
	s, _, _ := importSession(t)
	if res, _ := runWithin(t, s, "import \"example.test/words.v2\"", time.Minute); res.Err != nil {
		t.Fatalf("%+v", res.Err)
	}
	if res, _ := mustRun(t, s, "words.Count(\"a b c\")"); plain(res) != "3" {
		t.Fatalf("words.Count = %s", plain(res))
	}
}
