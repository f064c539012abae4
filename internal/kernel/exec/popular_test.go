package exec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// popular are pure-Go modules users import, each with a cell using it and
// the value it must show.
var popular = []struct{ path, cell, want string }{
	{"github.com/google/uuid", `uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8").String()`, `"6ba7b810-9dad-11d1-80b4-00c04fd430c8"`},
	{"github.com/montanaflynn/stats", `stats.Mean([]float64{1, 2, 3, 4})`, "2.5"},
	{"gopkg.in/yaml.v3", "func() string { var m map[string]int; yaml.Unmarshal([]byte(\"a: 1\\nb: 2\"), &m); return fmtInt(m[\"b\"]) }()", `"2"`},
	{"github.com/BurntSushi/toml", "func() string { var m map[string]int64; toml.Decode(\"a = 3\", &m); return fmtInt(int(m[\"a\"])) }()", `"3"`},
	{"github.com/tidwall/gjson", `gjson.Get("{\"a\":{\"b\":[1,2,5]}}", "a.b.2").Int()`, "5"},
	{"github.com/samber/lo", `lo.Sum[int]([]int{1, 2, 3})`, "6"},
	{"github.com/dustin/go-humanize", `humanize.Comma(1234567)`, `"1,234,567"`},
	{"github.com/shopspring/decimal", `decimal.RequireFromString("1.10").Add(decimal.RequireFromString("2.205")).String()`, `"3.305"`},
}

// TestPopularModulesFromTheRealProxy imports popular modules from the
// public module proxy. It runs only when GOTRAIN_NETWORK_TESTS=1, and then
// fails (never skips) when the proxy cannot be reached. Its module cache
// and the kernel's cache are private to the test.
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
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
	t.Chdir(t.TempDir())
	// Reported at the end, all at once.
	var failed, routes []string
	t.Cleanup(func() {
		t.Logf("routes:\n%s", strings.Join(routes, "\n"))
		if len(failed) > 0 {
			t.Errorf("%d of %d popular modules failed:\n%s", len(failed), len(popular), strings.Join(failed, "\n"))
		}
	})
	// fd 1 and 2 stay the test's, for its log.
	s, err := New(Options{NoFDCapture: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustRun(t, s, "import (\n\t\"fmt\"\n)\nfunc fmtInt(i int) string { return fmt.Sprint(i) }")
	for _, p := range popular {
		name := p.path[strings.LastIndex(p.path, "/")+1:]
		switch name {
		case "yaml.v3":
			name = "yaml"
		case "go-humanize":
			name = "humanize"
		}
		res, r := runWithin(t, s, "import \""+p.path+"\"\n"+p.cell, 5*time.Minute)
		route := strings.TrimSpace(r.text("stderr"))
		if res.Err != nil {
			failed = append(failed, p.path+": "+res.Err.Value)
			continue
		}
		if got := plain(res); got != p.want {
			failed = append(failed, p.path+": got "+got+", want "+p.want)
			continue
		}
		routes = append(routes, route[strings.LastIndex(route, "\n")+1:])
		_ = name
	}
}
