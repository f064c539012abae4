package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/gotrain/gotrain/trainlib/data"
)

// runDataCheck reads CSV exactly as training would and prints its shape,
// label balance and missing values per feature, or the first problem with
// its file, line and column.
func runDataCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("data check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sep := fs.String("sep", ",", "field separator, one ASCII character (' ' for German credit's german.data)")
	label := fs.String("label", "", "label column")
	binary := fs.Bool("binary-label", false, "require labels of 0 or 1 (binary:logistic)")
	positive := fs.String("positive", "", "the label value read as 1 when the label holds two words (Y/N) or two numbers other than 0/1; default: the less frequent")
	drop := fs.String("drop", "", "comma-separated columns to leave out, such as ID")
	names := fs.String("names", "", "comma-separated column names for a file without a header row")
	oneHot := fs.Bool("one-hot", false, "one-hot encode text columns")
	const help = `Usage: gotrain data check [flags] FILE|GLOB|LIST

Reads CSV as training does and prints rows, features, label balance and
missing values, or the first problem with its file, line and column.

Examples:
  gotrain data check 'data/train_data_*.csv' --label credit --binary-label
  gotrain data check german.data --sep ' ' --names a,b,c --label c
  gotrain data check loans.csv --label "default " --positive Y --drop ID --one-hot
`
	path, comma, err := parseOneArg(fs, help, args, sep, "FILE, GLOB or comma-separated list")
	if err != nil {
		return err
	}
	o := data.Options{Comma: comma, Label: *label, Positive: *positive, BinaryLabel: *binary, OneHot: *oneHot}
	if *drop != "" {
		o.Drop = strings.Split(*drop, ",")
	}
	if *names != "" {
		o.Names = strings.Split(*names, ",")
	}
	files, err := data.Files(path)
	if err != nil {
		return err
	}
	parts, schema, err := data.LoadFiles(ctx, files, o)
	if err != nil {
		return err
	}
	d, err := data.Concat(parts...)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d rows, %d features\n", d.Rows, d.Cols)
	if pos, neg, ok := schema.Positive(); ok {
		fmt.Fprintln(stdout, data.LabelNote(o.Label, pos, neg, strings.TrimSpace(o.Positive) != ""))
	}
	if d.Label != nil {
		counts := map[float32]int{}
		for _, l := range d.Label {
			counts[l]++
		}
		if len(counts) <= 10 {
			fmt.Fprintf(stdout, "label %s:", strings.TrimSpace(*label))
			for _, v := range []float32{0, 1} {
				if n, ok := counts[v]; ok {
					fmt.Fprintf(stdout, " %g: %d (%.1f%%)", v, n, 100*float64(n)/float64(d.Rows))
					delete(counts, v)
				}
			}
			for v, n := range counts {
				fmt.Fprintf(stdout, " %g: %d", v, n)
			}
			fmt.Fprintln(stdout)
		}
	}
	missing := make([]int, d.Cols)
	for i, v := range d.Values {
		if data.Missing(v) {
			missing[i%d.Cols]++
		}
	}
	for j, n := range missing {
		if n > 0 {
			fmt.Fprintf(stdout, "missing: %s %d\n", d.Names[j], n)
		}
	}
	return nil
}

// parseOneArg parses flags before and after the one positional argument
// (gotrain data check FILE --label credit), which it returns with the
// --sep character; what names the argument in the usage error.
func parseOneArg(fs *flag.FlagSet, help string, args []string, sep *string, what string) (string, rune, error) {
	var pos []string
	for {
		if err := parseFlags(fs, help, args); err != nil {
			return "", 0, err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 1 {
		return "", 0, badUsage(fs, "give one %s", what)
	}
	if len(*sep) != 1 {
		return "", 0, fmt.Errorf("--sep %q: give one ASCII character", *sep)
	}
	return pos[0], rune((*sep)[0]), nil
}
