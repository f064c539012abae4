package gbdt

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestGainAndWeightByHand checks XGBoost's CalcGain and CalcWeight on a
// node with G = -4, H = 2, λ = 1, worked out by hand.
func TestGainAndWeightByHand(t *testing.T) {
	p := DefaultParams()
	if w, g := leafWeight(&p, -4, 2), nodeGain(&p, -4, 2); !near(w, 4.0/3) || !near(g, 16.0/3) {
		t.Fatalf("plain: weight %v gain %v, want 4/3 and 16/3", w, g)
	}
	p.Alpha = 1 // G shrinks to -3
	if w, g := leafWeight(&p, -4, 2), nodeGain(&p, -4, 2); !near(w, 1) || !near(g, 3) {
		t.Fatalf("alpha=1: weight %v gain %v, want 1 and 3", w, g)
	}
	p.Alpha, p.MaxDeltaStep = 0, 0.5 // w clipped to 0.5: -(2·(-4)·0.5 + 3·0.25)
	if w, g := leafWeight(&p, -4, 2), nodeGain(&p, -4, 2); !near(w, 0.5) || !near(g, 3.25) {
		t.Fatalf("max_delta_step=0.5: weight %v gain %v, want 0.5 and 3.25", w, g)
	}
	p.MaxDeltaStep, p.MinChildWeight = 0, 3
	if w, g := leafWeight(&p, -4, 2), nodeGain(&p, -4, 2); w != 0 || g != 0 {
		t.Fatalf("min_child_weight above H: weight %v gain %v, want 0 and 0", w, g)
	}
}

// tiny builds a one-feature data set.
func tiny(values, labels []float32) *data.Dataset {
	d := &data.Dataset{Matrix: data.Matrix{Rows: len(values), Cols: 1, Values: values}, Names: []string{"x"}, Label: labels}
	return d
}

// TestStumpByHand: x = 1,2,3,4, y = 0,0,1,1, base_score 0.5 so every
// gradient is ±0.5 and hessian 0.25. The best split is x < 3 with gain
// 1/1.5 + 1/1.5 - 0 and leaves ∓0.3·1/1.5, computed as XGBoost does: a
// float32 weight times the float32 learning rate.
func TestStumpByHand(t *testing.T) {
	p := DefaultParams()
	p.NumBoostRound, p.MaxDepth, p.MinChildWeight, p.BaseScore = 1, 1, 0, 0.5
	res, err := TrainLocal(context.Background(), p, tiny([]float32{1, 2, 3, 4}, []float32{0, 0, 1, 1}), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := res.Model.Trees[0]
	if tr.NumNodes() != 3 || tr.SplitFeature[0] != 0 || tr.SplitCondition[0] != 3 {
		t.Fatalf("tree %+v: want one split x < 3", tr)
	}
	if !near(float64(tr.LossChange[0]), float64(float32(4.0/3))) {
		t.Fatalf("gain %v, want 4/3", tr.LossChange[0])
	}
	leaf := float32(1.0/1.5) * float32(0.3)
	if tr.SplitCondition[1] != -leaf || tr.SplitCondition[2] != leaf {
		t.Fatalf("leaves %v %v, want ∓%v", tr.SplitCondition[1], tr.SplitCondition[2], leaf)
	}
	if tr.SumHessian[0] != 1 || tr.SumHessian[1] != 0.5 {
		t.Fatalf("cover %v, want 1 at the root and 0.5 per leaf", tr.SumHessian)
	}
	if tr.Left[0] != 1 || tr.Right[0] != 2 {
		t.Fatalf("children %d %d, want 1 and 2", tr.Left[0], tr.Right[0])
	}
}

// TestMissingLearnsDirection: rows with a missing x behave like the small
// values, so missing values must learn to go left.
func TestMissingLearnsDirection(t *testing.T) {
	nan := float32(math.NaN())
	for _, c := range []struct {
		labels   []float32
		wantLeft bool
	}{
		{[]float32{0, 0, 1, 1, 0, 0}, true},
		{[]float32{0, 0, 1, 1, 1, 1}, false},
	} {
		p := DefaultParams()
		p.NumBoostRound, p.MaxDepth, p.MinChildWeight = 1, 1, 0
		res, err := TrainLocal(context.Background(), p, tiny([]float32{1, 1, 2, 2, nan, nan}, c.labels), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		tr := res.Model.Trees[0]
		if tr.SplitCondition[0] != 2 || tr.DefaultLeft[0] != c.wantLeft {
			t.Fatalf("labels %v: split x < %v default left %v, want x < 2 default left %v", c.labels, tr.SplitCondition[0], tr.DefaultLeft[0], c.wantLeft)
		}
	}
}

func TestParamErrorsNameParameterAndRange(t *testing.T) {
	for _, c := range []struct{ kv, want string }{
		{"eta=2", "eta=2: 2 is out of range; eta must be a number in (0, 1]"},
		{"max_depth=x", `max_depth must be an integer in [1, 30]`},
		{"subsample=0", "subsample must be a number in (0, 1]"},
		{"max_bin=1000", "max_bin must be an integer in [2, 256]"},
		{"objective=multi:softmaxx", "objective must be one of binary:logistic, count:poisson, multi:softmax"},
		{"eval_metric=mapee", "eval_metric must be auc, error, gamma-nloglik"},
		{"quantile_alpha=1.5", `quantile_alpha=1.5: "1.5" is not a number in (0, 1)`},
		{"num_class=1", "num_class must be an integer in [2, 100000]"},
		{"etta=0.1", `unknown parameter "etta"`},
		{"eta", "expected name=value"},
		{"tree_method=exact", "only hist is supported"},
	} {
		_, err := ParseParams([]string{c.kv})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.kv, err, c.want)
		}
	}
	p, err := ParseParams([]string{"learning_rate=0.1", "max_depth=4", "eval_metric=auc", "seed=7", "base_score=0.3"})
	if err != nil || p.Eta != 0.1 || p.MaxDepth != 4 || p.EvalMetric[0] != "auc" || p.Seed != 7 || p.BaseScore != 0.3 {
		t.Fatalf("parsed %+v, %v", p, err)
	}
	d := DefaultParams()
	if d.Eta != 0.3 || d.MaxDepth != 6 || d.MinChildWeight != 1 || d.Lambda != 1 || d.Alpha != 0 || d.Gamma != 0 ||
		d.MaxDeltaStep != 0 || d.Subsample != 1 || d.ColsampleTree != 1 || d.MaxBin != 256 || d.Seed != 0 || !math.IsNaN(d.BaseScore) {
		t.Fatalf("defaults %+v differ from XGBoost's", d)
	}
}

