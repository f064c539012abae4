package exec

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/gotrain/gotrain/internal/kernel/modules"
	"github.com/gotrain/gotrain/internal/kernel/modules/modtest"
)

// TestSplitSearchFindsWhatTheInterpreterCannotLoad: example.test/split
// does not load (yaegi panics, naming no position, on Three's range over
// an integer); the search finds Three by bisection, and without the
// compiled half (this program has none) Six and Repeat, which call it, go
// too, while Map and Sum stay interpreted.
func TestSplitSearchFindsWhatTheInterpreterCannotLoad(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "split.go"), []byte(modtest.SplitSource), 0o644); err != nil {
		t.Fatal(err)
	}
	deps := []modules.Module{{Path: "example.test/split", Version: "v1.0.0", Dir: dir}}
	if probeLoad("example.test/split", modules.Fixed(deps), nil) == nil {
		t.Fatal("the fixture loads whole: it no longer tests a split")
	}
	plan, err := splitSearch("example.test/split", deps)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(plan.Seeds, plan.Compiled, plan.Lost, plan.Generic); got != "[Three] [] [Repeat Six Three] [Map Sum]" {
		t.Fatalf("plan %s", got)
	}
	if got := plan.describe(); got != "; not available: Repeat, Six, Three (the interpreter cannot load them and they cannot be served compiled: generic, or of unexported or interpreted types)" {
		t.Fatalf("describe %q", got)
	}
}

// TestSplitSearchSkipsPackagesWithoutGenerics: example.test/fast has no
// generic API, so it is compiled whole, not searched.
func TestSplitSearchSkipsPackagesWithoutGenerics(t *testing.T) {
	dir := t.TempDir()
	src := "package fast\n\nfunc Three() int {\n\tn := 0\n\tfor range 3 {\n\t\tn++\n\t}\n\treturn n\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "fast.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := splitSearch("example.test/fast", []modules.Module{{Path: "example.test/fast", Version: "v1.0.0", Dir: dir}}); err == nil {
		t.Fatal("a package without generics was split")
	}
}
