package job_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/job"
)

// The tutorial's steps in one process: EnsureData generates the sharded
// German credit data in an empty folder (the same files with the same
// seed everywhere), a model is trained on the training shards, Score
// grades it on the test file and ImportanceCharts draws its gain, weight
// and cover charts. Start runs the same steps on workers.
func Example() {
	dir, _ := os.MkdirTemp("", "job")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	generated, err := job.EnsureData(ctx, dir, job.DefaultSeed, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	again, _ := job.EnsureData(ctx, dir, job.DefaultSeed, nil)
	shards, _ := data.Glob(filepath.Join(dir, job.TrainPattern))
	fmt.Println("generated:", generated, "then:", again, "-", len(shards), "training shards")

	o := data.Options{Label: job.Label, BinaryLabel: true}
	train, err := data.Load(ctx, filepath.Join(dir, job.TrainPattern), o)
	if err != nil {
		fmt.Println(err)
		return
	}
	test, _ := data.LoadFile(ctx, filepath.Join(dir, job.TestFile), o)
	p := gbdt.DefaultParams()
	p.NumBoostRound = 20
	res, err := gbdt.TrainLocal(ctx, p, train, nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	scores, _ := job.Score(ctx, res.Model, test)
	fmt.Println(scores.Rows, "test rows; accuracy above 0.7:", scores.Accuracy > 0.7, "AUC above 0.7:", scores.AUC > 0.7)
	charts, _ := job.ImportanceCharts(res.Model)
	fmt.Println(len(charts), "importance charts")
	// Output:
	// generated: true then: false - 6 training shards
	// 200 test rows; accuracy above 0.7: true AUC above 0.7: true
	// 3 importance charts
}
