package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/gotrain/gotrain/trainlib/model"
)

// timeModel prints, as one JSON object, the best of three wall times in
// seconds for loading the model, for scoring every row of rowsPath
// (margins), and for the TreeSHAP and decision-path contributions of every
// row of contribRowsPath. The benchmark in
// bench/model compares them with XGBoost on the same files.
func timeModel(modelPath, rowsPath, contribRowsPath, profile string) error {
	x, err := readRows(rowsPath)
	if err != nil {
		return err
	}
	few, err := readRows(contribRowsPath)
	if err != nil {
		return err
	}
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var m *model.Model
	best := func(fn func() error) (float64, error) {
		b := 0.0
		for i := 0; i < 3; i++ {
			start := time.Now()
			if err := fn(); err != nil {
				return 0, err
			}
			if d := time.Since(start).Seconds(); i == 0 || d < b {
				b = d
			}
		}
		return b, nil
	}
	out := map[string]float64{}
	steps := []struct {
		name string
		fn   func() error
	}{
		{"load", func() (err error) { m, err = model.Load(modelPath); return err }},
		{"predict", func() error { _, err := m.Predict(x, model.PredictOptions{Margin: true}); return err }},
		{"pred_contribs", func() error { _, err := m.Contributions(few, model.TreeSHAP, model.PredictOptions{}); return err }},
		{"approx_contribs", func() error { _, err := m.Contributions(few, model.DecisionPath, model.PredictOptions{}); return err }},
	}
	for _, s := range steps {
		if out[s.name], err = best(s.fn); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}
