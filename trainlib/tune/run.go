package tune

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/metric"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Options configure a tuning run. Zero values take the defaults noted.
type Options struct {
	// Space is sampled for each trial; nil means SeedSpace().
	Space Space
	// Samples is num_samples, 10 by default.
	Samples int
	// Seed seeds the searcher.
	Seed uint64
	// Searcher proposes configs; nil means a RandomSearch over Space.
	Searcher Searcher
	// Scheduler stops trials early; nil means FIFO.
	Scheduler Scheduler
	// Metric ("<set>-<metric>", default "val-error"; any eval_metric:
	// val-mlogloss, val-rmse, val-poisson-nloglik, …) and Mode ("min" or
	// "max", default the metric's own direction: max for auc and aucpr,
	// min otherwise) choose the best trial.
	Metric, Mode string
	// Base holds the parameters every trial starts from (DefaultParams
	// when zero); the Space's entries override them. Base.NumBoostRound is
	// each trial's rounds (10 when unset, as xgboost.train).
	Base gbdt.Params
	// Evals names the eval sets, default "train", "val".
	Evals []string
	// FeatureNames name the features in saved models; empty means the
	// names of the data the holders hold (gbdt.ShardInfo.Names).
	FeatureNames []string
	// Categories marks categorical features and names their codes, as
	// gbdt.Options.Categories (data.Dataset.Categories fits here).
	Categories [][]string
	// MaxConcurrent trials at once; 0 means CPUs (runtime.NumCPU, or the
	// cluster's total given as CPUs) for in-process holders, and twice
	// that for remote ones (a cluster's): each trial spans every holder
	// and waits on the driver and the network between its calls, time
	// in which another trial's calls keep the workers busy. A Space that
	// samples max_bin runs one trial at a time: each max_bin re-bins the
	// shared data.
	MaxConcurrent int
	// CPUs is how many CPUs the holders have altogether, 0 for this
	// machine's; trials share them evenly.
	CPUs int
	// MaxFailures is how often a trial may fail and be retried (from its
	// last checkpoint) before it is marked failed.
	MaxFailures int
	// Dir is the experiment directory (checkpoints, trial_results.json,
	// tune_best.*); a run with a Dir that holds checkpoints resumes them.
	// Empty keeps everything in memory.
	Dir string
	// Display, when set, is updated with a *Table at most every
	// UpdateEvery (0.5 s by default) and once at the end.
	Display     Display
	UpdateEvery time.Duration
	// Chart, when set, is updated with the learning curves of Metric
	// (a *chart.Chart: PNG() and String()) as often as Display.
	Chart Display
	// OnTrialEnd, when set, is called with each trial that has ended for
	// good (terminated, stopped, or failed past its retries) as it ends:
	// from the tuner's loop, so it must be quick (an experiment tracker's
	// non-blocking calls are). Trials a resumed run finds done are not
	// passed again.
	OnTrialEnd func(*Trial)
}

func (o *Options) defaults(holders []gbdt.Holder) error {
	if o.Space == nil {
		o.Space = SeedSpace()
	}
	if o.Samples == 0 {
		o.Samples = 10
	}
	if o.Metric == "" {
		o.Metric = "val-error"
	}
	if o.Base.Objective == "" {
		o.Base = gbdt.DefaultParams()
	}
	if o.Base.NumBoostRound == 0 {
		o.Base.NumBoostRound = 10
	}
	if len(o.Evals) == 0 {
		o.Evals = []string{gbdt.TrainSet, gbdt.ValSet}
	}
	set, name, ok := strings.Cut(o.Metric, "-")
	if !ok || !slices.Contains(o.Evals, set) {
		return fmt.Errorf("tune: metric %q must be \"<eval set>-<metric>\" with an eval set among %v", o.Metric, o.Evals)
	}
	spec, ok := metric.Lookup(name)
	if !ok {
		return fmt.Errorf("tune: metric %q: %q is not a metric gotrain computes; use one of %s", o.Metric, name, strings.Join(metric.Names(), ", "))
	}
	if o.Mode == "" {
		o.Mode = "min"
		if spec.Maximize {
			o.Mode = "max"
		}
	}
	if o.Mode != "min" && o.Mode != "max" {
		return fmt.Errorf("tune: mode %q: give \"min\" or \"max\"", o.Mode)
	}
	if ms := o.Base.Metrics(); !slices.Contains(ms, name) {
		// Tuning on a metric the trials do not compute would find no best
		// trial. It goes first: early stopping keeps using the last one.
		o.Base.EvalMetric = append([]string{name}, ms...)
	}
	if o.CPUs <= 0 {
		o.CPUs = runtime.NumCPU()
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = o.CPUs
		if !allLocal(holders) {
			o.MaxConcurrent = 2 * o.CPUs
		}
	}
	if _, ok := o.Space["max_bin"].(Domain); ok {
		// A holder keeps one binning: trials with different max_bin
		// re-bin the shared data, so they must not overlap.
		o.MaxConcurrent = 1
	}
	if o.UpdateEvery <= 0 {
		o.UpdateEvery = 500 * time.Millisecond
	}
	if o.Searcher == nil {
		s, err := NewRandomSearch(o.Space, o.Samples, o.Seed)
		if err != nil {
			return err
		}
		o.Searcher = s
	}
	if o.Scheduler == nil {
		o.Scheduler = FIFO{}
	}
	return o.Space.Validate()
}

// allLocal reports whether every holder works in this process.
func allLocal(holders []gbdt.Holder) bool {
	for _, h := range holders {
		if _, ok := h.(*gbdt.LocalHolder); !ok {
			return false
		}
	}
	return true
}

// Results is what a tuning run gives.
type Results struct {
	// Trials in order, Best the best finished one by Metric and Mode.
	Trials []*Trial
	Best   *Trial
	// BestModel is Best's model.
	BestModel *model.Model
	Metric    string
	Mode      string
}

// Run tunes over the shards the holders hold: in process (gbdt.LocalHolder)
// or on a cluster (cluster.Cluster.Holders()). The holders bin the data
// once; every trial is a session on them. When ctx is cancelled, running
// trials stop within a round and Run returns the results so far with
// ctx's error; rerunning with the same Dir resumes.
func Run(ctx context.Context, holders []gbdt.Holder, opt Options) (*Results, error) {
	ctx = cellctx.Or(ctx)
	if err := opt.defaults(holders); err != nil {
		return nil, err
	}
	if len(holders) == 0 {
		return nil, fmt.Errorf("tune: no holders; connect a cluster or make a gbdt.LocalHolder")
	}
	r := &runner{opt: opt, holders: shareHolders(holders), events: make(chan event), models: map[int]*model.Model{},
		nonce: strconv.FormatInt(time.Now().UnixNano(), 36)}
	r.m = &machine{searcher: opt.Searcher, sched: opt.Scheduler, metric: opt.Metric, sign: 1,
		maxConc: opt.MaxConcurrent, maxFailures: opt.MaxFailures}
	if opt.Mode == "max" {
		r.m.sign = -1
	}
	if err := r.resume(); err != nil {
		return nil, err
	}
	runErr := r.loop(ctx)
	res := &Results{Trials: r.m.trials, Best: r.m.bestFinished(), Metric: opt.Metric, Mode: opt.Mode}
	if res.Best != nil {
		m, err := r.bestModel(res.Best)
		if err != nil {
			return res, errors.Join(runErr, err)
		}
		res.BestModel = m
	}
	if runErr != nil {
		return res, runErr
	}
	return res, r.writeResults(res)
}
