package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gotrain/gotrain/trainlib/data"
)

// runDataSplit writes seeded parts of one CSV file, for example the 70/15/15
// train/val/test split of UCI credit that quality checks use.
func runDataSplit(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("data split", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fractions := fs.String("fractions", "0.7,0.15,0.15", "comma-separated shares of the rows, summing to 1")
	parts := fs.String("parts", "train,val,test", "comma-separated part names, one per fraction: DIR/NAME.csv")
	out := fs.String("out", ".", "output directory (created if needed)")
	seed := fs.Uint64("seed", 42, "random seed: the same seed makes the same parts")
	sep := fs.String("sep", ",", "field separator, one ASCII character")
	names := fs.String("names", "", "comma-separated column names for a file without a header row")
	force := fs.Bool("force", false, "overwrite existing part files")
	const help = `Usage: gotrain data split [flags] FILE

Shuffles the rows of FILE with the seed and writes DIR/train.csv,
DIR/val.csv and DIR/test.csv (by default 70/15/15), each with the header;
rows are copied as written. Existing files are kept unless --force.

Examples:
  gotrain data split loans.csv --out splits
  gotrain data split german.data --sep ' ' --fractions 0.8,0.2 --parts train,val --out splits
`
	path, comma, err := parseOneArg(fs, help, args, sep, "FILE")
	if err != nil {
		return err
	}
	var fr []float64
	for _, f := range strings.Split(*fractions, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return fmt.Errorf("--fractions %q: %q is not a number; write them like 0.7,0.15,0.15", *fractions, f)
		}
		fr = append(fr, v)
	}
	partNames := strings.Split(*parts, ",")
	if len(partNames) != len(fr) {
		return fmt.Errorf("--parts %q names %d parts for %d fractions: give one name per fraction", *parts, len(partNames), len(fr))
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	outs := make([]string, len(partNames))
	for i, n := range partNames {
		outs[i] = filepath.Join(*out, strings.TrimSpace(n)+".csv")
	}
	o := data.Options{Comma: comma}
	if *names != "" {
		o.Names = strings.Split(*names, ",")
	}
	if err := data.SplitCSV(ctx, path, outs, fr, *seed, *force, o); err != nil {
		return err
	}
	for _, p := range outs {
		fmt.Fprintf(stderr, "wrote %s\n", p)
	}
	return nil
}
