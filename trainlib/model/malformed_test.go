package model

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// mutate loads credit_logistic.json as a generic document, lets change
// edit it, and returns it as JSON text.
func mutate(t *testing.T, change func(doc map[string]any)) []byte {
	t.Helper()
	b, err := os.ReadFile(testdata("credit_logistic.json"))
	if err != nil {
		t.Fatalf("fixture missing (run testdata/gen_fixtures.py): %v", err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var doc map[string]any
	if err := d.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	change(doc)
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func at(doc map[string]any, keys ...string) map[string]any {
	o := doc
	for _, k := range keys {
		o = o[k].(map[string]any)
	}
	return o
}

func tree(doc map[string]any, i int) map[string]any {
	return at(doc, "learner", "gradient_booster", "model")["trees"].([]any)[i].(map[string]any)
}

func TestMalformedFilesNameThePlace(t *testing.T) {
	cases := []struct {
		name   string
		change func(map[string]any)
		want   []string
	}{
		{"no learner", func(d map[string]any) { delete(d, "learner") }, []string{`missing field "learner"`}},
		{"base_score not a number", func(d map[string]any) { at(d, "learner", "learner_model_param")["base_score"] = "half" }, []string{"learner.learner_model_param.base_score", `"half"`}},
		{"base_score with two values", func(d map[string]any) { at(d, "learner", "learner_model_param")["base_score"] = "[1E-1,2E-1]" }, []string{"base_score", "2 values for a model of 1 outputs"}},
		{"multi-class", func(d map[string]any) { at(d, "learner", "learner_model_param")["num_class"] = "3" }, []string{"num_class", "num_class = 3 does not fit objective binary:logistic"}},
		{"num_feature missing", func(d map[string]any) { delete(at(d, "learner", "learner_model_param"), "num_feature") }, []string{"learner_model_param", `"num_feature"`}},
		{"unknown objective", func(d map[string]any) { at(d, "learner", "objective")["name"] = "rank:pairwise" }, []string{"learner.objective.name", "rank:pairwise", "binary:logistic"}},
		{"multi-class objective without num_class", func(d map[string]any) {
			at(d, "learner", "objective")["name"] = "multi:softprob"
			at(d, "learner", "objective")["softmax_multiclass_param"] = map[string]any{"num_class": "3"}
		}, []string{"num_class", "num_class = 0 does not fit objective multi:softprob"}},
		{"linear booster", func(d map[string]any) { at(d, "learner", "gradient_booster")["name"] = "gblinear" }, []string{"gradient_booster.name", "gblinear"}},
		{"num_trees disagrees", func(d map[string]any) {
			at(d, "learner", "gradient_booster", "model", "gbtree_model_param")["num_trees"] = "5"
		}, []string{"trees", "num_trees says 5"}},
		{"field missing in a tree", func(d map[string]any) { delete(tree(d, 2), "split_conditions") }, []string{"trees[2]", `"split_conditions"`}},
		{"array too short", func(d map[string]any) {
			l := tree(d, 0)["left_children"].([]any)
			tree(d, 0)["left_children"] = l[:len(l)-1]
		}, []string{"trees[0].left_children", "values for 25 nodes"}},
		{"string among floats", func(d map[string]any) { tree(d, 1)["split_conditions"].([]any)[3] = "x" }, []string{"trees[1].split_conditions[3]", "want a number"}},
		{"default_left not 0/1", func(d map[string]any) { tree(d, 0)["default_left"].([]any)[4] = json.Number("2") }, []string{"trees[0].default_left[4]"}},
		{"categorical split without categories", func(d map[string]any) { tree(d, 3)["split_type"].([]any)[0] = json.Number("1") }, []string{"trees[3].split_type[0]", "categorical", "categories_nodes"}},
		{"categories of a numeric node", func(d map[string]any) {
			tree(d, 3)["split_type"].([]any)[1] = json.Number("1")
			tree(d, 3)["categories"] = []any{json.Number("2")}
			tree(d, 3)["categories_nodes"] = []any{json.Number("0")}
			tree(d, 3)["categories_segments"] = []any{json.Number("0")}
			tree(d, 3)["categories_sizes"] = []any{json.Number("1")}
		}, []string{"trees[3].categories_nodes[0]", "node 0 is not a categorical split"}},
		{"category segment out of range", func(d map[string]any) {
			tree(d, 3)["split_type"].([]any)[0] = json.Number("1")
			tree(d, 3)["categories"] = []any{json.Number("2")}
			tree(d, 3)["categories_nodes"] = []any{json.Number("0")}
			tree(d, 3)["categories_segments"] = []any{json.Number("0")}
			tree(d, 3)["categories_sizes"] = []any{json.Number("3")}
		}, []string{"trees[3].categories_segments[0]", "outside the 1 categories"}},
		{"right is not left + 1", func(d map[string]any) { tree(d, 0)["right_children"].([]any)[0] = json.Number("5") }, []string{"tree 0", "node 0", "right = left + 1"}},
		{"cycle", func(d map[string]any) {
			tree(d, 0)["left_children"].([]any)[1] = json.Number("1")
			tree(d, 0)["right_children"].([]any)[1] = json.Number("2")
		}, []string{"tree 0", "reached twice"}},
		{"feature out of range", func(d map[string]any) { tree(d, 4)["split_indices"].([]any)[0] = json.Number("99") }, []string{"tree 4", "feature 99", "23 features"}},
		{"int out of range", func(d map[string]any) { tree(d, 4)["split_indices"].([]any)[0] = json.Number("9999999999") }, []string{"trees[4].split_indices[0]", "out of range"}},
		{"too many names", func(d map[string]any) {
			at(d, "learner")["feature_names"] = append(at(d, "learner")["feature_names"].([]any), "extra")
		}, []string{"learner.feature_names", "24 names for 23 features"}},
		{"categorical feature type", func(d map[string]any) {
			types := make([]any, 23)
			for i := range types {
				types[i] = "float"
			}
			types[2] = "cat"
			at(d, "learner")["feature_types"] = types
		}, []string{"feature 2 (EDUCATION) has type \"cat\"", "c for categorical"}},
		{"bad best_iteration", func(d map[string]any) { at(d, "learner", "attributes")["best_iteration"] = "soon" }, []string{"attributes.best_iteration", `"soon"`}},
		{"best_iteration past the end", func(d map[string]any) { at(d, "learner", "attributes")["best_iteration"] = "50" }, []string{"best iteration 50", "20 trees"}},
		{"repeated tree id", func(d map[string]any) { tree(d, 1)["id"] = json.Number("0") }, []string{"trees[1].id", "repeated"}},
		{"trees not an array", func(d map[string]any) { at(d, "learner", "gradient_booster", "model")["trees"] = "none" }, []string{"model.trees", "want an array"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := mutate(t, c.change)
			_, err := Read(bytes.NewReader(b))
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			// The same document as UBJSON gets an error too.
			m, jerr := decodeJSON(b)
			if jerr != nil {
				t.Fatal(jerr)
			}
			var ub bytes.Buffer
			if err := encodeUBJ(&ub, toObject(m)); err != nil {
				t.Fatal(err)
			}
			if _, err := Read(&ub); err == nil {
				t.Error("UBJSON form accepted")
			}
		})
	}
}

// toObject turns a decoded JSON document into one the encoders take.
func toObject(v any) any {
	switch x := v.(type) {
	case map[string]any:
		o := newObject()
		for k, e := range x {
			o.set(k, toObject(e))
		}
		return o
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = toObject(e)
		}
		return out
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return float32(f)
	}
	return v
}

func TestMalformedBytes(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", "empty"},
		{"zip", "PK\x03\x04", "not an XGBoost model in JSON or UBJSON"},
		{"text", "booster[0]:", "save_model it to a .json or .ubj"},
		{"JSON syntax", "{\"learner\":\n  [1,}", "line 2 column"},
		{"JSON cut short", `{"learner": {"attributes": {`, "ends early"},
		{"JSON trailing data", `{"learner": {}} {}`, "after the JSON document"},
		{"UBJSON cut short", "{L\x00\x00\x00\x00\x00\x00\x00\x07learn", "ends early"},
		{"UBJSON huge count", "{L\x00\x00\x00\x00\x00\x00\x00\x01a[#L\x7f\xff\xff\xff\xff\xff\xff\xff", "larger than the rest"},
		{"UBJSON huge typed count", "{L\x00\x00\x00\x00\x00\x00\x00\x01a[$d#L\x00\x00\x00\x00\x10\x00\x00\x00", "larger than the rest"},
		{"UBJSON negative length", "{L\xff\xff\xff\xff\xff\xff\xff\xff", "negative"},
		{"UBJSON unknown marker", "{L\x00\x00\x00\x00\x00\x00\x00\x01aX", "unknown type marker"},
		{"UBJSON deep", "{L\x00\x00\x00\x00\x00\x00\x00\x01a" + strings.Repeat("[", 200), "nest deeper"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one mentioning %q", err, c.want)
			}
		})
	}
}

