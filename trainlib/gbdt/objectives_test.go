package gbdt

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

// withLabels returns a copy of d whose labels are label(row, old label)
// and, when weight is set, whose rows weigh weight(row).
func withLabels(d *data.Dataset, label func(r int, y float32) float32, weight func(r int) float32) *data.Dataset {
	out := *d
	out.Label = make([]float32, d.Rows)
	for r := range out.Label {
		out.Label[r] = label(r, d.Label[r])
	}
	if weight != nil {
		out.Weight = make([]float32, d.Rows)
		for r := range out.Weight {
			out.Weight[r] = weight(r)
		}
	}
	return &out
}

// threeClasses labels a synthetic row 0, 1 or 2 from its binary label and
// its second feature.
func threeClasses(d *data.Dataset) func(int, float32) float32 {
	return func(r int, y float32) float32 {
		if d.Values[r*d.Cols+1] > 2 {
			return y + 1
		}
		return y
	}
}

// continuous labels a synthetic row with a positive number that depends
// on its features.
func continuous(d *data.Dataset) func(int, float32) float32 {
	return func(r int, y float32) float32 {
		return 1 + 3*y + d.Values[r*d.Cols+1] + float32(r%7)/7
	}
}

// TestMultiOutputSameModelWhateverHolders pins byte-identical models and
// histories at 1–4 holders for the objectives with several trees per
// round (multi-class, several quantiles) and for weighted rows.
func TestMultiOutputSameModelWhateverHolders(t *testing.T) {
	base := synthetic(3000, 6, 21)
	baseVal := synthetic(900, 6, 22)
	weight := func(r int) float32 { return 0.5 + float32(r%4) }
	for _, c := range []struct {
		name   string
		params []string
		label  func(*data.Dataset) func(int, float32) float32
		weight func(int) float32
	}{
		{"softprob", []string{"objective=multi:softprob", "num_class=3", "eval_metric=merror,mlogloss"}, threeClasses, nil},
		{"softmax weighted", []string{"objective=multi:softmax", "num_class=3"}, threeClasses, weight},
		{"quantiles", []string{"objective=reg:quantileerror", "quantile_alpha=[0.2,0.5,0.8]"}, continuous, nil},
		{"absolute weighted", []string{"objective=reg:absoluteerror", "eval_metric=mape,mae"}, continuous, weight},
		{"tweedie", []string{"objective=reg:tweedie"}, continuous, weight},
	} {
		t.Run(c.name, func(t *testing.T) {
			train := withLabels(base, c.label(base), c.weight)
			val := withLabels(baseVal, c.label(baseVal), c.weight)
			shards := append(shardsOf(TrainSet, train, 4), shardsOf("val", val, 2)...)
			p, err := ParseParams(append([]string{"num_boost_round=4", "subsample=0.8", "colsample_bytree=0.7", "seed=3", "max_depth=4"}, c.params...))
			if err != nil {
				t.Fatal(err)
			}
			opt := Options{Evals: []string{TrainSet, "val"}}
			var want []byte
			var wantHist string
			for holders := 1; holders <= 4; holders++ {
				res, err := Train(context.Background(), p, spread(t, shards, holders, 2), opt)
				if err != nil {
					t.Fatal(err)
				}
				got, hist := modelBytes(t, res.Model), fmt.Sprint(res.History)
				if holders == 1 {
					want, wantHist = got, hist
					if op := p.objParams(); op.outputs(p.Objective) > 0 {
						k := op.outputs(p.Objective)
						if len(res.Model.Trees) != 4*k || res.Model.Outputs() != k {
							t.Fatalf("%d trees and %d outputs, want %d and %d", len(res.Model.Trees), res.Model.Outputs(), 4*k, k)
						}
					}
					continue
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("%d holders: model differs from the one trained on 1 holder", holders)
				}
				if hist != wantHist {
					t.Fatalf("%d holders: history %s, want %s", holders, hist, wantHist)
				}
			}
			// The holders' margins (the metrics) are the saved model's.
			m, err := model.Read(bytes.NewReader(want))
			if err != nil {
				t.Fatal(err)
			}
			pred, err := m.Predict(&val.Matrix, model.PredictOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if m.Objective != model.MultiSoftmax && len(pred) != val.Rows*m.Outputs() {
				t.Fatalf("%d predictions for %d rows of %d outputs", len(pred), val.Rows, m.Outputs())
			}
		})
	}
}

// TestObjectiveErrorsNameRowOrParameter checks the errors of item 6: a
// label the objective cannot take names the shard and row; a missing or
// misplaced objective parameter names the parameter.
func TestObjectiveErrorsNameRowOrParameter(t *testing.T) {
	d := synthetic(200, 3, 5)
	for _, c := range []struct {
		params []string
		label  func(r int, y float32) float32
		want   string
	}{
		{[]string{"objective=multi:softprob", "num_class=2"}, func(r int, y float32) float32 { return map[bool]float32{true: 2}[r == 41] + y*float32(min(1, r%2)) }, "train shard 0, row 42: label 2 is not valid for objective multi:softprob, which needs a class number 0, 1, …, 1"},
		{[]string{"objective=multi:softmax", "num_class=3"}, func(r int, y float32) float32 { return map[bool]float32{true: 0.5}[r == 9] }, "row 10: label 0.5 is not valid"},
		{[]string{"objective=count:poisson"}, func(r int, y float32) float32 { return map[bool]float32{true: -1}[r == 0] }, "row 1: label -1 is not valid for objective count:poisson, which needs a non-negative label"},
		{[]string{"objective=reg:gamma"}, func(r int, y float32) float32 { return (1 + y) * float32(map[bool]int{false: 1}[r == 3]) }, "row 4: label 0 is not valid for objective reg:gamma, which needs a positive label"},
		{[]string{"objective=binary:logistic"}, func(r int, y float32) float32 { return y + float32(map[bool]int{true: 2}[r == 7]) }, "row 8: label"},
		{[]string{"objective=multi:softprob"}, nil, "objective=multi:softprob needs num_class"},
		{[]string{"num_class=3"}, nil, "num_class=3 is for multi:softprob and multi:softmax, not objective=binary:logistic"},
		{[]string{"objective=reg:quantileerror"}, nil, "objective=reg:quantileerror needs quantile_alpha"},
		{[]string{"quantile_alpha=0.5"}, nil, "quantile_alpha is for reg:quantileerror"},
		{[]string{"objective=multi:softprob", "num_class=3", "base_score=0.5"}, nil, "base_score is one number"},
		{[]string{"eval_metric=tweedie-nloglik"}, nil, `eval_metric=tweedie-nloglik: "tweedie-nloglik" is not a supported metric`},
	} {
		t.Run(strings.Join(c.params, ","), func(t *testing.T) {
			p, err := ParseParams(c.params)
			if err == nil {
				train := d
				if c.label != nil {
					train = withLabels(d, c.label, nil)
				}
				_, err = TrainLocal(context.Background(), p, train, nil, nil)
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
}
