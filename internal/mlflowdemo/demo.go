// Package mlflowdemo is the hidden `gotrain mlflow demo` command: it drives
// the MLflow tracker through a whole tuning-shaped run tree from saved or
// freshly trained models, so tests/track can check against a real MLflow
// server, with MLflow's own client, everything a job logs — without the
// cost of a real tuning run. It is test scaffolding that ships in the
// binary (the tests need the same binary users run), kept out of the real
// commands' way.
package mlflowdemo

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/metric"
	"github.com/gotrain/gotrain/trainlib/model"
	"github.com/gotrain/gotrain/trainlib/track"
)

// demoOptions are the hidden demo's flags.
type demoOptions struct {
	out, data, label, drop, rows, register string
	models                                 []string
	limit, trials, rounds                  int
	seed                                   int64
	delay, closeTimeout                    time.Duration
}

// Main runs `gotrain mlflow demo ARGS`: it logs a tuning-shaped run tree from saved models: a parent
// run, a child per model file with its per-round metrics (each round's
// prefix of trees scored on a train and a validation slice of --data), the
// result files, a learning-curve PNG, an HTML report, and the best model as
// an MLflow model, registered. It writes our predictions for --rows to
// OUT/predictions.json so tests can compare MLflow's loaders with us.
func Main(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("mlflow demo", flag.ContinueOnError)
	var o demoOptions
	fs.StringVar(&o.out, "out", "", "output directory (spool, result files)")
	fs.StringVar(&o.data, "data", "", "labelled CSV scored each round: first half train, second half validation")
	fs.StringVar(&o.label, "label", "default.payment.next.month", "label column of --data")
	fs.StringVar(&o.drop, "drop", "ID", "comma-separated columns of --data to leave out")
	fs.IntVar(&o.limit, "limit", 2000, "rows of --data to use")
	fs.StringVar(&o.rows, "rows", "", "CSV of feature rows to predict with the best model")
	fs.StringVar(&o.register, "register", "gotrain-demo", "registered model name")
	models := fs.String("models", "", "comma-separated XGBoost model files, one trial each; empty: train --trials models")
	fs.IntVar(&o.trials, "trials", 3, "trials to train when --models is empty (eta log-uniform [0.003, 0.3], max_depth 2..6)")
	fs.IntVar(&o.rounds, "rounds", 20, "boosting rounds per trained trial")
	fs.Int64Var(&o.seed, "seed", 1, "seed of the sampled trial parameters")
	fs.DurationVar(&o.delay, "round-delay", 0, "pause after each round (lets tests stop the server mid-run)")
	fs.DurationVar(&o.closeTimeout, "close-timeout", 2*time.Minute, "how long to wait at the end for unsent tracking calls")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *models != "" {
		o.models = strings.Split(*models, ",")
	}
	if o.out == "" || o.data == "" || o.rows == "" {
		return fmt.Errorf("mlflow demo needs --out, --data and --rows")
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	return demo(ctx, o)
}

// demoTrial is one trial of the demo: a model and its learning curves.
type demoTrial struct {
	id     string
	file   string
	m      *model.Model
	params map[string]any
	curves map[string][]float64
}

func demo(ctx context.Context, o demoOptions) error {
	train, val, err := demoData(ctx, o)
	if err != nil {
		return err
	}
	tr, err := track.NewMLflow(track.ConfigFromEnv(), track.MLflowOptions{Dir: o.out, SourceName: "gotrain mlflow demo"})
	if err != nil {
		return err
	}
	n := len(o.models)
	if n == 0 {
		n = o.trials
	}
	parent, err := tr.StartParent("tune", map[string]any{"num_samples": n, "metric": "val-error", "mode": "min"}, map[string]string{"gotrain.job": "demo"})
	if err != nil {
		return err
	}
	var trials []*demoTrial
	rng := rand.New(rand.NewPCG(uint64(o.seed), 0))
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("trial_%d", i)
		var t *demoTrial
		if len(o.models) > 0 {
			t, err = demoRunTrial(ctx, tr, parent, id, o.models[i], train, val, o.delay)
		} else {
			eta := math.Exp(math.Log(0.003) + rng.Float64()*(math.Log(0.3)-math.Log(0.003)))
			t, err = demoTrainTrial(ctx, tr, parent, id, eta, 2+rng.IntN(5), train, val, o)
		}
		if err != nil {
			return err
		}
		trials = append(trials, t)
	}
	best := trials[0]
	for _, t := range trials[1:] {
		if last(t.curves["val-error"]) < last(best.curves["val-error"]) {
			best = t
		}
	}
	if err := demoResults(tr, parent, trials, best, o); err != nil {
		return err
	}
	// The model logged next carries the parent's metrics at its last step.
	if err := tr.LogMetrics(parent, 0, map[string]float64{"best-val-error": last(best.curves["val-error"])}); err != nil {
		return err
	}
	if best.file != "" {
		err = tr.LogModelFile(parent, best.file, "model")
	} else {
		err = tr.LogModel(parent, best.m, "model")
	}
	if err != nil {
		return err
	}
	if err := tr.RegisterModel(parent, "model", o.register); err != nil {
		return err
	}
	if err := tr.End(parent, track.Finished); err != nil {
		return err
	}
	if err := demoPredictions(ctx, best, o); err != nil {
		return err
	}
	cctx, cancel := context.WithTimeout(ctx, o.closeTimeout)
	defer cancel()
	err = tr.Close(cctx)
	var unsent *track.UnsentError
	if errors.As(err, &unsent) {
		fmt.Fprintln(os.Stderr, "warning:", err) // the job itself succeeded
		return nil
	}
	return err
}

