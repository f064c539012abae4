package executor

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// popular are pure-Go modules users import, each with a cell using it and
// the value it must show.
var popular = []struct{ path, cell, want string }{
	{"github.com/google/uuid", `uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8").String()`, `"6ba7b810-9dad-11d1-80b4-00c04fd430c8"`},
	{"github.com/montanaflynn/stats", `stats.Mean([]float64{1, 2, 3, 4})`, "2.5"},
	{"gopkg.in/yaml.v3", "func() string { var m map[string]int; yaml.Unmarshal([]byte(\"a: 1\\nb: 2\"), &m); return fmt.Sprint(m[\"b\"]) }()", `"2"`},
	{"github.com/BurntSushi/toml", "func() string { var m map[string]int64; toml.Decode(\"a = 3\", &m); return fmt.Sprint(m[\"a\"]) }()", `"3"`},
	{"github.com/tidwall/gjson", `gjson.Get("{\"a\":{\"b\":[1,2,5]}}", "a.b.2").Int()`, "5"},
	// A generics-heavy utility library: type arguments inferred from
	// function literals.
	{"github.com/samber/lo", `fmt.Sprint(lo.Sum([]int{1, 2, 3}), lo.Map([]int{1, 2}, func(x int, _ int) string { return fmt.Sprint(x * 10) }), lo.Filter([]string{"a", "bb"}, func(s string, _ int) bool { return len(s) > 1 }), lo.Uniq([]int{1, 1, 2}), len(lo.GroupBy([]int{1, 2, 3}, func(x int) bool { return x%2 == 0 })), lo.Keys(map[string]int{"k": 1}))`, `"6 [10 20] [bb] [1 2] 2 [k]"`},
	{"golang.org/x/exp/slices", `slices.Index([]string{"a", "b"}, "b")`, "1"},
	{"github.com/dustin/go-humanize", `humanize.Comma(1234567)`, `"1,234,567"`},
	{"github.com/shopspring/decimal", `decimal.RequireFromString("1.10").Add(decimal.RequireFromString("2.205")).String()`, `"3.305"`},
}

// TestPopularModulesFromTheRealProxy imports popular modules from the
// public module proxy into one session of a real executor (so the compile
// route's switch happens), and logs the route each took. It runs only
// when GOTRAIN_NETWORK_TESTS=1, and then fails (never skips) when the
// proxy cannot be reached. Its module cache and the kernel's cache are
// private to the test; the build cache is the user's.
func TestPopularModulesFromTheRealProxy(t *testing.T) {
	if os.Getenv("GOTRAIN_NETWORK_TESTS") != "1" {
		t.Skip("opt-in: set GOTRAIN_NETWORK_TESTS=1 (needs the public Go module proxy)")
	}
	home := t.TempDir()
	if d, err := os.UserCacheDir(); err == nil && os.Getenv("GOCACHE") == "" {
		t.Setenv("GOCACHE", filepath.Join(d, "go-build"))
	}
	t.Setenv("GOFLAGS", "-modcacherw")
	t.Setenv("GOMODCACHE", filepath.Join(home, "mod"))
	t.Setenv("GOTRAIN_CACHE", "") // the kernel's cache is in the private module cache
	t.Chdir(t.TempDir())
	r := startRemote(t, 0)
	ctx := context.Background()
	var failed, routes []string
	if res := r.Execute(ctx, "import \"fmt\"\nfmt.Sprint(1)", &textOutput{}); res.Err != nil {
		t.Fatal(res.Err.Value)
	}
	for _, p := range popular {
		if only := os.Getenv("GOTRAIN_POPULAR"); only != "" && !strings.Contains(p.path, only) {
			continue // GOTRAIN_POPULAR=lo runs the modules whose path has "lo"
		}
		cctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
		out := &textOutput{}
		res := r.Execute(cctx, "import \""+p.path+"\"\n"+p.cell, out)
		cancel()
		for _, l := range strings.Split(out.stderr(), "\n") {
			if strings.Contains(l, ": interpreted") || strings.Contains(l, ": compiled") {
				routes = append(routes, l)
			}
		}
		switch {
		case res.Err != nil:
			failed = append(failed, p.path+": "+res.Err.Value)
		case res.Value["text/plain"] != p.want:
			failed = append(failed, p.path+": got "+res.Value["text/plain"].(string)+", want "+p.want)
		}
	}
	t.Logf("routes:\n%s", strings.Join(routes, "\n"))
	if len(failed) > 0 {
		t.Errorf("%d of %d popular modules failed:\n%s", len(failed), len(popular), strings.Join(failed, "\n"))
	}
}

// textOutput keeps a cell's stderr.
type textOutput struct {
	mu  sync.Mutex
	err strings.Builder
}

func (o *textOutput) Stream(name, text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if name == "stderr" {
		o.err.WriteString(text)
	}
}
func (o *textOutput) Display(exec.MIMEBundle, map[string]any, string, bool) {}
func (o *textOutput) ClearOutput(bool)                                      {}
func (o *textOutput) Input(string, bool) (string, error)                    { return "", exec.ErrNoStdin }
func (o *textOutput) stderr() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err.String()
}
