package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/gotrain/gotrain/trainlib/model"
)

// timeModel prints, as one JSON object, the best of five wall times (and
// CPU times, keys ending in _cpu) in seconds for loading the model, for scoring every row of rowsPath
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
	// best returns the shortest wall time and the shortest CPU time (user
	// plus system, all threads) of five runs: on a shared machine CPU time
	// is the steadier measure of the work done.
	best := func(fn func() error) (wall, cpu float64, err error) {
		for i := 0; i < 5; i++ {
			c0, start := cpuSeconds(), time.Now()
			if err := fn(); err != nil {
				return 0, 0, err
			}
			w, c := time.Since(start).Seconds(), cpuSeconds()-c0
			if i == 0 || w < wall {
				wall = w
			}
			if i == 0 || c < cpu {
				cpu = c
			}
		}
		return wall, cpu, nil
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
		wall, cpu, err := best(s.fn)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		out[s.name], out[s.name+"_cpu"] = wall, cpu
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}

// cpuSeconds returns the CPU time this process has used so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
