package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

func init() {
	register(command{name: "predict", summary: "score a CSV file with a model (predictions, margins or contributions)", run: runPredict})
}

const predictHelp = `Usage: gotrain predict --model MODEL --data FILE --out FILE [flags]

Score a CSV file with a model (XGBoost JSON, UBJSON or .xgb): probabilities,
margins or per-feature contributions, one row per input row. The model's
features are picked by name, so the file may keep its ID, its label and other
columns (predict says which it ignores); a missing feature is an error.

Examples:
  gotrain predict --model model.json --data test.csv --out predictions.csv
  gotrain predict --model model.json --data test.csv --contribs --out shap.csv

Flags:
`

func runPredict(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("predict", flag.ContinueOnError)
	modelPath := fs.String("model", "", "model file: XGBoost .json, .ubj or .xgb (required)")
	dataPath := fs.String("data", "", "CSV file to score (required)")
	out := fs.String("out", "", "CSV file to write (required)")
	label := fs.String("label", "", "label column to leave out, if the data has one")
	weight := fs.String("weight", "", "sample-weight column to leave out, if the data has one")
	drop := fs.String("drop", "", "comma-separated columns to leave out, such as ID")
	oneHot := fs.Bool("one-hot", false, "one-hot encode text columns as in training; levels the model lacks are ignored")
	sep := fs.String("sep", ",", "field separator, one ASCII character")
	margin := fs.Bool("margin", false, "write raw margins instead of probabilities")
	contribs := fs.Bool("contribs", false, "write exact SHAP contributions (XGBoost pred_contribs), one column per feature and bias")
	approx := fs.Bool("approx-contribs", false, "write decision-path contributions (XGBoost approx_contribs)")
	iter := fs.Int("iteration-end", 0, "use trees [0, N); 0 means the best iteration after early stopping, or all trees")
	if err := parseFlags(fs, predictHelp, args); err != nil {
		return err
	}
	if *modelPath == "" || *dataPath == "" || *out == "" {
		return badUsage(fs, "--model, --data and --out are required")
	}
	if *contribs && *approx {
		return badUsage(fs, "choose one of --contribs and --approx-contribs")
	}
	if fs.NArg() > 0 {
		return badUsage(fs, "unexpected argument %q; give the file with --data", fs.Arg(0))
	}
	m, err := model.Load(*modelPath)
	if err != nil {
		return err
	}
	o, err := csvOptions(*sep, *label, *drop, *oneHot)
	o.Weight = *weight
	if err != nil {
		return fmt.Errorf("predict: %w", err)
	}
	o.NativeCategorical = !*oneHot && m.Categories != nil
	ignored, err := dropExtraColumns(*dataPath, m, &o)
	if err != nil {
		return fmt.Errorf("predict: %w", err)
	}
	if len(ignored) > 0 {
		fmt.Fprintf(os.Stderr, "predict: ignoring %d columns the model does not use: %s\n", len(ignored), strings.Join(ignored, ", "))
	}
	d, err := data.LoadFile(ctx, *dataPath, o)
	if err != nil {
		return err
	}
	if err := recodeCategories(d, m, os.Stderr); err != nil {
		return fmt.Errorf("predict: %s: %w", *dataPath, err)
	}
	x, err := alignColumns(d, m, *oneHot)
	if err != nil {
		return fmt.Errorf("predict: %s: %w", *dataPath, err)
	}
	opt := model.PredictOptions{Margin: *margin, IterationEnd: *iter}
	names := m.FeatureNames
	if len(names) == 0 {
		names = d.Names
	}
	if *contribs || *approx {
		method := model.TreeSHAP
		if *approx {
			method = model.DecisionPath
		}
		c, err := m.Contributions(x, method, opt)
		if err != nil {
			return err
		}
		cols := append(append([]string{}, names...), "bias")
		if k := m.Outputs(); k > 1 {
			// One block per output: class or quantile g's columns are g:name.
			var all []string
			for g := 0; g < k; g++ {
				for _, n := range cols {
					all = append(all, fmt.Sprintf("%d:%s", g, n))
				}
			}
			cols = all
		}
		return writeMatrixCSV(*out, cols, c)
	}
	pred, err := m.Predict(x, opt)
	if err != nil {
		return err
	}
	col := "prediction"
	if *margin {
		col = "margin"
	}
	k := len(pred) / max(1, x.Rows)
	cols := []string{col}
	if k > 1 {
		cols = cols[:0]
		for g := 0; g < k; g++ {
			cols = append(cols, fmt.Sprintf("%s_%d", col, g))
		}
	}
	return writeMatrixCSV(*out, cols, &data.Matrix{Rows: x.Rows, Cols: k, Values: pred})
}