// TestEveryTruncationIsAnError cuts a real UBJSON and JSON model at many
// points: each prefix is refused with an error, never a panic.
func TestEveryTruncationIsAnError(t *testing.T) {
	for _, name := range []string{"credit_reg.ubj", "credit_reg.json"} {
		b, err := os.ReadFile(testdata(name))
		if err != nil {
			t.Fatalf("fixture missing: %v", err)
		}
		for n := 0; n < len(b); n += 1 + n/50 {
			if _, err := Read(bytes.NewReader(b[:n])); err == nil {
				t.Fatalf("%s cut to %d of %d bytes was accepted", name, n, len(b))
			}
		}
	}
}

func TestLoadNamesTheFile(t *testing.T) {
	_, err := Load(testdata("no_such_model.json"))
	if err == nil || !strings.Contains(err.Error(), "no_such_model.json") {
		t.Errorf("error %v does not name the file", err)
	}
	_, err = Load(testdata("credit_rows.csv"))
	if err == nil || !strings.Contains(err.Error(), "credit_rows.csv") {
		t.Errorf("error %v does not name the file", err)
	}
}

// FuzzRead feeds arbitrary bytes to the reader: it may refuse them, but it
// must not panic, and whatever it accepts must predict and write.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"credit_reg.ubj", "credit_reg.json"} {
		b, err := os.ReadFile(testdata(name))
		if err != nil {
			f.Fatalf("fixture missing: %v", err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Add([]byte("{}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		row := make([]float32, m.NumFeature)
		if _, err := m.PredictRow(row, PredictOptions{}); err != nil {
			t.Fatalf("accepted model cannot predict: %v", err)
		}
		if err := m.Write(&bytes.Buffer{}, UBJSON); err != nil {
			t.Fatalf("accepted model cannot be written: %v", err)
		}
	})
}
