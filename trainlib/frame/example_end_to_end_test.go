package frame_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/explain"
	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/frame"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// Load a CSV, train, tune and chart, end to end in one process: the holders
// are in-process (gbdt.LocalHolder), as a cluster's workers would be.
func Example_endToEnd() {
	dir, _ := os.MkdirTemp("", "frame")
	defer os.RemoveAll(dir)
	var csv strings.Builder
	csv.WriteString("LIMIT,AGE,EDUCATION,default\n")
	for i := 0; i < 400; i++ {
		label := "N"
		if i%13 > 8 {
			label = "Y"
		}
		fmt.Fprintf(&csv, "%d,%d,%s,%s\n", 1000*(i%13), 20+i%40, []string{"school", "university"}[i%2], label)
	}
	path := filepath.Join(dir, "loans.csv")
	os.WriteFile(path, []byte(csv.String()), 0o644)

	f, err := frame.Read(path, frame.Options{Label: "default"})
	if err != nil {
		fmt.Println(err)
		return
	}
	all, _ := f.Dataset()
	parts, _ := data.Split(all, []float64{0.8, 0.2}, 1)
	h, err := gbdt.NewLocalHolder([]gbdt.Shard{
		{Set: gbdt.TrainSet, Data: parts[0]}, {Set: "val", Data: parts[1]}}, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := tune.Run(context.Background(), []gbdt.Holder{h}, tune.Options{
		Samples: 3, Seed: 1, Metric: "val-logloss", FeatureNames: all.Names})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := explain.ImportanceChart(res.BestModel, "gain", chart.ImportanceOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.LabelNote())
	fmt.Println(len(res.Trials), "trials; the best model's features:", res.BestModel.FeatureNames)
	fmt.Println(strings.SplitN(c.String(), "\n", 2)[0])
	// Output:
	// label "default": Y = 1 (positive, the less frequent), N = 0
	// 3 trials; the best model's features: [LIMIT AGE EDUCATION_school EDUCATION_university]
	// Feature importance (gain): top 1 of 1 features
}
