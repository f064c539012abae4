package model_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Load a model XGBoost saved, score a row, explain it, and save the model
// again as UBJSON.
func Example() {
	m, err := model.Load("testdata/credit_reg.json")
	if err != nil {
		log.Fatal(err)
	}
	row := make([]float32, m.NumFeature) // all zeros: a made-up customer
	row[0] = 50000                       // LIMIT_BAL
	p, err := m.PredictRow(row, model.PredictOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d trees, prediction %.4f\n", m.NumTrees(), p)

	x := &data.Matrix{Rows: 1, Cols: m.NumFeature, Values: row}
	c, err := m.Contributions(x, model.TreeSHAP, model.PredictOptions{})
	if err != nil {
		log.Fatal(err)
	}
	var sum float32
	for _, v := range c.Row(0) {
		sum += v
	}
	fmt.Printf("contributions sum to %.4f\n", sum)

	gain, err := m.Importance(model.Gain)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("gain of PAY_0 (f5): %.2f\n", gain["f5"])

	dir, err := os.MkdirTemp("", "model")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := m.Save(filepath.Join(dir, "tune_best.xgb")); err != nil {
		log.Fatal(err)
	}
	again, err := model.Load(filepath.Join(dir, "tune_best.xgb"))
	if err != nil {
		log.Fatal(err)
	}
	q, _ := again.PredictRow(row, model.PredictOptions{})
	fmt.Println("same prediction after a round trip:", p == q)
	// Output:
	// 10 trees, prediction 0.2677
	// contributions sum to 0.2677
	// gain of PAY_0 (f5): 10.66
	// same prediction after a round trip: true
}
