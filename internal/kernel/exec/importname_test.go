package exec

import (
	"strings"
	"testing"
)

// A package imported in one cell is known by its own name in the next,
// also when that is not its path's last element (math/rand/v2 is rand):
// before, the session remembered it as v2 and the next cell answered
// "undefined: rand".
func TestImportedPackageKeepsItsNameInLaterCells(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "math/rand/v2"`)
	if res, _ := mustRun(t, s, `rand.IntN(1)`); plain(res) != "0" {
		t.Errorf("rand.IntN(1) = %q, want 0", plain(res))
	}
}

func TestAssumedImportName(t *testing.T) {
	for path, want := range map[string]string{
		"fmt":                           "fmt",
		"math/rand/v2":                  "rand",
		"gopkg.in/yaml.v3":              "yaml",
		"github.com/mattn/go-isatty":    "isatty",
		"github.com/example/v2":         "example",
		"example.com/mod/v3/pkg":        "pkg",
		"github.com/tidwall/gjson":      "gjson",
		"github.com/dustin/go-humanize": "humanize",
	} {
		if got := assumedImportName(path); got != want {
			t.Errorf("assumedImportName(%q) = %q, want %q", path, got, want)
		}
	}
}

// A path a later cell imports under another name keeps its first name:
// both work, in that cell and after, checked (a mistake with either reads
// as Go's). The second import replaced the first name, and `rand.IntN`
// was `undefined: rand`.
func TestImportPathUnderSecondName(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "math/rand/v2"`)
	_, r := mustRun(t, s, `import (
	"fmt"
	mr "math/rand/v2"
)
fmt.Println(rand.IntN(1), mr.IntN(1))`)
	if got := r.text("stdout"); got != "0 0\n" {
		t.Errorf("printed %q, want %q", got, "0 0\n")
	}
	_, r = mustRun(t, s, `fmt.Println(rand.IntN(1) + mr.IntN(1))`)
	if got := r.text("stdout"); got != "0\n" {
		t.Errorf("printed %q, want %q", got, "0\n")
	}
	res, _ := run(t, s, `var s string = mr.IntN(2)`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "cannot use mr.IntN(2) (value of type int) as string value") {
		t.Errorf("a mistake with the second name: %v", res.Err)
	}
}
