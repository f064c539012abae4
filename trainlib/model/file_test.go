package model

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// roundTrip writes m in format f and reads it back.
func roundTrip(t *testing.T, m *Model, f Format) (*Model, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := m.Write(&buf, f); err != nil {
		t.Fatalf("write %v: %v", f, err)
	}
	b := append([]byte(nil), buf.Bytes()...)
	back, err := Read(&buf)
	if err != nil {
		t.Fatalf("read back %v: %v", f, err)
	}
	return back, b
}

func TestRoundTripIsIdentical(t *testing.T) {
	for _, fx := range fixtures {
		for _, file := range fx.modelFiles() {
			m := loadFixture(t, file)
			m.Params = map[string]string{"eta": "0.3", "max_depth": "4"}
			m.Attributes["note"] = "kept"
			for _, f := range []Format{JSON, UBJSON} {
				back, b := roundTrip(t, m, f)
				if !reflect.DeepEqual(m, back) {
					t.Errorf("%s → %v → model differs", file, f)
				}
				again, b2 := roundTrip(t, back, f)
				if !bytes.Equal(b, b2) || !reflect.DeepEqual(m, again) {
					t.Errorf("%s: writing %v twice gives different bytes", file, f)
				}
			}
		}
	}
}

func TestSaveAndLoadByExtension(t *testing.T) {
	m := loadFixture(t, "credit_missing.ubj")
	dir := t.TempDir()
	for _, name := range []string{"m.json", "m.ubj", "tune_best.xgb"} {
		p := filepath.Join(dir, name)
		if err := m.Save(p); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		isJSON := bytes.HasPrefix(b, []byte(`{"learner"`))
		if isJSON != strings.HasSuffix(name, ".json") {
			t.Errorf("%s: JSON = %v", name, isJSON)
		}
		back, err := Load(p)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(m, back) {
			t.Errorf("%s: loaded model differs from the saved one", name)
		}
	}
	if err := m.Save(filepath.Join(dir, "m.txt")); err == nil || !strings.Contains(err.Error(), ".json, .ubj or .xgb") {
		t.Errorf("unknown extension: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("save left %d files in the directory, want 3", len(entries))
	}
}

// TestSaveKeepsTheOldFileOnFailure injects a failure (a model that does not
// validate) and checks the existing file is untouched and no temporary file
// is left behind.
func TestSaveKeepsTheOldFileOnFailure(t *testing.T) {
	m := loadFixture(t, "credit_logistic.json")
	dir := t.TempDir()
	p := filepath.Join(dir, "best.json")
	if err := m.Save(p); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(p)
	bad := *m
	bad.Trees = append([]Tree(nil), m.Trees...)
	bad.Trees[0].Right = bad.Trees[0].Right[:1]
	if err := bad.Save(p); err == nil {
		t.Fatal("saving a broken model succeeded")
	}
	after, _ := os.ReadFile(p)
	if !bytes.Equal(before, after) {
		t.Error("a failed save changed the existing file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed save left %d files", len(entries))
	}
}

// TestJSONFollowsTheFormatTraps checks the spellings XGBoost 1.7 insists on.
func TestJSONFollowsTheFormatTraps(t *testing.T) {
	m := loadFixture(t, "credit_logistic.json")
	m.Trees[0].SplitCondition[6] = 1 // an integral float must still look like a float
	m.BestIteration, m.BestScore = 3, 0.25
	var buf bytes.Buffer
	if err := m.Write(&buf, JSON); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Learner struct {
			Attributes map[string]string `json:"attributes"`
			Param      struct {
				BaseScore string `json:"base_score"`
			} `json:"learner_model_param"`
			Objective struct {
				RegLossParam map[string]string `json:"reg_loss_param"`
			} `json:"objective"`
			Booster struct {
				Model struct {
					Trees []map[string]json.RawMessage `json:"trees"`
				} `json:"model"`
			} `json:"gradient_booster"`
		} `json:"learner"`
		Version []int `json:"version"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^-?[0-9]+\.[0-9]+$`).MatchString(doc.Learner.Param.BaseScore) ||
		len(strings.Trim(strings.NewReplacer(".", "", "-", "").Replace(doc.Learner.Param.BaseScore), "0")) > 9 {
		t.Errorf("base_score %q is not a plain decimal with ≤ 9 significant digits", doc.Learner.Param.BaseScore)
	}
	if doc.Learner.Attributes["best_iteration"] != "3" || doc.Learner.Attributes["best_score"] != "0.25" {
		t.Errorf("attributes %v lack best_iteration/best_score", doc.Learner.Attributes)
	}
	if doc.Learner.Objective.RegLossParam["scale_pos_weight"] == "" {
		t.Error("objective parameters missing")
	}
	if len(doc.Version) != 3 {
		t.Errorf("version %v", doc.Version)
	}
	tree := doc.Learner.Booster.Model.Trees[0]
	for _, k := range []string{"split_type", "categories", "categories_nodes", "categories_segments", "categories_sizes", "tree_param", "id"} {
		if _, ok := tree[k]; !ok {
			t.Errorf("tree lacks %q", k)
		}
	}
	if !strings.HasPrefix(string(tree["default_left"]), "[false") && !strings.HasPrefix(string(tree["default_left"]), "[true") {
		t.Errorf("default_left is not booleans: %.40s", tree["default_left"])
	}
	for _, k := range []string{"split_conditions", "loss_changes", "sum_hessian", "base_weights"} {
		var nums []json.Number
		if err := json.Unmarshal(tree[k], &nums); err != nil {
			t.Fatal(err)
		}
		for _, n := range nums {
			if !strings.ContainsAny(string(n), ".eE") {
				t.Errorf("%s holds %s, which reads as an integer", k, n)
			}
		}
	}
	// Right = left + 1 and breadth-first numbering survive the write.
	var left, right []int
	json.Unmarshal(tree["left_children"], &left)
	json.Unmarshal(tree["right_children"], &right)
	for i := range left {
		if left[i] != -1 && right[i] != left[i]+1 {
			t.Errorf("node %d: left %d right %d", i, left[i], right[i])
		}
	}
}

