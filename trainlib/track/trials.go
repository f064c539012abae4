package track

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
)

// TrialResultsFile is the name of the per-trial summary in a tuning run's
// output directory.
const TrialResultsFile = "trial_results.json"

// TrialResult is one tuning trial's summary, one object of trial_results.json.
//
// The file is a JSON list of flat objects, written with trial_id first, then
// the sampled parameters, then the metrics, each group in key order:
//
//	[
//	  {"trial_id": "t0", "eta": 0.0123, "max_depth": 4,
//	   "train-error": 0.21, "train-logloss": 0.47,
//	   "val-error": 0.24, "val-logloss": 0.51},
//	  …
//	]
//
// A key with a hyphen ("<eval set>-<metric>", as XGBoost names evaluation
// results) is a metric and holds a finite number; any other key besides
// trial_id is a parameter (XGBoost parameter names use underscores) and holds
// a number, a string or a boolean.
type TrialResult struct {
	// TrialID identifies the trial within its tuning run.
	TrialID string
	// Params are the sampled (and fixed) parameters: float64, int, string
	// or bool values. Keys must not contain a hyphen.
	Params map[string]any
	// Metrics are the final evaluation results, keyed "train-error",
	// "val-logloss", … Keys must contain a hyphen.
	Metrics map[string]float64
}

// MarshalJSON writes r as one flat object in the documented key order.
func (r TrialResult) MarshalJSON() ([]byte, error) {
	if r.TrialID == "" {
		return nil, fmt.Errorf("trial result without trial_id; every trial needs an id")
	}
	var b bytes.Buffer
	b.WriteString(`{"trial_id":`)
	id, _ := json.Marshal(r.TrialID)
	b.Write(id)
	for _, k := range sortedKeys(r.Params) {
		if k == "trial_id" || strings.Contains(k, "-") {
			return nil, fmt.Errorf("trial %s: parameter name %q is reserved or contains a hyphen (hyphenated keys are metrics); rename it with underscores", r.TrialID, k)
		}
		v, err := paramJSON(r.Params[k])
		if err != nil {
			return nil, fmt.Errorf("trial %s: parameter %q: %w", r.TrialID, k, err)
		}
		writeKV(&b, k, v)
	}
	for _, k := range sortedKeys(r.Metrics) {
		if !strings.Contains(k, "-") {
			return nil, fmt.Errorf("trial %s: metric name %q has no hyphen; name metrics \"<eval set>-<metric>\" such as \"val-error\"", r.TrialID, k)
		}
		f := r.Metrics[k]
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("trial %s: metric %q is %v, which JSON cannot hold", r.TrialID, k, f)
		}
		v, _ := json.Marshal(f)
		writeKV(&b, k, v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads one flat trial object, sorting keys into parameters and
// metrics by the hyphen rule.
func (r *TrialResult) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("a trial must be a JSON object: %w", err)
	}
	idRaw, ok := raw["trial_id"]
	if !ok {
		return fmt.Errorf("field trial_id is missing")
	}
	var id string
	if err := json.Unmarshal(idRaw, &id); err != nil {
		return fmt.Errorf("field trial_id must be a string, got %s", idRaw)
	}
	out := TrialResult{TrialID: id, Params: map[string]any{}, Metrics: map[string]float64{}}
	for k, v := range raw {
		if k == "trial_id" {
			continue
		}
		if strings.Contains(k, "-") {
			var f float64
			if err := json.Unmarshal(v, &f); err != nil {
				return fmt.Errorf("trial %s: metric field %q must be a number, got %s", id, k, v)
			}
			out.Metrics[k] = f
			continue
		}
		var p any
		if err := json.Unmarshal(v, &p); err != nil {
			return fmt.Errorf("trial %s: field %q: %w", id, k, err)
		}
		switch p.(type) {
		case float64, string, bool:
			out.Params[k] = p
		default:
			return fmt.Errorf("trial %s: parameter field %q must be a number, string or boolean, got %s", id, k, v)
		}
	}
	*r = out
	return nil
}

// WriteTrialResults writes trials to path as trial_results.json, atomically.
func WriteTrialResults(path string, trials []TrialResult) error {
	if trials == nil {
		trials = []TrialResult{}
	}
	data, err := json.MarshalIndent(trials, "", "  ")
	if err != nil {
		return fmt.Errorf("trial results %s: %w", path, err)
	}
	return writeFileAtomic(path, append(data, '\n'))
}

// ReadTrialResults reads a trial_results.json file. Errors name the file and
// the list index of the offending trial.
func ReadTrialResults(path string) ([]TrialResult, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("trial results: %w", err)
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, fmt.Errorf("trial results %s: not a JSON list of trial objects: %w", path, err)
	}
	out := make([]TrialResult, len(raws))
	for i, r := range raws {
		if err := out[i].UnmarshalJSON(r); err != nil {
			return nil, fmt.Errorf("trial results %s: entry %d: %w", path, i, err)
		}
	}
	return out, nil
}

// paramJSON encodes one parameter value.
func paramJSON(v any) ([]byte, error) {
	switch x := v.(type) {
	case string, bool, int, int32, int64:
		return json.Marshal(x)
	case float32:
		return paramJSON(float64(x))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("value %v is not finite", x)
		}
		return json.Marshal(x)
	default:
		return nil, fmt.Errorf("value %v has type %T; use a number, string or boolean", v, v)
	}
}

func writeKV(b *bytes.Buffer, k string, v []byte) {
	key, _ := json.Marshal(k)
	b.WriteByte(',')
	b.Write(key)
	b.WriteByte(':')
	b.Write(v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
