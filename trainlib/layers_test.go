package trainlib

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/gotrain/gotrain/"

// layers lists trainlib's packages lowest first, as doc.go does: a package
// may import only packages before it in this list.
var layers = []string{
	"trainlib/cellctx",
	"trainlib/metric",
	"trainlib/data",
	"trainlib/datasets",
	"trainlib/datagen",
	"trainlib/model",
	"trainlib/gbdt",
	"trainlib/track",
	"trainlib/explain/chart",
	"trainlib/explain",
	"trainlib/frame",
	"trainlib/tune",
	"trainlib/cluster",
	"trainlib/job",
}

// The layers below cluster train, explain and tune in one process: they
// must not drag in the network stack.
var noNetwork = []string{
	"trainlib/metric", "trainlib/data", "trainlib/model", "trainlib/gbdt",
	"trainlib/track", "trainlib/explain", "trainlib/frame", "trainlib/tune",
}

// layerOf returns the index of the layer pkg belongs to: the longest
// listed path that is pkg or a parent of it (cluster/wire is part of
// cluster), or -1.
func layerOf(pkg string) int {
	best := -1
	for i, l := range layers {
		if (pkg == l || strings.HasPrefix(pkg, l+"/")) && (best < 0 || len(l) > len(layers[best])) {
			best = i
		}
	}
	return best
}

// deps returns the packages pkg imports, directly or not, as go list
// -deps sees them.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", module+pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}

func TestLayersPointDown(t *testing.T) {
	for i, pkg := range layers {
		for _, d := range deps(t, pkg) {
			rel, ok := strings.CutPrefix(d, module)
			if !ok || layerOf(rel) == i || strings.Contains(rel, "/internal/") {
				continue
			}
			if j := layerOf(rel); j < 0 || j > i {
				t.Errorf("%s imports %s, which is not a layer below it (trainlib/doc.go)", pkg, rel)
			}
		}
	}
}

func TestLowerLayersStayOffTheNetwork(t *testing.T) {
	for _, pkg := range noNetwork {
		for _, d := range deps(t, pkg) {
			if strings.HasPrefix(d, "google.golang.org/grpc") || d == module+"trainlib/cluster" {
				t.Errorf("%s depends on %s; only cluster and above may", pkg, d)
			}
		}
	}
}

func TestTrainlibNeverImportsTheKernel(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", module+"trainlib/...").Output()
	if err != nil {
		t.Fatalf("go list -deps trainlib/...: %v", err)
	}
	for _, d := range strings.Fields(string(out)) {
		if strings.HasPrefix(d, module+"kernel") || strings.HasPrefix(d, module+"internal/") {
			t.Errorf("trainlib depends on %s; the kernel imports trainlib, never the reverse", d)
		}
	}
}