// demoData loads --data and splits it into halves.
func demoData(ctx context.Context, o demoOptions) (train, val *data.Dataset, err error) {
	var drop []string
	if o.drop != "" {
		drop = strings.Split(o.drop, ",")
	}
	d, err := data.LoadFile(ctx, o.data, data.Options{Label: o.label, BinaryLabel: true, Drop: drop})
	if err != nil {
		return nil, nil, err
	}
	n := min(o.limit, d.Rows)
	rows := make([][]float64, n)
	for i := range rows {
		r := d.Row(i)
		rows[i] = make([]float64, len(r)+1)
		for j, v := range r {
			rows[i][j] = float64(v)
		}
		rows[i][len(r)] = float64(d.Label[i])
	}
	names := append(append([]string(nil), d.Names...), "label")
	if train, err = data.FromRows(names, rows[:n/2], "label"); err != nil {
		return nil, nil, err
	}
	val, err = data.FromRows(names, rows[n/2:], "label")
	return train, val, err
}

// demoRunTrial logs one trial: a child run with the model's parameters and,
// for every round, the error and logloss of the first round+1 trees.
func demoRunTrial(ctx context.Context, tr *track.MLflow, parent track.Run, id, file string, train, val *data.Dataset, delay time.Duration) (*demoTrial, error) {
	m, err := model.Load(file)
	if err != nil {
		return nil, err
	}
	t := &demoTrial{id: id, file: file, m: m, params: map[string]any{"model_file": filepath.Base(file)}, curves: map[string][]float64{}}
	for _, k := range []string{"eta", "max_depth", "objective"} {
		if v, ok := m.Params[k]; ok {
			t.params[k] = v
		}
	}
	child, err := tr.StartChild(parent, id, t.params)
	if err != nil {
		return nil, err
	}
	for round := 0; round < m.NumTrees(); round++ {
		metrics := map[string]float64{}
		for name, d := range map[string]*data.Dataset{"train": train, "val": val} {
			p, err := m.PredictContext(ctx, &d.Matrix, model.PredictOptions{IterationEnd: round + 1})
			if err != nil {
				return nil, err
			}
			metrics[name+"-error"], metrics[name+"-logloss"] = errorAndLogloss(p, d.Label)
		}
		for k, v := range metrics {
			t.curves[k] = append(t.curves[k], v)
		}
		if err := tr.LogMetrics(child, round, metrics); err != nil {
			return nil, err
		}
		fmt.Printf("%s round %d val-error %.4f\n", id, round, metrics["val-error"])
		if delay > 0 {
			select {
			case <-time.After(delay):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
	}
	if err := tr.LogArtifact(child, file, "xgboost_model"+filepath.Ext(file)); err != nil {
		return nil, err
	}
	return t, tr.End(child, track.Finished)
}

// demoTrainTrial trains one trial in process with gbdt, logging each
// round's train and validation metrics from the round callback, as the tuner
// does.
func demoTrainTrial(ctx context.Context, tr *track.MLflow, parent track.Run, id string, eta float64, depth int, train, val *data.Dataset, o demoOptions) (*demoTrial, error) {
	p := gbdt.DefaultParams()
	p.Eta, p.MaxDepth, p.NumBoostRound, p.NThread, p.Seed = eta, depth, o.rounds, 1, uint64(o.seed)
	p.EvalMetric = []string{"logloss", "error"}
	t := &demoTrial{id: id, params: map[string]any{"eta": eta, "max_depth": depth}, curves: map[string][]float64{}}
	child, err := tr.StartChild(parent, id, t.params)
	if err != nil {
		return nil, err
	}
	var logErr error
	cb := func(r gbdt.RoundReport) bool {
		metrics := map[string]float64{}
		for _, e := range r.Evals {
			metrics[e.Set+"-"+e.Metric] = e.Value
			t.curves[e.Set+"-"+e.Metric] = append(t.curves[e.Set+"-"+e.Metric], e.Value)
		}
		if logErr = tr.LogMetrics(child, r.Round, metrics); logErr != nil {
			return true
		}
		fmt.Printf("%s round %d val-error %.4f\n", id, r.Round, metrics["val-error"])
		if o.delay > 0 {
			time.Sleep(o.delay)
		}
		return false
	}
	res, err := gbdt.TrainLocal(ctx, p, train, []gbdt.EvalSet{{Name: gbdt.TrainSet, Data: train}, {Name: "val", Data: val}}, cb)
	if err != nil {
		tr.End(child, track.Failed)
		return nil, err
	}
	if logErr != nil {
		return nil, logErr
	}
	t.m = res.Model
	file := filepath.Join(o.out, id+".json")
	if err := t.m.Save(file); err != nil {
		return nil, err
	}
	if err := tr.LogArtifact(child, file, "xgboost_model.json"); err != nil {
		return nil, err
	}
	return t, tr.End(child, track.Finished)
}

// errorAndLogloss computes XGBoost's error and logloss of predictions p.
func errorAndLogloss(p, y []float32) (float64, float64) {
	var wrong int64
	var ll float64
	for i := range p {
		if metric.Wrong(p[i], y[i]) {
			wrong++
		}
		ll += metric.LogLoss(float64(p[i]), float64(y[i]))
	}
	n := int64(len(p))
	return metric.Mean(float64(wrong), n), metric.Mean(ll, n)
}

func last(xs []float64) float64 { return xs[len(xs)-1] }

// demoResults writes and logs trial_results.json, dominostats.json, the
// learning-curve PNG and the HTML report.
func demoResults(tr *track.MLflow, parent track.Run, trials []*demoTrial, best *demoTrial, o demoOptions) error {
	var results []track.TrialResult
	for _, t := range trials {
		r := track.TrialResult{TrialID: t.id, Params: map[string]any{}, Metrics: map[string]float64{}}
		for k, v := range t.params {
			r.Params[k] = v
		}
		for k, c := range t.curves {
			r.Metrics[k] = last(c)
		}
		results = append(results, r)
	}
	files := map[string]func(string) error{
		track.TrialResultsFile: func(p string) error { return track.WriteTrialResults(p, results) },
		track.DominoStatsFile: func(p string) error {
			return track.WriteDominoStats(p, map[string]any{"best_trial": best.id, "val-error": last(best.curves["val-error"])})
		},
		"learning_curves.png": func(p string) error { return demoChart(p, trials) },
		"report.html":         func(p string) error { return demoReport(p, results) },
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(o.out, n)
		if err := files[n](p); err != nil {
			return err
		}
		if err := tr.LogArtifact(parent, p, n); err != nil {
			return err
		}
	}
	return nil
}

// demoChart draws each trial's validation error per round.
func demoChart(path string, trials []*demoTrial) error {
	p := plot.New()
	p.Title.Text = "val-error per round"
	p.X.Label.Text = "round"
	p.Y.Label.Text = "val-error"
	for i, t := range trials {
		pts := make(plotter.XYs, len(t.curves["val-error"]))
		for r, v := range t.curves["val-error"] {
			pts[r] = plotter.XY{X: float64(r), Y: v}
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return err
		}
		l.Color = plotter.DefaultLineStyle.Color
		l.Dashes = [][]vg.Length{nil, {vg.Points(4), vg.Points(2)}}[i%2]
		p.Add(l)
		p.Legend.Add(t.id, l)
	}
	return p.Save(5*vg.Inch, 3*vg.Inch, path)
}

// demoReport writes the trial table as HTML.
func demoReport(path string, results []track.TrialResult) error {
	var b strings.Builder
	b.WriteString("<html><body><table><tr><th>trial</th><th>val-error</th><th>val-logloss</th></tr>\n")
	for _, r := range results {
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%.4f</td><td>%.4f</td></tr>\n", html.EscapeString(r.TrialID), r.Metrics["val-error"], r.Metrics["val-logloss"])
	}
	b.WriteString("</table></body></html>\n")
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// demoPredictions writes the best model's predictions for --rows.
func demoPredictions(ctx context.Context, best *demoTrial, o demoOptions) error {
	x, err := data.LoadFile(ctx, o.rows, data.Options{})
	if err != nil {
		return err
	}
	p, err := best.m.PredictContext(ctx, &x.Matrix, model.PredictOptions{})
	if err != nil {
		return err
	}
	out, err := json.Marshal(map[string]any{"trial": best.id, "predictions": p})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(o.out, "predictions.json"), out, 0o644)
}
