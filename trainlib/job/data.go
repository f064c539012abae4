package job

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/datagen"
)

// File patterns of the sharded data, as the reference workflow names them.
const (
	TrainPattern      = "train_data_*.csv"
	ValidationPattern = "validation_data_*.csv"
	TestFile          = datagen.TestFile
	Label             = datagen.LabelName
)

// EnsureData makes sure dir holds the tutorial's data. When it holds no
// test_data.csv and no shards, the default-size German credit data is
// generated there (seeded with seed) and a line saying so goes to log; it
// reports whether it generated. A folder holding only part of the files is
// an error that names what is missing: nothing is overwritten.
func EnsureData(ctx context.Context, dir string, seed uint64, log io.Writer) (generated bool, err error) {
	ctx = cellctx.Or(ctx)
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return false, fmt.Errorf("data folder %s is a file: give the folder that holds %s, %s and %s (or an empty or new folder to generate them in)",
			dir, TrainPattern, ValidationPattern, TestFile)
	}
	train, _ := data.Glob(filepath.Join(dir, TrainPattern))
	valid, _ := data.Glob(filepath.Join(dir, ValidationPattern))
	_, testErr := os.Stat(filepath.Join(dir, TestFile))
	hasTest := testErr == nil
	switch {
	case len(train) > 0 && len(valid) > 0 && hasTest:
		return false, nil
	case len(train) > 0 || len(valid) > 0 || hasTest:
		// A notebook's folder is relative to the notebook, not to where the
		// user types the remedy: name it absolutely.
		where := dir
		if abs, err := filepath.Abs(dir); err == nil {
			where = abs
		}
		test := "no " + TestFile
		if hasTest {
			test = "a " + TestFile
		}
		return false, fmt.Errorf("data folder %s is incomplete: it has %d %s, %d %s and %s, and needs at least one of each; "+
			"add the missing files or run `gotrain data generate --out %s --force` to make a fresh set",
			where, len(train), TrainPattern, len(valid), ValidationPattern, test, where)
	}
	if log != nil {
		fmt.Fprintf(log, "no data in %s: generating the default German credit shards there (as gotrain data generate --out %s would)\n", dir, dir)
	}
	cfg := datagen.Config{Dir: dir, Seed: seed}
	if log != nil {
		cfg.Progress = func(p datagen.Progress) {
			fmt.Fprintf(log, "[%d/%d] %s (%d rows)\n", p.Done, p.Total, p.File, p.Rows)
		}
	}
	if _, err := datagen.Generate(ctx, cfg); err != nil {
		return false, fmt.Errorf("generate data in %s: %w", dir, err)
	}
	return true, nil
}
