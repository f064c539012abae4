package gbdt_test

import (
	"context"
	"fmt"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// Train in process on a small table, watching the training logloss.
// XGBoost 3.2 (hist, same parameters) prints the same losses: 0.5916 and
// 0.4463.
func ExampleTrainLocal() {
	d, _ := data.FromRows([]string{"x", "y"}, [][]float64{{1, 0}, {2, 0}, {3, 1}, {4, 1}, {5, 1}, {6, 0}}, "y")
	p, err := gbdt.ParseParams([]string{"max_depth=2", "min_child_weight=0", "eval_metric=logloss"})
	if err != nil {
		fmt.Println(err)
		return
	}
	p.NumBoostRound = 3
	res, err := gbdt.TrainLocal(context.Background(), p, d, []gbdt.EvalSet{{Name: gbdt.TrainSet, Data: d}}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	t := res.Model.Trees[0]
	fmt.Printf("%d trees; first split: %s < %v\n", len(res.Model.Trees), res.Model.FeatureNames[t.SplitFeature[0]], t.SplitCondition[0])
	fmt.Printf("train-logloss %.4f -> %.4f\n", res.History["train"]["logloss"][0], res.History["train"]["logloss"][2])
	// Output:
	// 3 trees; first split: x < 3
	// train-logloss 0.5916 -> 0.4463
}

// The parameters as a map under XGBoost's names, as xgboost.train's params
// dict: the same training as ExampleTrainLocal.
func ExampleParamsFrom() {
	d, _ := data.FromRows([]string{"x", "y"}, [][]float64{{1, 0}, {2, 0}, {3, 1}, {4, 1}, {5, 1}, {6, 0}}, "y")
	p, err := gbdt.ParamsFrom(map[string]any{"max_depth": 2, "min_child_weight": 0, "eval_metric": "logloss", "num_boost_round": 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := gbdt.TrainLocal(context.Background(), p, d, []gbdt.EvalSet{{Name: gbdt.TrainSet, Data: d}}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d trees; train-logloss %.4f -> %.4f\n", len(res.Model.Trees), res.History["train"]["logloss"][0], res.History["train"]["logloss"][2])
	// Output:
	// 3 trees; train-logloss 0.5916 -> 0.4463
}
