package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

func init() {
	register(command{name: "fit", summary: "train one boosted-tree model on CSV files (XGBoost parameters)", run: runFit})
}

// listFlag collects a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// fitFlags are the flags of gotrain fit.
type fitFlags struct {
	train, label, drop, out, sep string
	positive                     string
	weight                       string
	valid, params                listFlag
	oneHot, quiet, native        bool
	categorical                  string
	rounds, early                int
}

const fitHelp = `Usage: gotrain fit --train FILES --label NAME --out MODEL [--val [NAME=]FILES]… [--spawn N | --addresses HOST:PORT,… | --ray URL] [flags]

Train one boosted-tree model with XGBoost's parameter names on a CSV file, a
glob of shards or a list, in process or on workers, and write it as an
XGBoost model file. A label of two words (Y/N) or two numbers other than 0/1
reads as 1/0: --positive names the value read as 1 (default: the less
frequent), and fit says which it is.

Examples:
  gotrain fit --train data/train_data_*.csv --val data/validation_data_*.csv --label credit --out model.json
  gotrain fit --train loans.csv --label "default " --positive Y --drop ID --one-hot --param eta=0.1 --out model.ubj
  gotrain fit --train 'data/train_*.csv' --label credit --spawn 2 --out model.json
  gotrain fit --train 'data/train_*.csv' --label credit --addresses 10.0.0.5:7070 --token-file secret --out model.json
`

func runFit(ctx context.Context, args []string) error {
	var f fitFlags
	fs := flag.NewFlagSet("fit", flag.ContinueOnError)
	fs.StringVar(&f.train, "train", "", "training CSV: a file, a glob of shards or a comma-separated list (required)")
	fs.StringVar(&f.label, "label", "", "name of the label column (required)")
	fs.Var(&f.valid, "val", "validation CSV (`[NAME=]FILE|GLOB`), repeatable: sets val, val2, … unless NAME= names them; early stopping watches the last one")
	fs.Var(&f.valid, "valid", "alias of --val")
	fs.StringVar(&f.positive, "positive", "", "the label value read as 1 when the label holds two words (Y/N) or two numbers other than 0/1 (German credit: 2); default: the less frequent")
	fs.StringVar(&f.drop, "drop", "", "comma-separated columns to leave out, such as ID")
	fs.StringVar(&f.weight, "weight", "", "name of a sample-weight column (numbers ≥ 0; XGBoost's DMatrix weight)")
	fs.BoolVar(&f.oneHot, "one-hot", false, "one-hot encode text columns (German credit's A11, A12, …)")
	fs.BoolVar(&f.native, "enable-categorical", false, "keep text columns as categorical features split on sets of categories, as XGBoost's enable_categorical (the model keeps the category names)")
	fs.StringVar(&f.categorical, "categorical", "", "comma-separated integer columns to treat as categories too (with --enable-categorical, or one-hot with --one-hot)")
	fs.StringVar(&f.sep, "sep", ",", "field separator, one ASCII character (use ' ' for space-separated files)")
	fs.Var(&f.params, "param", "training parameter `k=v` with XGBoost's names (eta=0.1, max_depth=4, eval_metric=auc, nthread=2, …), repeatable")
	fs.IntVar(&f.rounds, "rounds", 10, "number of boosting rounds (num_boost_round)")
	fs.IntVar(&f.early, "early-stopping", 0, "stop when the last validation set's last metric has not improved for N rounds (0: off)")
	fs.StringVar(&f.out, "out", "", "model file to write: .json, .ubj or .xgb (required)")
	fs.BoolVar(&f.quiet, "quiet", false, "do not print per-round metrics")
	cf := addClusterFlags(fs)
	if err := parseFlags(fs, fitHelp, args); err != nil {
		return err
	}
	if err := cf.tokens.apply(); err != nil {
		return err
	}
	if cf.spawn < 0 || cf.cpus < 1 {
		return badUsage(fs, "--spawn %d --cpus-per-worker %d: give a worker count of at least 1 (0 trains in process) and at least 1 CPU per worker", cf.spawn, cf.cpus)
	}
	if f.train == "" || f.label == "" || f.out == "" {
		return badUsage(fs, "--train, --label and --out are required")
	}
	if fs.NArg() > 0 {
		return badUsage(fs, "unexpected argument %q; give files with --train and --val", fs.Arg(0))
	}
	if cf.enabled() {
		return fitWorkers(ctx, cf, f, os.Stdout)
	}
	return fit(ctx, f, os.Stdout)
}

// csvOptions returns the loader options the flags ask for.
func csvOptions(sep, label, drop string, oneHot bool) (data.Options, error) {
	o := data.Options{Label: label, OneHot: oneHot}
	if len(sep) != 1 {
		return o, fmt.Errorf("--sep %q: give exactly one ASCII character", sep)
	}
	o.Comma = rune(sep[0])
	for _, c := range strings.Split(drop, ",") {
		if c = strings.TrimSpace(c); c != "" {
			o.Drop = append(o.Drop, c)
		}
	}
	return o, nil
}

// expandFiles resolves a file, a glob or a comma-separated list of either.
func expandFiles(spec string) ([]string, error) {
	var files []string
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		switch {
		case part == "":
		case strings.ContainsAny(part, "*?["):
			m, err := data.Glob(part)
			if err != nil {
				return nil, err
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("no file matches %q", part)
			}
			files = append(files, m...)
		default:
			files = append(files, part)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%q names no file", spec)
	}
	return files, nil
}

