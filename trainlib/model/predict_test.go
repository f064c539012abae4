package model

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

func TestPredictMatchesXGBoost(t *testing.T) {
	for _, fx := range fixtures {
		x := readCSV(t, fx.rows, true)
		margin := readVector(t, fx.name+".margin.csv")
		pred := readVector(t, fx.name+".pred.csv")
		all := readVector(t, fx.name+".margin_all.csv")
		var info fixtureInfo
		readJSON(t, fx.name+".info.json", &info)
		for _, file := range fx.modelFiles() {
			t.Run(file, func(t *testing.T) {
				m := loadFixture(t, file)
				if m.NumTrees() != info.NumTrees {
					t.Fatalf("%d trees, XGBoost saved %d", m.NumTrees(), info.NumTrees)
				}
				got, err := m.Predict(x, PredictOptions{Margin: true})
				if err != nil {
					t.Fatal(err)
				}
				closeTo(t, "margin", got, margin, 1e-6)
				got, err = m.Predict(x, PredictOptions{})
				if err != nil {
					t.Fatal(err)
				}
				closeTo(t, "prediction", got, pred, 1e-6)
				got, err = m.Predict(x, PredictOptions{Margin: true, IterationEnd: info.NumTrees})
				if err != nil {
					t.Fatal(err)
				}
				closeTo(t, "margin with all trees", got, all, 1e-6)
			})
		}
	}
}

func TestBestIterationIsTheDefault(t *testing.T) {
	m := loadFixture(t, "credit_missing.json")
	var info fixtureInfo
	readJSON(t, "credit_missing.info.json", &info)
	if m.BestIteration+1 != info.IterationEnd || info.IterationEnd >= info.NumTrees {
		t.Fatalf("best iteration %d, fixture says trees [0, %d) of %d", m.BestIteration, info.IterationEnd, info.NumTrees)
	}
	if m.BestScore <= 0 {
		t.Errorf("best score %v not read from the attributes", m.BestScore)
	}
	x := readCSV(t, "credit_missing_rows.csv", true)
	def, err := m.Predict(x, PredictOptions{Margin: true})
	if err != nil {
		t.Fatal(err)
	}
	explicit, err := m.Predict(x, PredictOptions{Margin: true, IterationEnd: info.IterationEnd})
	if err != nil {
		t.Fatal(err)
	}
	closeTo(t, "default vs explicit best iteration", def, explicit, 0)
}

func TestPredictRowAgreesWithPredict(t *testing.T) {
	m := loadFixture(t, "credit_missing.ubj")
	x := readCSV(t, "credit_missing_rows.csv", true)
	for _, opt := range []PredictOptions{{}, {Margin: true}, {IterationEnd: 2}} {
		batch, err := m.Predict(x, opt)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < x.Rows; i++ {
			v, err := m.PredictRow(x.Row(i), opt)
			if err != nil {
				t.Fatal(err)
			}
			if v != batch[i] {
				t.Fatalf("%+v row %d: PredictRow %v, Predict %v", opt, i, v, batch[i])
			}
		}
	}
}

// TestPredictInParallelBatches scores more rows than one batch holds, so
// several goroutines share the work, and checks every row against the
// one-row path.
func TestPredictInParallelBatches(t *testing.T) {
	m := loadFixture(t, "credit_logistic.json")
	x := readCSV(t, "credit_rows.csv", true)
	big := data.NewMatrix(x.Rows*7, x.Cols)
	for i := 0; i < big.Rows; i++ {
		copy(big.Row(i), x.Row(i%x.Rows))
	}
	got, err := m.Predict(big, PredictOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		want, _ := m.PredictRow(big.Row(i), PredictOptions{})
		if got[i] != want {
			t.Fatalf("row %d: %v, want %v", i, got[i], want)
		}
	}
}

func TestMissingGoesDefaultDirection(t *testing.T) {
	nan := float32(math.NaN())
	m := &Model{
		Objective: RegSquaredError, BaseScore: 0.5, NumFeature: 1, BestIteration: -1,
		Trees: []Tree{{
			Left: []int32{1, -1, -1}, Right: []int32{2, -1, -1}, Parent: []int32{NoParent, 0, 0},
			SplitFeature: []int32{0, 0, 0}, SplitCondition: []float32{1, -1, 2},
			DefaultLeft: []bool{false, false, false}, BaseWeight: make([]float32, 3),
			LossChange: make([]float32, 3), SumHessian: []float32{2, 1, 1},
		}},
	}
	cases := []struct {
		v    float32
		left bool
		want float32
	}{
		{0.5, false, 0.5 - 1}, {1, false, 0.5 + 2}, // left iff value < condition
		{nan, false, 0.5 + 2}, {nan, true, 0.5 - 1},
	}
	for _, c := range cases {
		m.Trees[0].DefaultLeft[0] = c.left
		got, err := m.PredictRow([]float32{c.v}, PredictOptions{Margin: true})
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("value %v, default left %v: %v, want %v", c.v, c.left, got, c.want)
		}
	}
}

func TestPredictRefusesBadInput(t *testing.T) {
	m := loadFixture(t, "credit_logistic.json")
	if _, err := m.PredictRow(make([]float32, 3), PredictOptions{}); err == nil {
		t.Error("a row of 3 values scored by a 23-feature model")
	}
	if _, err := m.Predict(data.NewMatrix(2, 24), PredictOptions{}); err == nil {
		t.Error("24 columns scored by a 23-feature model")
	}
	if _, err := m.Predict(data.NewMatrix(2, 23), PredictOptions{IterationEnd: 999}); err == nil {
		t.Error("IterationEnd past the last tree accepted")
	}
	if _, err := m.Predict(nil, PredictOptions{}); err == nil {
		t.Error("nil matrix accepted")
	}
	short := &data.Matrix{Rows: 3, Cols: 23, Values: make([]float32, 40)}
	if _, err := m.Predict(short, PredictOptions{}); err == nil {
		t.Error("a matrix with too few values accepted")
	}
	if _, err := m.Contributions(short, TreeSHAP, PredictOptions{}); err == nil {
		t.Error("Contributions accepted a matrix with too few values")
	}
}

func TestCancelledContextStopsWork(t *testing.T) {
	m := loadFixture(t, "credit_logistic.json")
	x := data.NewMatrix(batchRows*8, m.NumFeature)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := m.PredictContext(ctx, x, PredictOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("PredictContext after cancel: %v", err)
	}
	if _, err := m.ContributionsContext(ctx, x, TreeSHAP, PredictOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("ContributionsContext after cancel: %v", err)
	}
}

func TestNewModelPredictsTheBaseScore(t *testing.T) {
	m := New(BinaryLogistic, 0.25, 2)
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	p, err := m.PredictRow([]float32{1, 2}, PredictOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(float64(p)-0.25) > 1e-7 {
		t.Errorf("empty model predicts %v, want the base score 0.25", p)
	}
	if m.BestIteration != -1 {
		t.Errorf("BestIteration %d, want -1", m.BestIteration)
	}
}
