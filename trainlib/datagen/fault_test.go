package datagen

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

// A write that fails half way leaves neither the final file nor a temporary
// one.
func TestFailedWriteLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "train_data_0.csv")
	boom := errors.New("disk full")
	err := writeAtomic(path, false, func(w *bufio.Writer) error {
		w.WriteString("half a file")
		w.Flush()
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want %v", err, boom)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 0 {
		t.Errorf("files left behind: %v", left)
	}
}

// Interrupting a run after its first file: Generate returns the
// cancellation, every file it wrote is complete, and no temporary file stays.
func TestInterruptedRunKeepsCompleteFiles(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := small(dir, 9)
	c.Parallel = 1
	c.RowsPerShard = 5000
	c.Progress = func(p Progress) { cancel() }
	if _, err := Generate(ctx, c); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	tmp, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(tmp) != 0 {
		t.Errorf("temporary files left behind: %v", tmp)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) == 0 || len(files) == 6 {
		t.Fatalf("%d files written; the interrupt should stop the run part way", len(files))
	}
	for _, f := range files {
		if _, err := data.LoadFile(context.Background(), f, data.Options{Label: LabelName, BinaryLabel: true}); err != nil {
			t.Errorf("%s is not complete: %v", f, err)
		}
	}
}

// Interrupting a --force run over an earlier one leaves no file of the
// earlier run: old and new shards are never mixed.
func TestInterruptedForceRunDoesNotMix(t *testing.T) {
	dir := t.TempDir()
	first := generate(t, small(dir, 1))
	old := readAll(t, first.Files)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := small(dir, 2)
	c.Force, c.Parallel, c.RowsPerShard = true, 1, 5000
	c.Progress = func(p Progress) { cancel() }
	if _, err := Generate(ctx, c); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	for i, f := range first.Files {
		b, err := os.ReadFile(f)
		if err == nil && bytes.Equal(b, old[i]) {
			t.Errorf("%s of the earlier run is still there next to the new files", filepath.Base(f))
		}
	}
}