func TestEarlyStoppingKeepsBestIteration(t *testing.T) {
	train := synthetic(2000, 6, 8)
	val := synthetic(500, 6, 9)
	p := DefaultParams()
	p.NumBoostRound, p.EarlyStoppingRounds, p.Eta = 200, 5, 0.5
	p.EvalMetric = []string{"error", "logloss"}
	res, err := TrainLocal(context.Background(), p, train, []EvalSet{{TrainSet, train}, {"val", val}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := res.History["val"]["logloss"]
	best := 0
	for i, v := range h {
		if v < h[best] {
			best = i
		}
	}
	m := res.Model
	if len(m.Trees) == 200 || len(m.Trees) != best+6 || m.BestIteration != best || m.BestScore != h[best] {
		t.Fatalf("%d trees, best iteration %d (%v); history minimum at %d: want %d trees", len(m.Trees), m.BestIteration, m.BestScore, best, best+6)
	}
	if len(res.History["val"]["error"]) != len(h) || len(res.History[TrainSet]["logloss"]) != len(h) {
		t.Fatalf("history lengths differ: %v", res.History)
	}
}

func TestCallbackStopsAndCancelStops(t *testing.T) {
	d := synthetic(1000, 4, 2)
	p := DefaultParams()
	p.NumBoostRound = 50
	res, err := TrainLocal(context.Background(), p, d, nil, func(r RoundReport) bool { return r.Round == 2 })
	if err != nil || len(res.Model.Trees) != 3 {
		t.Fatalf("callback stop: %v trees, %v", len(res.Model.Trees), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = TrainLocal(ctx, p, d, nil, func(r RoundReport) bool { cancel(); return false })
	if err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Fatalf("cancelled training returned %v, want context canceled", err)
	}
}

func TestBadInputErrors(t *testing.T) {
	p := DefaultParams()
	d := tiny([]float32{1, 2}, []float32{1, 1})
	if _, err := TrainLocal(context.Background(), p, d, nil, nil); err == nil || !strings.Contains(err.Error(), "are all labels the same") {
		t.Fatalf("constant labels: %v", err)
	}
	if _, err := Train(context.Background(), p, nil, Options{}); err == nil || !strings.Contains(err.Error(), "no holders") {
		t.Fatalf("no holders: %v", err)
	}
	d2 := tiny([]float32{1, 2}, []float32{0, 1})
	if _, err := TrainLocal(context.Background(), p, d2, []EvalSet{{"val", synthetic(10, 3, 1)}}, nil); err == nil || !strings.Contains(err.Error(), `eval set "val" has 3 features`) {
		t.Fatalf("eval width: %v", err)
	}
}
