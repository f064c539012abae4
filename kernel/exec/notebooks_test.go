package exec

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
// one session, in order, and requires each to succeed. (01 and 02 start
// distributed workers; tests/notebooks runs them end to end with
// nbclient.)
func TestTourNotebookRuns(t *testing.T) {
	path := filepath.Join("..", "..", "notebooks", "00-tour.ipynb")
	cells := notebookCells(t, path)
	if len(cells) < 5 {
		t.Fatalf("%s has %d code cells; expected the tour", path, len(cells))
	}
	s := newSession(t)
	for i, code := range cells {
		res, r := run(t, s, code)
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
