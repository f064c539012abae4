package chart_test

import (
	"fmt"
	"math"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
)

// An importance chart from a model's gain (m.Importance(model.Gain) gives
// the map). In a notebook the chart shows as a PNG; String is its text
// form, and Save writes a .png or .svg file.
func ExampleImportance() {
	gain := map[string]float64{"PAY_0": 182.4, "PAY_2": 41.7, "LIMIT_BAL": 12.6, "AGE": 6.3}
	c, err := chart.Importance(gain, chart.ImportanceOptions{Kind: "gain", TopN: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(c)
	fmt.Println(len(c.PNG()) > 0)
	// Output:
	// Feature importance (gain): top 3 of 4 features
	//   PAY_0      182.4
	//   PAY_2      41.7
	//   LIMIT_BAL  12.6
	// true
}

// A learning curve from the metrics recorded while training, shaped like
// XGBoost's evals_result.
func ExampleLearningCurve() {
	evals := chart.EvalsResult{
		"train":      {"logloss": {0.61, 0.55, 0.50, 0.46}},
		"validation": {"logloss": {0.62, 0.57, 0.54, 0.55}},
	}
	c, err := chart.LearningCurve(evals, chart.CurveOptions{MarkBest: true, BestIteration: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(c)
	// Output:
	// Learning curve (logloss)
	//   train: 4 rounds, first 0.61, last 0.46, min 0.46, max 0.61
	//   validation: 4 rounds, first 0.62, last 0.55, min 0.54, max 0.62
}

// A tuning chart: the score against each tuned parameter, eta on a log
// axis, the best trial highlighted.
func ExampleTuning() {
	trials := []chart.Trial{
		{Name: "t0", Params: map[string]float64{"eta": 0.01, "max_depth": 3}, Score: 0.47},
		{Name: "t1", Params: map[string]float64{"eta": 0.1, "max_depth": 5}, Score: 0.44},
		{Name: "t2", Params: map[string]float64{"eta": 0.3, "max_depth": 2}, Score: 0.45},
	}
	c, err := chart.Tuning(trials, chart.TuningOptions{Metric: "logloss"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(c)
	// Output:
	// logloss by parameter, 3 trials; best (orange triangle): t1, 0.44
	//   t0: score 0.47, eta=0.01, max_depth=3
	// * t1: score 0.44, eta=0.1, max_depth=5
	//   t2: score 0.45, eta=0.3, max_depth=2
}

// A histogram of every column, as pandas' hist(): the bin counts are
// computed in one pass; missing values (NaN) are counted, not drawn.
func ExampleHistograms() {
	age := chart.Column{Name: "age", Values: []float64{23, 35, 35, 41, 52, 67, math.NaN()}}
	amount := chart.Column{Name: "amount", Values: []float64{1200, 800, 15000, 4300, 2500, 990, 3100}}
	c, err := chart.Histograms([]chart.Column{age, amount}, chart.HistogramOptions{Bins: 5})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(c)
	// Output:
	// Distribution of each numeric column (5 bins)
	//   age: 6 values in [23, 67], 1 missing
	//   amount: 7 values in [800, 15000]
}
