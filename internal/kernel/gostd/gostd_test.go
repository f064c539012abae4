package gostd

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// Nested standard packages (math/rand/v2, sync/atomic) are keyed by their
// whole import path, and served under it; a folder that only leads to a
// package (math, math/rand) is none.
func TestNestedStdPackages(t *testing.T) {
	if !Has("math/rand/v2", "N") || !Has("sync/atomic", "Pointer") || !Has("sync", "OnceValue") {
		t.Fatalf("packages: %v", Packages())
	}
	for _, p := range []string{"math", "math/rand", "rand", "atomic"} {
		if _, ok := Path(p); ok {
			t.Errorf("%s has a path", p)
		}
	}
	p, ok := Path("math/rand/v2")
	if !ok || p != Prefix+"/math/rand/v2" {
		t.Fatalf("path %q %v", p, ok)
	}
	src, err := fs.ReadFile(FS("/gp", fstest.MapFS{}), "/gp/src/"+p+"/rand.go")
	if err != nil || len(src) == 0 {
		t.Fatalf("served source: %v", err)
	}
}
