package gbdt

import (
	"context"
	"math"
	"testing"
)

// TestSquaredErrorLearnsAndStartsAtTheMean: reg:squarederror's base score
// is the label mean and the training rmse falls round by round, to what
// XGBoost 3.2 hist reaches with the same parameters (0.138604482, printed
// by xgb.train(..., evals_result) on the same eight rows).
func TestSquaredErrorLearnsAndStartsAtTheMean(t *testing.T) {
	xs := []float32{1, 2, 3, 4, 5, 6, 7, 8}
	ys := make([]float32, len(xs))
	for i, x := range xs {
		ys[i] = 2 * x
	}
	d := tiny(xs, ys)
	p, err := ParseParams([]string{"objective=reg:squarederror", "min_child_weight=0", "max_depth=3"})
	if err != nil {
		t.Fatal(err)
	}
	p.NumBoostRound = 20
	res, err := TrainLocal(context.Background(), p, d, []EvalSet{{TrainSet, d}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Model.BaseScore != 9 {
		t.Fatalf("base score %v, want the label mean 9", res.Model.BaseScore)
	}
	h := res.History[TrainSet]["rmse"]
	for i := 1; i < len(h); i++ {
		if h[i] > h[i-1] {
			t.Fatalf("rmse rose at round %d: %v", i, h)
		}
	}
	if got := h[len(h)-1]; math.Abs(got-0.138604482) > 1e-6 {
		t.Fatalf("rmse after 20 rounds %v, XGBoost's is 0.138604482", got)
	}
}