// setup turns the flags shared by fit and fitWorkers into training
// parameters, CSV options and the training files.
func (f fitFlags) setup() (gbdt.Params, data.Options, []string, error) {
	var o data.Options
	p, err := gbdt.ParseParams(f.params)
	if err != nil {
		return p, o, nil, err
	}
	p.NumBoostRound = f.rounds
	p.EarlyStoppingRounds = f.early
	if f.early > 0 && len(f.valid) == 0 {
		return p, o, nil, fmt.Errorf("fit: --early-stopping needs a --val set to watch")
	}
	if o, err = csvOptions(f.sep, f.label, f.drop, f.oneHot); err != nil {
		return p, o, nil, fmt.Errorf("fit: %w", err)
	}
	o.Weight = f.weight
	o.BinaryLabel = p.Objective == "binary:logistic"
	o.Labels = p.LabelRule()
	if f.native && f.oneHot {
		return p, o, nil, fmt.Errorf("fit: choose one of --enable-categorical and --one-hot")
	}
	o.NativeCategorical = f.native
	for _, c := range strings.Split(f.categorical, ",") {
		if c = strings.TrimSpace(c); c != "" {
			o.Categorical = append(o.Categorical, c)
		}
	}
	o.Positive = f.positive
	files, err := expandFiles(f.train)
	if err != nil {
		return p, o, nil, fmt.Errorf("fit: --train: %w", err)
	}
	return p, o, files, nil
}

// validSets names and expands the --val sets: NAME=FILES, or val, val2,
// … in order ("val", as everywhere: tune's val-logloss, the job's set).
func (f fitFlags) validSets() ([]evalFiles, error) {
	var sets []evalFiles
	for k, v := range f.valid {
		name, spec := gbdt.ValSet, v
		if k > 0 {
			name = fmt.Sprintf("%s%d", gbdt.ValSet, k+1)
		}
		if n, s, ok := strings.Cut(v, "="); ok && !strings.ContainsAny(n, "/*?[.") {
			name, spec = n, s
		}
		if name == gbdt.TrainSet {
			return nil, fmt.Errorf("fit: --val %s: the name %q is the training set's; choose another", v, name)
		}
		vf, err := expandFiles(spec)
		if err != nil {
			return nil, fmt.Errorf("fit: --val: %w", err)
		}
		sets = append(sets, evalFiles{Name: name, Files: vf})
	}
	return sets, nil
}

func fit(ctx context.Context, f fitFlags, w io.Writer) error {
	p, o, files, err := f.setup()
	if err != nil {
		return err
	}
	parts, schema, err := data.LoadFiles(ctx, files, o)
	if err != nil {
		return err
	}
	if pos, neg, ok := schema.Positive(); ok {
		fmt.Fprintf(w, "fit: %s\n", data.LabelNote(o.Label, pos, neg, strings.TrimSpace(o.Positive) != ""))
	}
	shards := make([]gbdt.Shard, len(parts))
	for i, d := range parts {
		shards[i] = gbdt.Shard{Set: gbdt.TrainSet, Index: i, Data: d}
	}
	opt := gbdt.Options{Evals: []string{gbdt.TrainSet}, FeatureNames: parts[0].Names, Categories: parts[0].Categories}
	vo := o
	vo.Schema = schema
	valid, err := f.validSets()
	if err != nil {
		return err
	}
	for _, ev := range valid {
		name, vf := ev.Name, ev.Files
		vparts, _, err := data.LoadFiles(ctx, vf, vo)
		if err != nil {
			return err
		}
		for i, d := range vparts {
			shards = append(shards, gbdt.Shard{Set: name, Index: i, Data: d})
		}
		opt.Evals = append(opt.Evals, name)
	}
	h, err := gbdt.NewLocalHolder(shards, p.NThread)
	if err != nil {
		return err
	}
	opt.Callback = func(r gbdt.RoundReport) bool {
		if !f.quiet {
			fmt.Fprint(w, formatRound(r))
		}
		return false
	}
	if f.early > 0 && !f.quiet {
		fmt.Fprintf(w, "Will train until %s-%s hasn't improved in %d rounds.\n", opt.Evals[len(opt.Evals)-1], lastMetric(p), f.early)
	}
	res, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, opt)
	if err != nil {
		return err
	}
	return f.save(w, p, opt, res)
}

// save reports the best iteration early stopping kept and writes the
// model to --out.
func (f *fitFlags) save(w io.Writer, p gbdt.Params, opt gbdt.Options, res *gbdt.Result) error {
	if res.Model.BestIteration >= 0 && !f.quiet {
		fmt.Fprintf(w, "Best iteration: [%d] %s-%s:%.5f\n", res.Model.BestIteration, opt.Evals[len(opt.Evals)-1], lastMetric(p), res.Model.BestScore)
	}
	if err := res.Model.Save(f.out); err != nil {
		return fmt.Errorf("fit: %w", err)
	}
	if !f.quiet {
		fmt.Fprintf(w, "wrote %s (%d trees)\n", f.out, len(res.Model.Trees))
	}
	return nil
}

// lastMetric names the metric early stopping watches.
func lastMetric(p gbdt.Params) string {
	ms := p.Metrics()
	return ms[len(ms)-1]
}

// formatRound prints a round as XGBoost does: [3]\ttrain-logloss:0.41234\t…
func formatRound(r gbdt.RoundReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%d]", r.Round)
	for _, e := range r.Evals {
		fmt.Fprintf(&b, "\t%s-%s:%.5f", e.Set, e.Metric, e.Value)
	}
	b.WriteByte('\n')
	return b.String()
}
