package track

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestWriteDominoStats(t *testing.T) {
	path := filepath.Join(t.TempDir(), DominoStatsFile)
	err := WriteDominoStats(path, map[string]any{"test_accuracy": 0.75, "trials": 10, "best": "t3"})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want := "{\n  \"best\": \"t3\",\n  \"test_accuracy\": 0.75,\n  \"trials\": 10\n}\n"
	if string(got) != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestWriteDominoStatsRefusesBadValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), DominoStatsFile)
	for _, v := range []any{math.NaN(), math.Inf(1), []int{1}} {
		err := WriteDominoStats(path, map[string]any{"auc": v})
		if err == nil || !strings.Contains(err.Error(), `"auc"`) {
			t.Errorf("value %v: error %v should name the key", v, err)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a refused write left a file behind: %v", err)
	}
}

func TestWriteKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DominoStatsFile)
	if err := WriteDominoStats(path, map[string]any{"a": 1}); err != nil {
		t.Fatal(err)
	}
	// Fault injection: the directory becomes read-only, so the temporary
	// file cannot be created; the old content must survive intact.
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	if os.Geteuid() != 0 {
		if err := WriteDominoStats(path, map[string]any{"a": 2}); err == nil {
			t.Fatal("write into a read-only directory succeeded")
		}
	}
	got, _ := os.ReadFile(path)
	if !strings.Contains(string(got), `"a": 1`) {
		t.Fatalf("old file damaged: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestTrialResultsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), TrialResultsFile)
	in := []TrialResult{
		{TrialID: "t0", Params: map[string]any{"eta": 0.01, "max_depth": 4},
			Metrics: map[string]float64{"train-error": 0.2, "train-logloss": 0.45, "val-error": 0.25, "val-logloss": 0.5}},
		{TrialID: "t1", Params: map[string]any{"eta": 0.3, "max_depth": 2, "tree_method": "hist"},
			Metrics: map[string]float64{"val-error": 0.3}},
	}
	if err := WriteTrialResults(path, in); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	var compact bytes.Buffer
	if err := json.Compact(&compact, raw); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(compact.String(), `{"trial_id":"t0","eta":0.01,"max_depth":4,"train-error":0.2,"train-logloss":0.45,"val-error":0.25,"val-logloss":0.5}`) {
		t.Fatalf("unexpected shape:\n%s", raw)
	}
	out, err := ReadTrialResults(path)
	if err != nil {
		t.Fatal(err)
	}
	in[0].Params["max_depth"] = 4.0 // JSON numbers come back as float64
	in[1].Params["max_depth"] = 2.0
	if !reflect.DeepEqual(in, out) {
		t.Fatalf("round trip:\n got %#v\nwant %#v", out, in)
	}
}

func TestReadTrialResultsNamesTheEntry(t *testing.T) {
	path := filepath.Join(t.TempDir(), TrialResultsFile)
	cases := map[string]string{
		`[{"trial_id":"a"},{"eta":1}]`:                "entry 1: field trial_id is missing",
		`[{"trial_id":"a","val-error":"x"}]`:          `entry 0: trial a: metric field "val-error" must be a number`,
		`{"trial_id":"a"}`:                            "not a JSON list",
		`[{"trial_id":"a","eta":[1]}]`:                `parameter field "eta"`,
		`[{"trial_id":"a"},{"trial_id":7,"eta":0.1}]`: "entry 1: field trial_id must be a string",
	}
	for content, want := range cases {
		os.WriteFile(path, []byte(content), 0o644)
		_, err := ReadTrialResults(path)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want it to contain %q and the path", content, err, want)
		}
	}
}

func TestTrialResultRefusesAmbiguousKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), TrialResultsFile)
	bad := []TrialResult{
		{TrialID: "t", Params: map[string]any{"max-depth": 3}},
		{TrialID: "t", Metrics: map[string]float64{"error": 0.1}},
		{TrialID: "t", Metrics: map[string]float64{"val-error": math.NaN()}},
		{TrialID: ""},
	}
	for _, r := range bad {
		if err := WriteTrialResults(path, []TrialResult{r}); err == nil {
			t.Errorf("%+v written without error", r)
		}
	}
}
