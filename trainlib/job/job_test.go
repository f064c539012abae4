package job

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFitSuggestsWhatFits(t *testing.T) {
	for _, c := range []struct{ spawn, cpus, wantA, wantC int }{
		{3, 2, 2, 1}, {3, 12, 3, 4}, {1, 8, 1, 8}, {4, 1, 1, 1},
	} {
		a, p := Fit(c.spawn, c.cpus)
		if a != c.wantA || p != c.wantC {
			t.Errorf("Fit(%d, %d) = %d, %d; want %d, %d", c.spawn, c.cpus, a, p, c.wantA, c.wantC)
		}
	}
	err := Config{DataDir: "d", OutDir: "o", Spawn: 1 << 20, CPUsPerWorker: 1}.withDefaults().check()
	var ce *CPUError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "--cpus-per-worker") {
		t.Fatalf("check = %v, want a CPUError with a suggestion", err)
	}
	for _, c := range []Config{{Addresses: []string{"h:1"}}, {Ray: "auto"}} {
		c.DataDir, c.OutDir, c.Spawn, c.CPUsPerWorker = "d", "o", 1<<20, 1
		if err := c.withDefaults().check(); err != nil {
			t.Errorf("workers elsewhere (%+v): check = %v; the CPU check is theirs", c, err)
		}
	}
}

func TestEnsureDataRefusesAPartialFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, TestFile), []byte("a,credit\n1,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gen, err := EnsureData(context.Background(), dir, 0, nil)
	if gen || err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("EnsureData = %v, %v; want an error naming the remedy", gen, err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, TestFile))
	if string(b) != "a,credit\n1,0\n" {
		t.Fatal("the existing file was changed")
	}
}

func TestEnsureDataNamesARelativeFolderAbsolutely(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("data", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("data", "train_data_0.csv"), []byte("a,credit\n1,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := EnsureData(context.Background(), "data", 0, nil)
	want := "--out " + filepath.Join(dir, "data") + " --force"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "0 validation_data_*.csv and no test_data.csv") {
		t.Fatalf("EnsureData = %v; want the absolute folder in the remedy (%q) and what is missing", err, want)
	}
}

func TestEnsureDataGeneratesOnce(t *testing.T) {
	dir := t.TempDir()
	var log strings.Builder
	gen, err := EnsureData(context.Background(), dir, 1, &log)
	if err != nil || !gen || !strings.Contains(log.String(), "generating") {
		t.Fatalf("first EnsureData = %v, %v, log %q", gen, err, log.String())
	}
	gen, err = EnsureData(context.Background(), dir, 1, nil)
	if err != nil || gen {
		t.Fatalf("second EnsureData = %v, %v; want the data reused", gen, err)
	}
}

func TestNilTrackingClosesQuietly(t *testing.T) {
	var tr *Tracking // what a failed ConnectMLflow returns
	if err := tr.Close(); err != nil {
		t.Fatalf("Close on nil = %v, want nil", err)
	}
}

func TestConnectMLflowWithoutMLflowSaysTheWayOutOnce(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no mlflow command anywhere
	t.Setenv("MLFLOW_TRACKING_URI", "")
	t.Chdir(t.TempDir())
	j := &Job{cfg: Config{OutDir: t.TempDir()}}
	tr, err := j.ConnectMLflow(context.Background())
	if err == nil {
		tr.Close()
		t.Fatal("ConnectMLflow found an mlflow command; want an error")
	}
	if n := strings.Count(err.Error(), "MLFLOW_TRACKING_URI"); n != 1 {
		t.Fatalf("error names MLFLOW_TRACKING_URI %d times, want once: %v", n, err)
	}
	if err := tr.Close(); err != nil {
		t.Fatalf("closing the failed connection: %v", err)
	}
}
