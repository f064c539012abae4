//go:build unix

package track

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeExecutable writes an executable shell script called mlflow in dir.
func fakeExecutable(t *testing.T, dir, script string) string {
	t.Helper()
	p := filepath.Join(dir, "mlflow")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFindMLflowInTheProjectVenv(t *testing.T) {
	root := t.TempDir()
	bin := filepath.Join(root, ".venv", "bin")
	os.MkdirAll(bin, 0o755)
	want := fakeExecutable(t, bin, "exit 0")
	sub := filepath.Join(root, "notebooks")
	os.MkdirAll(sub, 0o755)
	t.Setenv("PATH", t.TempDir()) // no mlflow on PATH
	t.Chdir(sub)
	got, err := FindMLflow()
	if err != nil || got != want {
		t.Fatalf("FindMLflow() = %q, %v; want %q", got, err, want)
	}
	t.Chdir(t.TempDir())
	if _, err := FindMLflow(); err == nil || !strings.Contains(err.Error(), "pip install mlflow") {
		t.Fatalf("without mlflow: %v, want the install remedy", err)
	}
}

func TestStartLocalServerReportsAServerThatDies(t *testing.T) {
	exe := fakeExecutable(t, t.TempDir(), `echo "sqlite: unable to open database" >&2; exit 3`)
	dir := t.TempDir()
	_, err := StartLocalServer(context.Background(), dir, ServerOptions{Executable: exe})
	if err == nil || !strings.Contains(err.Error(), "unable to open database") || !strings.Contains(err.Error(), "mlflow-server.log") {
		t.Fatalf("dying server: %v; want its log's last lines and the log's path", err)
	}
}

func TestStartLocalServerGivesUpOnASilentServer(t *testing.T) {
	exe := fakeExecutable(t, t.TempDir(), `exec sleep 600`)
	_, err := StartLocalServer(context.Background(), t.TempDir(), ServerOptions{Executable: exe, StartTimeout: 300 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "did not answer") {
		t.Fatalf("silent server: %v", err)
	}
}

func TestConnectUsesTheEnvironmentFirst(t *testing.T) {
	f := newFakeMLflow(t)
	t.Setenv(EnvTrackingURI, f.srv.URL)
	t.Setenv(EnvExperimentName, "credit")
	cfg, srv, err := Connect(context.Background(), t.TempDir())
	if err != nil || srv != nil || cfg.TrackingURI != f.srv.URL || cfg.ExperimentName != "credit" {
		t.Fatalf("Connect: %+v %v %v", cfg, srv, err)
	}
	t.Setenv(EnvTrackingURI, "http://127.0.0.1:1")
	if _, _, err := Connect(context.Background(), t.TempDir()); err == nil || !strings.Contains(err.Error(), "does not answer") {
		t.Fatalf("Connect to nothing: %v", err)
	}
}
