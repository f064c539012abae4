package exec

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// notebookCells returns the code cells of an .ipynb file, in order.
func notebookCells(t *testing.T, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var nb struct {
		Cells []struct {
			Type   string          `json:"cell_type"`
			Source json.RawMessage `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(raw, &nb); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var cells []string
	for i, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		// nbformat allows a string or a list of lines.
		var lines []string
		if err := json.Unmarshal(c.Source, &lines); err != nil {
			var one string
			if err := json.Unmarshal(c.Source, &one); err != nil {
				t.Fatalf("%s: cell %d: source is neither a string nor a list of strings: %v", path, i, err)
			}
			lines = []string{one}
		}
		cells = append(cells, strings.Join(lines, ""))
	}
	return cells
}

// TestTourNotebookRuns executes every code cell of the tour notebook in
// one session, in order, and requires each to succeed.
func TestTourNotebookRuns(t *testing.T) {
	runNotebook(t, filepath.Join("..", "..", "..", "notebooks", "00-tour.ipynb"))
}

// TestDistributedNotebookRuns does the same for the distributed-training
// notebook, whose workers are processes of a gotrain binary built here
// (GOTRAIN_BIN), writing its data and results in a temporary directory.
// (02 also needs MLflow; tests/notebooks runs it end to end with nbclient.)
func TestDistributedNotebookRuns(t *testing.T) {
	path, err := filepath.Abs(filepath.Join("..", "..", "..", "notebooks", "01-distributed-training.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "gotrain")
	build := exec.Command("go", "build", "-o", bin, "./cmd/gotrain")
	build.Dir = filepath.Join("..", "..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/gotrain: %v\n%s", err, out)
	}
	t.Setenv("GOTRAIN_BIN", bin)
	t.Chdir(t.TempDir())
	runNotebook(t, path)
}

// runNotebook executes every code cell of an .ipynb in one session, in
// order, and requires each to succeed without an error output.
func runNotebook(t *testing.T, path string) {
	t.Helper()
	cells := notebookCells(t, path)
	if len(cells) < 5 {
		t.Fatalf("%s has %d code cells; expected the tour", path, len(cells))
	}
	s := newSession(t)
	for i, code := range cells {
		// Training and tuning cells under the race detector on a loaded
		// 2-core machine took more than run's 20 s (interrupted, failed).
		res, r := runWithin(t, s, code, 5*time.Minute)
		if res.Err != nil {
			t.Fatalf("%s: code cell %d failed: %s: %s\n%s\n--- cell ---\n%s", path, i+1, res.Err.Name, res.Err.Value, strings.Join(res.Err.Traceback, "\n"), code)
		}
		if strings.HasPrefix(plain(res), "&{0x") {
			t.Errorf("%s: code cell %d shows a handle %q", path, i+1, plain(res))
		}
		for _, e := range r.snapshot() {
			if e.kind == "error" {
				t.Errorf("%s: code cell %d reported an error output: %+v", path, i+1, e.errValue)
			}
		}
	}
}
