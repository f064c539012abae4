// Command explaintool is a test helper for tests/explain: it explains a
// model's predictions with package explain and writes the batch job's files,
// so the Python tests can compare our explanations with XGBoost itself and
// check the files a user would open.
//
//	go run ./trainlib/explain/internal/explaintool contribs [-method shap|path] MODEL ROWS.csv OUT.json
//	go run ./trainlib/explain/internal/explaintool weights [-kind gain] MODEL OUT.json
//	go run ./trainlib/explain/internal/explaintool files MODEL ROWS.csv DIR
//
// ROWS.csv has a header and only feature columns; an empty cell is missing.
// files prints the report's plain text on standard output.
package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/explain"
	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/model"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "explaintool:", err)
		os.Exit(1)
	}
}

const usage = "usage: explaintool contribs [-method shap|path] MODEL ROWS.csv OUT.json | weights [-kind KIND] MODEL OUT.json | files MODEL ROWS.csv DIR"

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	method := fs.String("method", "shap", "contribution method: shap or path")
	kind := fs.String("kind", model.Gain, "importance kind for weights")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	switch args[0] {
	case "contribs":
		if fs.NArg() != 3 {
			return errors.New(usage)
		}
		var m model.ContribMethod
		switch *method {
		case "shap":
			m = model.TreeSHAP
		case "path":
			m = model.DecisionPath
		default:
			return fmt.Errorf("-method %q: use shap or path", *method)
		}
		return contribs(ctx, fs.Arg(0), fs.Arg(1), fs.Arg(2), m)
	case "weights":
		if fs.NArg() != 2 {
			return errors.New(usage)
		}
		return weights(fs.Arg(0), fs.Arg(1), *kind)
	case "files":
		if fs.NArg() != 3 {
			return errors.New(usage)
		}
		return files(ctx, fs.Arg(0), fs.Arg(1), fs.Arg(2))
	}
	return errors.New(usage)
}

// explained is one row's explanation as JSON.
type explained struct {
	Contributions map[string]float64 `json:"contributions"`
	Order         []string           `json:"order"`
	Bias          float64            `json:"bias"`
	Margin        float64            `json:"margin"`
	Probability   *float64           `json:"probability"`
	Text          string             `json:"text"`
	HTML          string             `json:"html"`
}

func contribs(ctx context.Context, modelPath, rowsPath, out string, method model.ContribMethod) error {
	m, err := model.Load(modelPath)
	if err != nil {
		return err
	}
	x, err := readRows(rowsPath)
	if err != nil {
		return err
	}
	ps, err := explain.ExplainRows(ctx, m, x, nil, explain.PredictionOptions{Method: method})
	if err != nil {
		return err
	}
	rows := make([]explained, len(ps))
	for i, p := range ps {
		e := explained{Contributions: map[string]float64{}, Bias: p.Bias, Margin: p.Margin, Text: p.String(), HTML: p.HTML()}
		for _, r := range p.Rows {
			e.Contributions[r.Feature] = r.Contribution
			e.Order = append(e.Order, r.Feature)
		}
		if p.HasProbability {
			prob := p.Probability
			e.Probability = &prob
		}
		rows[i] = e
	}
	return writeJSON(out, rows)
}

func weights(modelPath, out, kind string) error {
	m, err := model.Load(modelPath)
	if err != nil {
		return err
	}
	w, err := explain.ExplainWeights(m, explain.WeightsOptions{Kind: kind, TopN: -1})
	if err != nil {
		return err
	}
	shares := map[string]float64{}
	for _, r := range w.Rows {
		shares[r.Feature] = r.Weight
	}
	return writeJSON(out, map[string]any{"weights": shares, "text": w.String(), "html": w.HTML()})
}

func files(ctx context.Context, modelPath, rowsPath, dir string) error {
	m, err := model.Load(modelPath)
	if err != nil {
		return err
	}
	x, err := readRows(rowsPath)
	if err != nil {
		return err
	}
	if _, err := explain.WriteImportanceCharts(dir, m, nil, chart.ImportanceOptions{}); err != nil {
		return err
	}
	r, err := explain.NewReport(ctx, m, x, explain.ReportOptions{Weights: explain.WeightsOptions{TopN: -1}})
	if err != nil {
		return err
	}
	if err := r.WriteHTML(dir + "/" + explain.ExplanationFile); err != nil {
		return err
	}
	fmt.Print(r.String())
	return nil
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// readRows reads a CSV with a header of feature names; empty cells are
// missing values.
func readRows(path string) (*data.Matrix, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("%s: want a header and at least one row", path)
	}
	x := data.NewMatrix(len(recs)-1, len(recs[0]))
	for i, rec := range recs[1:] {
		for j, cell := range rec {
			if cell == "" {
				x.Values[i*x.Cols+j] = float32(math.NaN())
				continue
			}
			v, err := strconv.ParseFloat(cell, 32)
			if err != nil {
				return nil, fmt.Errorf("%s line %d column %d: %q is not a number", path, i+2, j+1, cell)
			}
			x.Values[i*x.Cols+j] = float32(v)
		}
	}
	return x, nil
}
