package model

import (
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

// benchData repeats the fixture rows to n rows.
func benchData(b *testing.B, file string, n int) *data.Matrix {
	t := &testing.T{}
	x := readCSV(t, file, true)
	if t.Failed() {
		b.Fatal("fixture missing")
	}
	big := data.NewMatrix(n, x.Cols)
	for i := 0; i < n; i++ {
		copy(big.Row(i), x.Row(i%x.Rows))
	}
	return big
}

func benchModel(b *testing.B, file string) *Model {
	m, err := Load(testdata(file))
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkPredict scores 30,000 rows with the 22-tree depth-5 fixture.
// bench/model/predict_vs_xgboost.py compares a larger model with XGBoost.
func BenchmarkPredict(b *testing.B) {
	m := benchModel(b, "credit_missing.ubj")
	x := benchData(b, "credit_missing_rows.csv", 30000)
	opt := PredictOptions{Margin: true, IterationEnd: m.NumTrees()}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := m.Predict(x, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTreeSHAP computes exact contributions for 1,000 rows.
func BenchmarkTreeSHAP(b *testing.B) {
	m := benchModel(b, "credit_missing.ubj")
	x := benchData(b, "credit_missing_rows.csv", 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := m.Contributions(x, TreeSHAP, PredictOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
