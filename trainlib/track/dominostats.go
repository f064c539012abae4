package track

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
)

// DominoStatsFile is the name the workspace's run view looks for in a job's
// output directory.
const DominoStatsFile = "dominostats.json"

// WriteDominoStats writes stats to path as one flat JSON object, keys sorted,
// atomically. Values must be numbers (any Go integer or float type, finite)
// or strings; anything else, NaN or an infinity is refused with an error
// naming the key, and nothing is written.
//
// Example content: {"test_accuracy": 0.7733, "test_auc": 0.81, "best_trial": "t3"}.
func WriteDominoStats(path string, stats map[string]any) error {
	out := make(map[string]any, len(stats))
	keys := make([]string, 0, len(stats))
	for k := range stats {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k == "" {
			return fmt.Errorf("dominostats %s: empty key; give every statistic a name", path)
		}
		v, err := statValue(stats[k])
		if err != nil {
			return fmt.Errorf("dominostats %s: key %q: %w", path, k, err)
		}
		out[k] = v
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return fmt.Errorf("dominostats %s: %w", path, err)
	}
	return writeFileAtomic(path, append(data, '\n'))
}

// statValue normalises one dominostats value to float64 or string.
func statValue(v any) (any, error) {
	var f float64
	switch x := v.(type) {
	case string:
		return x, nil
	case float64:
		f = x
	case float32:
		f = float64(x)
	case int:
		f = float64(x)
	case int32:
		f = float64(x)
	case int64:
		f = float64(x)
	case uint:
		f = float64(x)
	case uint32:
		f = float64(x)
	case uint64:
		f = float64(x)
	default:
		return nil, fmt.Errorf("value %v has type %T; use a number or a string", v, v)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("value %v is not finite; JSON cannot hold it (store it as a string if it matters)", f)
	}
	return f, nil
}