// dropExtraColumns adds to o.Drop the columns of the CSV file at path that
// are no feature of the model (an ID, the label, anything else), so a test
// file with extra columns scores as it is, and returns their names. A
// column is used when it is a feature, or one-hot encodes into features
// (name_level). Without feature names in the model nothing is dropped.
func dropExtraColumns(path string, m *model.Model, o *data.Options) ([]string, error) {
	if len(m.FeatureNames) == 0 {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rec, err := data.NewRecords(f, path, data.Options{Comma: o.Comma, Names: o.Names})
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for _, n := range m.FeatureNames {
		used[n] = true
	}
	dropped := map[string]bool{}
	for _, d := range o.Drop {
		dropped[strings.TrimSpace(d)] = true
	}
	var ignored []string
	for _, n := range rec.Names() {
		if used[n] || dropped[n] || (o.OneHot && encodesFeature(n, m.FeatureNames)) {
			continue
		}
		switch n {
		case strings.TrimSpace(o.Label):
			o.Label = "" // the label is not needed to score
		case strings.TrimSpace(o.Weight):
			o.Weight = "" // nor are the sample weights
		}
		o.Drop = append(o.Drop, n)
		ignored = append(ignored, n)
	}
	return ignored, nil
}

// encodesFeature reports whether one-hot encoding column name makes one of
// the features (name_level).
func encodesFeature(name string, features []string) bool {
	for _, f := range features {
		if strings.HasPrefix(f, name+"_") {
			return true
		}
	}
	return false
}

// alignColumns returns d's values in the model's feature order. Without
// feature names in the model, the columns must match by count. One-hot
// levels absent from the data are zero; levels the model lacks are ignored.
func alignColumns(d *data.Dataset, m *model.Model, oneHot bool) (*data.Matrix, error) {
	if len(m.FeatureNames) == 0 {
		if d.Cols != m.NumFeature {
			return nil, fmt.Errorf("%d feature columns, the model has %d: leave out the label (--label) and dropped columns (--drop)", d.Cols, m.NumFeature)
		}
		return &d.Matrix, nil
	}
	pos := make(map[string]int, d.Cols)
	for i, n := range d.Names {
		pos[n] = i
	}
	idx := make([]int, len(m.FeatureNames))
	for j, n := range m.FeatureNames {
		i, ok := pos[n]
		switch {
		case ok:
			idx[j] = i
		case oneHot:
			idx[j] = -1
		default:
			return nil, fmt.Errorf("column %q, a feature of the model, is missing (for one-hot encoded training data pass --one-hot)", n)
		}
	}
	if !oneHot && d.Cols != len(idx) {
		return nil, fmt.Errorf("%d feature columns, the model has %d: leave out the label (--label) and dropped columns (--drop)", d.Cols, len(idx))
	}
	x := data.NewMatrix(d.Rows, len(idx))
	for r := 0; r < d.Rows; r++ {
		row, src := x.Row(r), d.Row(r)
		for j, i := range idx {
			if i >= 0 {
				row[j] = src[i]
			}
		}
	}
	return x, nil
}

// writeMatrixCSV writes a header and the rows of x, floats in their
// shortest float32 spelling.
func writeMatrixCSV(path string, header []string, x *data.Matrix) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("predict: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("predict: %w", cerr)
		}
	}()
	w := bufio.NewWriter(f)
	for i, h := range header {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString(h)
	}
	w.WriteByte('\n')
	var buf []byte
	for r := 0; r < x.Rows; r++ {
		for c, v := range x.Row(r) {
			if c > 0 {
				w.WriteByte(',')
			}
			buf = strconv.AppendFloat(buf[:0], float64(v), 'g', -1, 32)
			w.Write(buf)
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("predict: %w", err)
	}
	return nil
}
