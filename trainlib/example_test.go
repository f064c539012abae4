package trainlib_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/explain"
	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// TestMain gives the examples a worker program to spawn: $GOTRAIN_BIN
// when set (the real gotrain), otherwise the cluster's test worker
// (gotrain worker alone), built here.
func TestMain(m *testing.M) {
	if os.Getenv("GOTRAIN_BIN") == "" {
		dir, err := os.MkdirTemp("", "trainlib-example-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		bin := filepath.Join(dir, "gotrain")
		cmd := exec.Command("go", "build", "-o", bin, "github.com/gotrain/gotrain/trainlib/cluster/internal/workerbin")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "build the worker:", err)
			os.Exit(1)
		}
		os.Setenv("GOTRAIN_BIN", bin)
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// writeLoans writes four shards of a loans table — a Y/N label, two
// training and two validation files — and returns their folder.
func writeLoans() string {
	dir, _ := os.MkdirTemp("", "loans")
	for k, name := range []string{"train_0", "train_1", "val_0", "val_1"} {
		var b strings.Builder
		b.WriteString("LIMIT,AGE,PAY_0,default\n")
		for i := 0; i < 200; i++ {
			r := 200*k + i
			label := "N"
			if (r%13 > 8) != (r%7 == 0) {
				label = "Y"
			}
			fmt.Fprintf(&b, "%d,%d,%d,%s\n", 1000*(r%13), 20+r%40, r%7-2, label)
		}
		os.WriteFile(filepath.Join(dir, name+".csv"), []byte(b.String()), 0o644)
	}
	return dir
}

// Connect spawns two workers on this machine; each loads its own files,
// training and tuning run over both, and the feature names and the Y/N
// label's reading come along from the files to the model and its charts.
// In a notebook cell, pass nil for ctx: it stands for the cell's context.
func ExampleConnect() {
	dir := writeLoans()
	defer os.RemoveAll(dir)
	ctx := context.Background()
	cl, err := trainlib.Connect(ctx, trainlib.Cluster{Spawn: 2, CPUsPerWorker: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer cl.Close()
	o := data.Options{Label: "default"}
	if err := cl.LoadGlob(ctx, gbdt.TrainSet, filepath.Join(dir, "train_*.csv"), o); err != nil {
		fmt.Println(err)
		return
	}
	if err := cl.LoadGlob(ctx, gbdt.ValSet, filepath.Join(dir, "val_*.csv"), o); err != nil {
		fmt.Println(err)
		return
	}
	pos, neg, _ := cl.Positive()
	fmt.Printf("label: %s = 1, %s = 0\n", pos, neg)

	res, err := cl.Train(ctx, gbdt.DefaultParams(), gbdt.Options{Evals: []string{gbdt.TrainSet, gbdt.ValSet}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(res.Model.Trees), "trees over", res.Model.FeatureNames)

	tuned, err := trainlib.Tune(ctx, cl, tune.Options{Samples: 2, Seed: 1, Metric: "val-logloss"})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := explain.ImportanceChart(tuned.BestModel, "weight", chart.ImportanceOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(tuned.Trials), "trials;", c)
	// Output:
	// label: Y = 1, N = 0
	// 10 trees over [LIMIT AGE PAY_0]
	// 2 trials; Feature importance (weight): top 2 of 2 features
	//   PAY_0  20
	//   LIMIT  10
}
