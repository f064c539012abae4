package datagen

import (
	"fmt"
	"runtime"
)

// Default shard counts and sizes: small enough that the tutorial (10 tuning
// trials on 3 local workers) runs in a couple of minutes on a 2-core laptop,
// with two training shards per worker.
const (
	DefaultTrainShards      = 6
	DefaultValidationShards = 3
	DefaultRowsPerShard     = 2000
)

// The reference workflow's full size (Config.Full): 21 training and 3
// validation shards of 100,000 rows each.
const (
	FullTrainShards      = 21
	FullValidationShards = 3
	FullRowsPerShard     = 100_000
)

// DefaultSeed is the seed of the tutorial's data wherever it is made:
// `gotrain data generate`, `gotrain train` on an empty folder, and the
// notebooks' parameters cells (through job.EnsureData). It is the zero value,
// so a Config without a Seed makes the same files.
const DefaultSeed uint64 = 0

// maxRows caps the rows of one run (train + validation), checked before
// anything is allocated or written.
const maxRows = 50_000_000

// Config says what to generate. The zero value (with Dir set) makes German
// credit at the default size with DefaultSeed.
type Config struct {
	// Dataset is "german" (default) or "uci".
	Dataset string
	// Dir is the output directory; it is created if needed.
	Dir string
	// Seed makes the output: same seed, same files.
	Seed uint64
	// Full selects the reference workflow's size; explicit shard counts and
	// sizes still override it.
	Full bool
	// TrainShards, ValidationShards and RowsPerShard override the defaults
	// when positive.
	TrainShards, ValidationShards, RowsPerShard int
	// TestFraction of the real rows goes to test_data.csv (0.2 when zero).
	TestFraction float64
	// Neighbours is the k of the oversampler (5 when zero).
	Neighbours int
	// Pool caps the rows of one class searched for a row's neighbours
	// (1000 when zero); German credit's classes are smaller than that.
	Pool int
	// Force replaces an earlier run in Dir: its test file and shards are
	// removed before the new files are written, so an interrupted run never
	// leaves old and new shards mixed. Without it an existing file is an
	// error.
	Force bool
	// Parallel bounds how many shards are made at once; 0 means GOMAXPROCS.
	Parallel int
	// Progress, when set, is called after each file is written, from one
	// goroutine at a time.
	Progress func(p Progress)
}

// Progress reports one written file.
type Progress struct {
	File        string // path of the file written
	Rows        int    // its data rows
	Done, Total int    // files written so far, and in all
}

// resolved returns the config with defaults filled in, or an error for
// values that cannot work.
func (c Config) resolved() (Config, error) {
	if c.Dataset == "" {
		c.Dataset = "german"
	}
	if c.Dataset != "german" && c.Dataset != "uci" {
		return c, fmt.Errorf("datagen: unknown dataset %q: use german or uci", c.Dataset)
	}
	if c.Dir == "" {
		return c, fmt.Errorf("datagen: no output directory: set Dir (gotrain: --out DIR)")
	}
	def := func(v, full, small int) int {
		switch {
		case v > 0:
			return v
		case c.Full:
			return full
		}
		return small
	}
	if c.TrainShards < 0 || c.ValidationShards < 0 || c.RowsPerShard < 0 {
		return c, fmt.Errorf("datagen: shard counts and sizes must be positive")
	}
	c.TrainShards = def(c.TrainShards, FullTrainShards, DefaultTrainShards)
	c.ValidationShards = def(c.ValidationShards, FullValidationShards, DefaultValidationShards)
	c.RowsPerShard = def(c.RowsPerShard, FullRowsPerShard, DefaultRowsPerShard)
	if total := int64(c.TrainShards+c.ValidationShards) * int64(c.RowsPerShard); total > maxRows {
		return c, fmt.Errorf("datagen: %d shards × %d rows is %d rows, more than the %d this command makes: use fewer or smaller shards",
			c.TrainShards+c.ValidationShards, c.RowsPerShard, total, maxRows)
	}
	if c.TestFraction == 0 {
		c.TestFraction = 0.2
	}
	if !(c.TestFraction > 0 && c.TestFraction < 1) {
		return c, fmt.Errorf("datagen: test fraction %v: expected a number between 0 and 1 (0.2 holds out 20%%)", c.TestFraction)
	}
	if c.Neighbours == 0 {
		c.Neighbours = 5
	}
	if c.Neighbours < 1 || c.Neighbours > 100 {
		return c, fmt.Errorf("datagen: %d neighbours: expected 1 to 100", c.Neighbours)
	}
	if c.Pool == 0 {
		c.Pool = 1000
	}
	if c.Pool < 2 {
		return c, fmt.Errorf("datagen: a neighbour pool of %d rows: expected at least 2", c.Pool)
	}
	if c.Parallel <= 0 {
		c.Parallel = runtime.GOMAXPROCS(0)
	}
	return c, nil
}
