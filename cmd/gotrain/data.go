package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/gotrain/gotrain/trainlib/datagen"
)

func init() {
	register(command{name: "data", summary: "prepare and check data: data generate makes the tutorial's shards, data check reads CSV", run: runData})
}

const dataHelp = `Usage:
  gotrain data generate [flags]            write the tutorial's data layout
  gotrain data check [flags] FILE|GLOB     read CSV as training would, report its shape or its first error
  gotrain data split [flags] FILE          write seeded train/val/test parts of a CSV file

Examples:
  gotrain data generate --out data
  gotrain data check 'data/train_data_*.csv' --label credit
  gotrain data split loans.csv --out splits

Run 'gotrain data generate --help', 'gotrain data check --help' or
'gotrain data split --help' for a subcommand's flags.
`

func runData(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("data", flag.ContinueOnError)
	if len(args) == 0 {
		return badUsage(fs, "give a subcommand: generate, check or split")
	}
	if args[0] == "help" || strings.HasPrefix(args[0], "-") {
		return parseFlags(fs, dataHelp, args)
	}
	switch args[0] {
	case "generate":
		return runDataGenerate(ctx, args[1:], os.Stderr)
	case "check":
		return runDataCheck(ctx, args[1:], os.Stdout, os.Stderr)
	case "split":
		return runDataSplit(ctx, args[1:], os.Stderr)
	}
	return badUsage(fs, "unknown subcommand %q; use generate, check or split", args[0])
}

func runDataGenerate(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("data generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg datagen.Config
	fs.StringVar(&cfg.Dataset, "dataset", "german", "embedded data set: german (Statlog German credit, the reference workflow's) or uci (UCI credit card default)")
	fs.StringVar(&cfg.Dir, "out", "data", "output directory (created if needed)")
	fs.BoolVar(&cfg.Full, "full", false, fmt.Sprintf("the reference workflow's size: %d training and %d validation shards of %d rows",
		datagen.FullTrainShards, datagen.FullValidationShards, datagen.FullRowsPerShard))
	fs.Uint64Var(&cfg.Seed, "seed", datagen.DefaultSeed, "random seed: the same seed writes the same files (the default is the one gotrain train and the notebooks use)")
	fs.IntVar(&cfg.TrainShards, "train-shards", 0, fmt.Sprintf("training shards (default %d, %d with --full)", datagen.DefaultTrainShards, datagen.FullTrainShards))
	fs.IntVar(&cfg.ValidationShards, "validation-shards", 0, fmt.Sprintf("validation shards (default %d, %d with --full)", datagen.DefaultValidationShards, datagen.FullValidationShards))
	fs.IntVar(&cfg.ValidationShards, "val-shards", 0, "alias of --validation-shards (val, as fit --val and data split call it)")
	fs.IntVar(&cfg.RowsPerShard, "rows-per-shard", 0, fmt.Sprintf("rows in each shard (default %d, %d with --full)", datagen.DefaultRowsPerShard, datagen.FullRowsPerShard))
	fs.Float64Var(&cfg.TestFraction, "test-fraction", 0.2, "share of the real rows held out as test_data.csv")
	fs.BoolVar(&cfg.Force, "force", false, "overwrite existing output files and remove stale shards of an earlier run")
	const help = `Usage: gotrain data generate [flags]

Writes the reference workflow's data layout from a data set embedded in
gotrain: test_data.csv (real rows held out with the seed), and synthetic,
class-balanced shards train_data_0.csv … and validation_data_0.csv … made
by a seeded SMOTE-N-style oversampler. Features are one-hot encoded (German
credit's 13 categorical attributes) and min-max scaled to [0, 1]; the label
column is "credit" (German: 1 = good credit, 0 = bad; UCI: 1 = default next
month). Existing files are never overwritten without --force.

Examples:
  gotrain data generate --out data
  gotrain data generate --dataset uci --full --out data-full
  gotrain data generate --validation-shards 6 --out data --force
`
	if err := parseFlags(fs, help, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return badUsage(fs, "unexpected argument %q; give the folder with --out", fs.Arg(0))
	}
	if cfg.TrainShards < 0 || cfg.ValidationShards < 0 || cfg.RowsPerShard < 0 {
		return badUsage(fs, "--train-shards, --validation-shards and --rows-per-shard must be positive (0 or unset: the default)")
	}
	if !(cfg.TestFraction > 0 && cfg.TestFraction < 1) {
		return badUsage(fs, "--test-fraction %v: give a share between 0 and 1", cfg.TestFraction)
	}
	start := time.Now()
	cfg.Progress = func(p datagen.Progress) {
		fmt.Fprintf(stderr, "[%*d/%d] %s (%d rows) %.1fs\n", len(fmt.Sprint(p.Total)), p.Done, p.Total, p.File, p.Rows, time.Since(start).Seconds())
	}
	fmt.Fprintf(stderr, "generating %s data into %s …\n", cfg.Dataset, cfg.Dir)
	res, err := datagen.Generate(ctx, cfg)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted; files written so far are complete, the rest were not written")
		}
		return err
	}
	for _, p := range res.Removed {
		fmt.Fprintf(stderr, "removed stale shard %s\n", p)
	}
	fmt.Fprintf(stderr, "done in %.1fs: %d features + label credit; %d test, %d training, %d validation rows\n",
		time.Since(start).Seconds(), len(res.Features), res.TestRows, res.TrainRows, res.ValidationRows)
	return nil
}
