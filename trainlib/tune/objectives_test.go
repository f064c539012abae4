package tune

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// labeled returns n seeded rows of 4 features and a label made by label
// from the row's noisy score.
func labeled(t testing.TB, n int, seed uint64, label func(z float64) float64) *data.Dataset {
	r := rand.New(rand.NewPCG(seed, 3))
	rows := make([][]float64, n)
	for i := range rows {
		row := make([]float64, 5)
		for j := range 4 {
			row[j] = r.NormFloat64()
		}
		row[4] = label(row[0] + 0.7*row[1]*row[2] + 0.5*r.NormFloat64())
		rows[i] = row
	}
	d, err := data.FromRows([]string{"a", "b", "c", "d", "y"}, rows, "y")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// labeledHolders is twoHolders over labeled data.
func labeledHolders(t testing.TB, label func(z float64) float64) []gbdt.Holder {
	var hs []gbdt.Holder
	for i := range 2 {
		h, err := gbdt.NewLocalHolder([]gbdt.Shard{
			{Set: gbdt.TrainSet, Index: i, Data: labeled(t, 800, uint64(30+i), label)},
			{Set: "val", Index: i, Data: labeled(t, 300, uint64(40+i), label)},
		}, 1)
		if err != nil {
			t.Fatal(err)
		}
		hs = append(hs, h)
	}
	return hs
}

// TestTuneOnTheObjectivesMetrics: every objective's metrics can be the
// tuning metric — computed by each trial even when the base parameters do
// not ask for it, the best trial the one with the lowest (auc: highest)
// final value, its model of the tuned objective.
func TestTuneOnTheObjectivesMetrics(t *testing.T) {
	class := func(z float64) float64 { return float64(min(2, max(0, int(math.Floor(z+1.5))))) }
	value := func(z float64) float64 { return math.Round((20+4*z)*100) / 100 }
	count := func(z float64) float64 { return math.Floor(math.Exp(0.6 * z)) }
	binary := func(z float64) float64 {
		if z > 0 {
			return 1
		}
		return 0
	}
	cases := []struct {
		metric string
		label  func(float64) float64
		params []string
	}{
		{"val-mlogloss", class, []string{"objective=multi:softprob", "num_class=3"}},
		{"val-merror", class, []string{"objective=multi:softmax", "num_class=3", "eval_metric=mlogloss"}},
		{"val-rmse", value, []string{"objective=reg:squarederror"}},
		{"val-mae", value, []string{"objective=reg:absoluteerror", "eval_metric=rmse"}},
		{"val-quantile", value, []string{"objective=reg:quantileerror", "quantile_alpha=[0.2,0.8]"}},
		{"val-poisson-nloglik", count, []string{"objective=count:poisson"}},
		{"val-auc", binary, []string{"objective=binary:logistic"}},
	}
	for _, c := range cases {
		t.Run(c.metric, func(t *testing.T) {
			p, err := gbdt.ParseParams(append([]string{"num_boost_round=4", "seed=3"}, c.params...))
			if err != nil {
				t.Fatal(err)
			}
			opt := Options{Samples: 3, Seed: 5, Base: p, Metric: c.metric, MaxConcurrent: 2, CPUs: 2}
			res, err := Run(context.Background(), labeledHolders(t, c.label), opt)
			if err != nil {
				t.Fatal(err)
			}
			if res.Best == nil || res.BestModel == nil {
				t.Fatalf("no best trial by %s", c.metric)
			}
			maximize := c.metric == "val-auc"
			if want := map[bool]string{true: "max", false: "min"}[maximize]; res.Mode != want {
				t.Fatalf("mode %q for %s, want %q (the metric's direction)", res.Mode, c.metric, want)
			}
			best := res.Best.Last(c.metric)
			if math.IsNaN(best) {
				t.Fatalf("the best trial has no %s: %v", c.metric, res.Best.History)
			}
			for _, tr := range res.Trials {
				v := tr.Last(c.metric)
				if math.IsNaN(v) || (!maximize && v < best) || (maximize && v > best) {
					t.Fatalf("trial %s has %s %v against the best's %v", tr.ID, c.metric, v, best)
				}
			}
			if res.BestModel.Objective != p.Objective || (p.NumClass > 0 && res.BestModel.NumClass != p.NumClass) {
				t.Fatalf("best model is %s with %d classes, want %s", res.BestModel.Objective, res.BestModel.NumClass, p.Objective)
			}
		})
	}
}

// An unknown tuning metric is refused before any trial runs.
func TestTuneRefusesAnUnknownMetric(t *testing.T) {
	opt := testOptions("")
	opt.Metric = "val-mlogloss2"
	_, err := Run(context.Background(), twoHolders(t), opt)
	if err == nil || !strings.Contains(err.Error(), `"mlogloss2" is not a metric`) || !strings.Contains(err.Error(), "mlogloss,") {
		t.Fatalf("error %v, want one naming the metric and listing the known ones", err)
	}
}
