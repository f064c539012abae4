package datagen_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/datagen"
)

// Make a small German credit layout: 3 training and 1 validation shard of
// 100 rows, and the held-out test file of 200 real rows.
func ExampleGenerate() {
	dir, err := os.MkdirTemp("", "datagen")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	res, err := datagen.Generate(context.Background(), datagen.Config{
		Dir: dir, Seed: 42, TrainShards: 3, ValidationShards: 1, RowsPerShard: 100})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Files {
		fmt.Println(filepath.Base(f))
	}
	fmt.Println(len(res.Features), "features, first", res.Features[0])
	fmt.Println(res.TestRows, res.TrainRows, res.ValidationRows)
	// Output:
	// test_data.csv
	// train_data_0.csv
	// train_data_1.csv
	// train_data_2.csv
	// validation_data_0.csv
	// 61 features, first checking_account_A11
	// 200 300 100
}
