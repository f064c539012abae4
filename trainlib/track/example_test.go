package track_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/track"
)

// A tuning run writes one object per trial; keys with a hyphen are metrics.
func ExampleWriteTrialResults() {
	dir, _ := os.MkdirTemp("", "trials")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, track.TrialResultsFile)
	err := track.WriteTrialResults(path, []track.TrialResult{{
		TrialID: "trial_0",
		Params:  map[string]any{"eta": 0.05, "max_depth": 4},
		Metrics: map[string]float64{"train-error": 0.19, "val-error": 0.21},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, _ := os.ReadFile(path)
	fmt.Print(string(data))
	// Output:
	// [
	//   {
	//     "trial_id": "trial_0",
	//     "eta": 0.05,
	//     "max_depth": 4,
	//     "train-error": 0.19,
	//     "val-error": 0.21
	//   }
	// ]
}
