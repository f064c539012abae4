package model

import (
	"math"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

func TestContributionsMatchXGBoost(t *testing.T) {
	methods := []struct {
		method ContribMethod
		file   string
	}{{TreeSHAP, ".contribs.csv"}, {DecisionPath, ".approx.csv"}}
	for _, fx := range fixtures {
		x := readCSV(t, fx.rows, true)
		margin := readVector(t, fx.name+".margin.csv")
		for _, file := range fx.modelFiles() {
			m := loadFixture(t, file)
			for _, mt := range methods {
				t.Run(file+"/"+mt.method.String(), func(t *testing.T) {
					want := readCSV(t, fx.name+mt.file, false)
					got, err := m.Contributions(x, mt.method, PredictOptions{})
					if err != nil {
						t.Fatal(err)
					}
					if got.Rows != want.Rows || got.Cols != want.Cols {
						t.Fatalf("%d×%d contributions, XGBoost %d×%d", got.Rows, got.Cols, want.Rows, want.Cols)
					}
					closeTo(t, mt.method.String(), got.Values, want.Values, 1e-5)
					checkRowSums(t, got, margin)
				})
			}
		}
	}
}

// checkRowSums checks that each row of contributions adds up to the margin.
func checkRowSums(t *testing.T, c *data.Matrix, margin []float32) {
	t.Helper()
	for i := 0; i < c.Rows; i++ {
		var sum float64
		for _, v := range c.Row(i) {
			sum += float64(v)
		}
		if d := math.Abs(sum - float64(margin[i])); d > 1e-4 {
			t.Fatalf("row %d: contributions sum to %v, margin %v", i, sum, margin[i])
		}
	}
}

func TestContributionsUpToAnIteration(t *testing.T) {
	m := loadFixture(t, "credit_missing.json")
	x := readCSV(t, "credit_missing_rows.csv", true)
	for _, method := range []ContribMethod{TreeSHAP, DecisionPath} {
		for _, end := range []int{1, 5, m.NumTrees()} {
			c, err := m.Contributions(x, method, PredictOptions{IterationEnd: end})
			if err != nil {
				t.Fatal(err)
			}
			margin, err := m.Predict(x, PredictOptions{Margin: true, IterationEnd: end})
			if err != nil {
				t.Fatal(err)
			}
			checkRowSums(t, c, margin)
		}
	}
}

func TestContributionsRefuseBadInput(t *testing.T) {
	m := loadFixture(t, "credit_reg.json")
	if _, err := m.Contributions(data.NewMatrix(1, 2), TreeSHAP, PredictOptions{}); err == nil {
		t.Error("2 columns accepted by a 23-feature model")
	}
	if _, err := m.Contributions(data.NewMatrix(1, 23), ContribMethod(7), PredictOptions{}); err == nil {
		t.Error("unknown method accepted")
	}
}

func TestImportanceMatchesXGBoost(t *testing.T) {
	kinds := []string{Weight, Gain, Cover, TotalGain, TotalCover}
	for _, fx := range fixtures {
		var want map[string]map[string]float64
		readJSON(t, fx.name+".importance.json", &want)
		for _, file := range fx.modelFiles() {
			m := loadFixture(t, file)
			for _, kind := range kinds {
				got, err := m.Importance(kind)
				if err != nil {
					t.Fatal(err)
				}
				w := want[kind]
				if len(w) == 0 {
					t.Fatalf("%s: fixture has no %s importance", fx.name, kind)
				}
				if len(got) != len(w) {
					t.Errorf("%s %s: %d features, XGBoost %d: %v vs %v", file, kind, len(got), len(w), got, w)
				}
				for k, wv := range w {
					gv, ok := got[k]
					if !ok || math.Abs(gv-wv) > 1e-6*math.Abs(wv) {
						t.Errorf("%s %s[%s] = %v (present %v), XGBoost %v", file, kind, k, gv, ok, wv)
					}
				}
			}
		}
	}
	m := loadFixture(t, "credit_reg.json")
	if _, err := m.Importance("gains"); err == nil {
		t.Error("unknown importance kind accepted")
	}
}
