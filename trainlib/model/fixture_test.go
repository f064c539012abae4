package model

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

// The reference values in testdata/ come from XGBoost 3.2 through
// testdata/gen_fixtures.py (run it with the project's venv to regenerate),
// and for credit_v17 from XGBoost 1.7.6 through testdata/gen_fixtures_17.py.
// A missing fixture fails the test: it never skips.

// fixture names a model trained by gen_fixtures.py and the rows it scored.
type fixture struct {
	name string // prefix of the expected-value files
	rows string // CSV of the scored rows
}

var fixtures = []fixture{
	{"credit_logistic", "credit_rows.csv"},
	{"credit_missing", "credit_missing_rows.csv"},
	{"credit_reg", "credit_rows.csv"},
	// Trained and saved by XGBoost 1.7.6 (testdata/gen_fixtures_17.py).
	{"credit_v17", "credit_missing_rows.csv"},
}

// modelFiles lists the model files of f that must all predict the same.
func (f fixture) modelFiles() []string {
	files := []string{f.name + ".json", f.name + ".ubj"}
	if f.name == "credit_logistic" {
		files = append(files, f.name+"_v17.json")
	}
	return files
}

func testdata(name string) string { return filepath.Join("testdata", name) }

// readCSV reads a CSV of numbers; an empty cell is a missing value (NaN).
// With header set, the first line is skipped.
func readCSV(t *testing.T, name string, header bool) *data.Matrix {
	t.Helper()
	f, err := os.Open(testdata(name))
	if err != nil {
		t.Fatalf("fixture missing (run testdata/gen_fixtures.py): %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	m := &data.Matrix{}
	line := 0
	for sc.Scan() {
		line++
		if header && line == 1 {
			continue
		}
		cells := strings.Split(sc.Text(), ",")
		if m.Cols == 0 {
			m.Cols = len(cells)
		}
		if len(cells) != m.Cols {
			t.Fatalf("%s line %d: %d cells, want %d", name, line, len(cells), m.Cols)
		}
		for _, c := range cells {
			if c == "" {
				m.Values = append(m.Values, float32(math.NaN()))
				continue
			}
			v, err := strconv.ParseFloat(c, 32)
			if err != nil {
				t.Fatalf("%s line %d: %v", name, line, err)
			}
			m.Values = append(m.Values, float32(v))
		}
		m.Rows++
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if m.Rows == 0 {
		t.Fatalf("%s: no rows", name)
	}
	return m
}

// readVector reads a one-column CSV.
func readVector(t *testing.T, name string) []float32 {
	t.Helper()
	m := readCSV(t, name, false)
	if m.Cols != 1 {
		t.Fatalf("%s: %d columns, want 1", name, m.Cols)
	}
	return m.Values
}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(testdata(name))
	if err != nil {
		t.Fatalf("fixture missing (run testdata/gen_fixtures.py): %v", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// fixtureInfo is what gen_fixtures.py records about a model.
type fixtureInfo struct {
	NumTrees     int `json:"num_trees"`
	IterationEnd int `json:"iteration_end"`
}

func loadFixture(t *testing.T, file string) *Model {
	t.Helper()
	m, err := Load(testdata(file))
	if err != nil {
		t.Fatalf("load %s: %v", file, err)
	}
	return m
}

// closeTo compares float32 slices with an absolute tolerance.
func closeTo(t *testing.T, what string, got, want []float32, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	bad := 0
	for i := range got {
		if d := math.Abs(float64(got[i]) - float64(want[i])); !(d <= tol) {
			if bad < 5 {
				t.Errorf("%s[%d] = %.9g, XGBoost %.9g (diff %.3g > %g)", what, i, got[i], want[i], d, tol)
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d values differ from XGBoost", what, bad, len(got))
	}
}