// TestUBJSONTypedArrays checks that node arrays are written as the typed
// arrays XGBoost's reader requires.
func TestUBJSONTypedArrays(t *testing.T) {
	m := loadFixture(t, "credit_reg.json")
	var buf bytes.Buffer
	if err := m.Write(&buf, UBJSON); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	for key, typ := range map[string]string{
		"split_conditions": "[$d#L", "left_children": "[$l#L", "split_indices": "[$l#L",
		"default_left": "[$U#L", "split_type": "[$U#L", "categories_segments": "[$L#L",
		"categories": "[$l#L", "feature_names": "[#L", "trees": "[#L",
	} {
		// A key is its int64 length then its bytes.
		i := bytes.Index(b, append([]byte{0, byte(len(key))}, key...))
		if i < 0 {
			t.Fatalf("%s missing", key)
		}
		i += 2
		if got := string(b[i+len(key) : i+len(key)+len(typ)]); got != typ {
			t.Errorf("%s written as %q, want %q", key, got, typ)
		}
	}
}

func TestParamsAndAttributesSurvive(t *testing.T) {
	m := loadFixture(t, "credit_reg.ubj")
	if len(m.FeatureNames) != 0 {
		t.Fatalf("feature names %v in a model trained without them", m.FeatureNames)
	}
	imp, err := m.Importance(Weight)
	if err != nil {
		t.Fatal(err)
	}
	for k := range imp {
		if !strings.HasPrefix(k, "f") {
			t.Errorf("importance key %q, want f<index>", k)
		}
	}
	m.Params = map[string]string{"eta": "0.5", "objective": RegSquaredError}
	m.Attributes = map[string]string{"trial": "7"}
	back, _ := roundTrip(t, m, UBJSON)
	if !reflect.DeepEqual(back.Params, m.Params) || !reflect.DeepEqual(back.Attributes, m.Attributes) {
		t.Errorf("params %v attributes %v after a round trip", back.Params, back.Attributes)
	}
}
