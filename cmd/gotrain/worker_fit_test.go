package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFitOnWorkersMatchesInProcess runs fit's in-process path and
// fitWorkers on two spawned workers (internal/workerbin, the code of
// `gotrain worker`) over the same shards and compares the model files.
func TestFitOnWorkersMatchesInProcess(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "worker")
	build := exec.Command("go", "build", "-o", bin, "github.com/gotrain/gotrain/trainlib/cluster/internal/workerbin")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOTRAIN_BIN", bin)
	for s := 0; s < 3; s++ {
		var b strings.Builder
		b.WriteString("a,b,c,y\n")
		for r := 0; r < 200; r++ {
			x := (r*7 + s*13) % 17
			fmt.Fprintf(&b, "%d,%d,%d,%d\n", x, (r*3+s)%5, r%11, (x+r%3)%2)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("train_%d.csv", s)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f := fitFlags{train: filepath.Join(dir, "train_*.csv"), label: "y", sep: ",", rounds: 4, quiet: true,
		valid: listFlag{"val=" + filepath.Join(dir, "train_[01].csv")}}
	f.out = filepath.Join(dir, "local.json")
	if err := fit(context.Background(), f, io.Discard); err != nil {
		t.Fatal(err)
	}
	f.out = filepath.Join(dir, "workers.json")
	f.quiet = false
	var out bytes.Buffer
	if err := fitWorkers(context.Background(), &clusterFlags{spawn: 2, cpus: 1}, f, &out); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "local.json"))
	b, _ := os.ReadFile(filepath.Join(dir, "workers.json"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatal("fit on 2 workers wrote a different model than fit in process")
	}
	for _, want := range []string{"[3]\ttrain-logloss:", "val-logloss:", "127.0.0.1:", "idle", "wrote "} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("output lacks %q:\n%s", want, out.String())
		}
	}
	err := fitWorkers(context.Background(), &clusterFlags{spawn: 4, cpus: 1}, f, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "3 train file(s) for 4 workers") {
		t.Fatalf("4 workers for 3 files: %v", err)
	}
}
