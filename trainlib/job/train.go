package job

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// Params are the reference workflow's fixed training parameters:
// binary:logistic with logloss, error and auc, seeded by cfg.Seed, and
// cfg.Rounds rounds. eta and max_depth are the ones tuned.
func (j *Job) Params(eta float64, maxDepth int) gbdt.Params {
	p := gbdt.DefaultParams()
	p.Objective = "binary:logistic"
	p.EvalMetric = []string{"logloss", "error", "auc"}
	p.Eta = eta
	p.MaxDepth = maxDepth
	p.Seed = j.cfg.Seed
	p.NumBoostRound = j.cfg.Rounds
	return p
}

// TrainOnce trains one model on the workers with the given eta and
// max_depth, evaluating "train" and "val" after every round.
func (j *Job) TrainOnce(ctx context.Context, eta float64, maxDepth int) (*gbdt.Result, error) {
	ctx = cellctx.Or(ctx)
	res, err := j.cl.Train(ctx, j.Params(eta, maxDepth), gbdt.Options{Evals: []string{gbdt.TrainSet, gbdt.ValSet}, FeatureNames: j.features})
	if err != nil {
		return nil, fmt.Errorf("train (eta %g, max_depth %d): %w", eta, maxDepth, err)
	}
	return res, nil
}

// Tune runs cfg.Samples trials over the reference search space (eta
// log-uniform in [0.003, 0.3], max_depth 2…6), best by "val-error",
// showing the trial table live on show (a notebook display handle, a
// tune.Terminal, or nil). The experiment folder is OutDir: it ends with
// trial_results.json, tune_best.json and tune_best.xgb, and a rerun after an
// interruption resumes the unfinished trials.
func (j *Job) Tune(ctx context.Context, show tune.Display) (*tune.Results, error) {
	return j.tune(ctx, show, nil)
}

// The metric and mode Tune chooses the best trial by.
const (
	tuneMetric = "val-error"
	tuneMode   = "min"
)

// tune is Tune, calling onEnd (if not nil) with each trial as it ends.
func (j *Job) tune(ctx context.Context, show tune.Display, onEnd func(*tune.Trial)) (*tune.Results, error) {
	ctx = cellctx.Or(ctx)
	opt := tune.Options{
		OnTrialEnd:   onEnd,
		Samples:      j.cfg.Samples,
		Seed:         j.cfg.Seed,
		Metric:       tuneMetric,
		Mode:         tuneMode,
		Base:         j.Params(0.3, 6),
		Evals:        []string{gbdt.TrainSet, gbdt.ValSet},
		FeatureNames: j.features,
		CPUs:         j.cfg.cpus(),
		Dir:          j.cfg.OutDir,
		Display:      show,
	}
	res, err := tune.Run(ctx, j.cl.Holders(), opt)
	if err != nil {
		return res, fmt.Errorf("tune: %w", err)
	}
	if res.BestModel == nil {
		return res, fmt.Errorf("tune: no trial finished; see the trial table for their errors")
	}
	return res, nil
}

// LastRound describes a training result's last round in one line, such as
// "10 rounds: train-auc 0.87 … val-error 0.21".
func LastRound(r *gbdt.Result) string {
	if r == nil {
		return "no result"
	}
	var parts []string
	rounds := 0
	for _, set := range slices.Sorted(maps.Keys(r.History)) {
		for _, metric := range slices.Sorted(maps.Keys(r.History[set])) {
			h := r.History[set][metric]
			if len(h) == 0 {
				continue
			}
			rounds = max(rounds, len(h))
			parts = append(parts, fmt.Sprintf("%s-%s %.4f", set, metric, h[len(h)-1]))
		}
	}
	return fmt.Sprintf("%d rounds: %s", rounds, strings.Join(parts, ", "))
}
