package explain_test

import (
	"fmt"

	"github.com/gotrain/gotrain/trainlib/explain"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Global weights: each feature's share of the model's total gain, as ELI5's
// explain_weights shows. With a model, explain.ExplainWeights(m, opt) does
// the same from m.Importance(model.Gain).
func ExampleNewWeights() {
	gain := map[string]float64{"PAY_0": 60, "LIMIT_BAL": 25, "AGE": 10, "SEX": 5}
	w, err := explain.NewWeights(gain, explain.WeightsOptions{TopN: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(w)
	// Output:
	// Feature weights (normalised gain), 4 features
	//     Weight  Feature
	//     0.6000  PAY_0
	//     0.2500  LIMIT_BAL
	//     0.1000  AGE
	//   … 1 more …
}

// One prediction explained: contributions (one per feature, then the bias,
// as model.Model.Contributions returns them) sorted by magnitude, summing
// with the bias to the margin. With a model, explain.ExplainRow(m, row,
// opt) computes them by TreeSHAP or, on request, by the decision path.
func ExampleNewPrediction() {
	names := []string{"LIMIT_BAL", "SEX", "PAY_0"}
	row := []float32{20000, 2, 2}
	contribs := []float64{-0.25, 0, 0.75, -1.5}
	p, err := explain.NewPrediction(names, row, contribs, model.BinaryLogistic, model.TreeSHAP)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(p)
	// Output:
	// probability 0.2689, margin -1.0000 (TreeSHAP, binary:logistic)
	//   Contribution  Feature    Value
	//        +0.7500  PAY_0      2
	//        -0.2500  LIMIT_BAL  20000
	//        -1.5000  <BIAS>
	//        -1.0000  = margin
	//   (1 feature contributes nothing)
}
