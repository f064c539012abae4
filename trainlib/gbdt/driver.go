package gbdt

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/metric"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Options are what Train needs besides Params.
type Options struct {
	// Evals names the sets evaluated after every round, in order (TrainSet
	// may be one of them). Early stopping watches the last one.
	Evals []string
	// Callback, when set, is called after every round.
	Callback Callback
	// Session names this training on the holders; empty means "train".
	// Concurrent trainings on shared holders need distinct sessions.
	Session SessionID
	// FeatureNames name the features in the model; empty means the names
	// of the data the holders hold (ShardInfo.Names), else f0, f1, ….
	FeatureNames []string
	// Categories marks categorical features: a non-nil entry makes
	// feature f categorical, its values category codes, and names the
	// categories by code (an empty list when they have no names). Nil
	// means every feature is numeric, unless the holders' data has
	// categories (ShardInfo.Categories). data.Dataset.Categories fits here.
	Categories [][]string
	// InitModel, when set, is continued as xgboost.train(…, xgb_model=)
	// does: its trees stay first in the result, the margins start from
	// them, and NumBoostRound more trees follow, numbered from
	// len(InitModel.Trees) in reports, samples and best_iteration. It
	// must come from this package, trained on the same training shards
	// with the same max_bin (its splits must fall on this data's bin
	// boundaries), with the same objective; its base_score is kept.
	// Row and column samples depend on the round over the whole model,
	// so k rounds continued for n−k give the n-round model byte for byte.
	// The result's History holds the new rounds only, as evals_result.
	InitModel *model.Model
}

// Result is a trained model with its metric history.
type Result struct {
	Model   *model.Model
	History History
	Traffic Traffic
}

// Train runs gradient boosting over the shards the holders hold. The
// model depends only on the shard lists (their order and content) and on
// p, not on how shards are spread over holders nor on thread counts.
func Train(ctx context.Context, p Params, holders []Holder, opt Options) (*Result, error) {
	ctx = cellctx.Or(ctx)
	if err := p.validate(); err != nil {
		return nil, err
	}
	if len(holders) == 0 {
		return nil, fmt.Errorf("gbdt: no holders: give at least one Holder with training shards")
	}
	sess := opt.Session
	if sess == "" {
		sess = "train"
	}
	d := &driver{p: p, holders: holders, sess: sess, opt: opt, pool: newFanPool(len(holders) - 1)}
	defer d.pool.close()
	for _, h := range holders {
		if _, ok := h.(*LocalHolder); !ok {
			d.fuse = true
		}
	}
	if err := d.setup(ctx); err != nil {
		return nil, err
	}
	defer func() {
		_ = fanOut(context.WithoutCancel(ctx), holders, func(ctx context.Context, _ int, h Holder) error {
			return h.EndSession(ctx, sess)
		})
	}()
	return d.run(ctx)
}

// driver is the state of one training on the driver side: no rows, only
// cuts, trees and metrics.
type driver struct {
	p       Params
	opt     Options
	holders []Holder
	sess    SessionID
	cuts    *Cuts
	off     []int
	nbins   int
	nf      int
	init    []BinTree
	// base holds base_score per model output (in the output's space;
	// margins for multi-class), margin0 the matching base margins.
	base    []float64
	margin0 []float32
	obj     *objective
	op      ObjParams
	k       int
	rows    int64
	wsum    float64
	traffic Traffic
	cons    constraints
	// fuse asks for each level's histograms with its splits (one call
	// instead of two): set when a holder is not in this process. The
	// histograms are then summed as they arrive (HistSum), into buffers
	// kept in spare from one level to the next.
	fuse  bool
	spare [][]int64
	// pool runs the calls to holders 1… (fanOut).
	pool *fanPool
}

// fanOut calls fn for every holder concurrently, on the driver's pool.
func (d *driver) fanOut(ctx context.Context, fn func(ctx context.Context, i int, h Holder) error) error {
	return d.pool.fanOut(ctx, d.holders, fn)
}

// setup checks the shards, computes the base score and the cuts, bins the
// data and starts the session on every holder.
func (d *driver) setup(ctx context.Context) error {
	infos := make([][]ShardInfo, len(d.holders))
	if err := d.fanOut(ctx, func(ctx context.Context, i int, h Holder) (err error) {
		infos[i], err = h.Shards(ctx)
		return err
	}); err != nil {
		return err
	}
	var train []ShardInfo
	seen := map[string]bool{}
	sets := map[string]bool{TrainSet: true}
	for _, is := range infos {
		for _, s := range is {
			key := s.Set + "/" + strconv.Itoa(s.Index)
			if seen[key] {
				return fmt.Errorf("gbdt: shard %d of set %q is held twice; give each shard to one holder", s.Index, s.Set)
			}
			seen[key] = true
			sets[s.Set] = true
			if s.Set == TrainSet {
				train = append(train, s)
			}
		}
	}
	for _, e := range d.opt.Evals {
		if !sets[e] {
			return fmt.Errorf("gbdt: eval set %q has no shards on any holder", e)
		}
	}
	if len(train) == 0 {
		return fmt.Errorf("gbdt: no training rows: the holders hold no %q shards", TrainSet)
	}
	slices.SortFunc(train, func(a, b ShardInfo) int { return a.Index - b.Index })
	var labelSum float64
	for _, s := range train {
		d.rows += int64(s.Rows)
		labelSum += s.LabelSum
		d.wsum += s.WeightSum
		if s.Features != train[0].Features {
			return fmt.Errorf("gbdt: training shard %d has %d features, shard %d has %d: every shard needs the same columns", s.Index, s.Features, train[0].Index, train[0].Features)
		}
	}
	if d.rows == 0 {
		return fmt.Errorf("gbdt: the training shards have no rows")
	}
	d.nf = train[0].Features
	if len(d.opt.FeatureNames) == 0 && len(train[0].Names) == d.nf {
		d.opt.FeatureNames = train[0].Names
	}
	if d.opt.Categories == nil && len(train[0].Categories) == d.nf {
		d.opt.Categories = train[0].Categories
	}
	var err error
	if d.cons, err = resolveConstraints(&d.p, d.opt.FeatureNames, d.nf); err != nil {
		return err
	}
	if d.obj, err = objectiveOf(d.p.Objective); err != nil {
		return fmt.Errorf("gbdt: %w", err)
	}
	d.op = d.p.objParams()
	d.k = d.op.outputs(d.p.Objective)
	var sums []ShardSummary
	parts := make([][]ShardSummary, len(d.holders))
	req := SummaryRequest{Set: TrainSet, Size: 16 * d.p.MaxBin}
	if err := d.fanOut(ctx, func(ctx context.Context, i int, h Holder) (err error) {
		parts[i], err = h.Summaries(ctx, req)
		return err
	}); err != nil {
		return err
	}
	for _, ps := range parts {
		sums = append(sums, ps...)
	}
	slices.SortFunc(sums, func(a, b ShardSummary) int { return a.Index - b.Index })
	cat, err := d.categoricalFeatures()
	if err != nil {
		return err
	}
	if d.cuts, err = BuildCuts(sums, d.p.MaxBin, req.Size, cat); err != nil {
		return err
	}
	d.off, d.nbins = d.cuts.Offsets()
	if d.init, err = d.initBinTrees(); err != nil {
		return err
	}
	if err := d.fanOut(ctx, func(ctx context.Context, _ int, h Holder) error {
		return h.SetCuts(ctx, d.cuts)
	}); err != nil {
		return err
	}
	if err := d.baseScores(ctx, labelSum); err != nil {
		return err
	}
	return d.start(ctx, d.sess, d.margin0, d.init)
}

// start starts session id on every holder with base margins and trees.
func (d *driver) start(ctx context.Context, id SessionID, margins []float32, trees []BinTree) error {
	start := StartRequest{Session: id, Objective: d.p.Objective, ObjParams: d.op, BaseMargins: margins,
		Trees: trees, Threads: d.p.NThread, CutsFingerprint: d.cuts.Fingerprint()}
	return d.fanOut(ctx, func(ctx context.Context, _ int, h Holder) error {
		return h.StartSession(ctx, start)
	})
}

// run boosts num_boost_round trees, evaluating and early-stopping.
func (d *driver) run(ctx context.Context) (*Result, error) {
	p := &d.p
	m := &model.Model{Objective: p.Objective, BaseScore: d.base[0], NumFeature: d.nf,
		BestIteration: -1, Params: p.asStrings(d.base), Attributes: map[string]string{}}
	if d.k > 1 {
		m.BaseScores = slices.Clone(d.base)
		m.NumClass = p.NumClass
	}
	m.FeatureNames = slices.Clone(d.opt.FeatureNames)
	if len(m.FeatureNames) > 0 && len(m.FeatureNames) != d.nf {
		return nil, fmt.Errorf("gbdt: %d feature names for %d features", len(m.FeatureNames), d.nf)
	}
	if len(m.FeatureNames) > 0 || d.cuts.Categorical != nil {
		m.FeatureTypes = make([]string, d.nf)
		for i := range m.FeatureTypes {
			m.FeatureTypes[i] = "float"
			if d.cuts.IsCategorical(i) {
				m.FeatureTypes[i] = "c"
			}
		}
	}
	m.Categories = d.modelCategories()
	first := len(d.init) / d.k
	if first > 0 {
		m.Trees = slices.Clone(d.opt.InitModel.Trees)
	}
	res := &Result{Model: m, History: History{}}
	metricsList := p.metricsOrDefault()
	best, bestScore := -1, math.NaN()
	end := first + p.NumBoostRound
	for round := first; round < end; round++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var evals []EvalValue
		for g := 0; g < d.k; g++ {
			bt, tree, err := d.buildTree(ctx, round, g)
			if err == nil {
				err = d.adaptLeaves(ctx, g, bt, &tree)
			}
			if err != nil {
				return nil, fmt.Errorf("gbdt: round %d: %w", round, err)
			}
			m.Trees = append(m.Trees, tree)
			if evals, err = d.finish(ctx, round, g, bt, metricsList); err != nil {
				return nil, fmt.Errorf("gbdt: round %d: %w", round, err)
			}
		}
		d.traffic.Trees++
		for _, e := range evals {
			if res.History[e.Set] == nil {
				res.History[e.Set] = map[string][]float64{}
			}
			res.History[e.Set][e.Metric] = append(res.History[e.Set][e.Metric], e.Value)
		}
		stop := false
		if len(evals) > 0 {
			last := evals[len(evals)-1]
			spec, _ := metric.Lookup(last.Metric)
			better := best < 0 || (spec.Maximize && last.Value > bestScore) ||
				(!spec.Maximize && last.Value < bestScore)
			if better {
				best, bestScore = round, last.Value
			}
			if p.EarlyStoppingRounds > 0 && round-best >= p.EarlyStoppingRounds {
				stop = true
			}
		}
		if d.opt.Callback != nil && d.opt.Callback(RoundReport{Round: round, Rounds: end, Model: m,
			Evals: evals, BestIteration: best, BestScore: bestScore, Tree: &m.Trees[len(m.Trees)-1]}) {
			stop = true
		}
		if stop {
			break
		}
	}
	if p.EarlyStoppingRounds > 0 && best >= 0 {
		m.BestIteration, m.BestScore = best, bestScore
		m.Attributes["best_iteration"] = strconv.Itoa(best)
		m.Attributes["best_score"] = strconv.FormatFloat(bestScore, 'g', 17, 64)
	}
	res.Traffic = d.traffic
	return res, nil
}

// finish sends the tree to the holders and combines their eval sums.
func (d *driver) finish(ctx context.Context, round, group int, bt *BinTree, ms []string) ([]EvalValue, error) {
	req := FinishRequest{Session: d.sess, Round: round, Group: group, Tree: *bt}
	if group == d.k-1 {
		req.Sets, req.Metrics = d.opt.Evals, ms
	}
	d.traffic.TreeBytes += int64(len(bt.Feature)) * 14 * int64(len(d.holders))
	resps := make([]*EvalResponse, len(d.holders))
	if err := d.fanOut(ctx, func(ctx context.Context, i int, h Holder) (err error) {
		resps[i], err = h.FinishTree(ctx, req)
		return err
	}); err != nil {
		return nil, err
	}
	var out []EvalValue
	for _, set := range d.opt.Evals {
		var parts []ShardEval
		for _, r := range resps {
			for _, s := range r.Shards {
				if s.Set == set {
					parts = append(parts, s)
				}
			}
		}
		slices.SortFunc(parts, func(a, b ShardEval) int { return a.Index - b.Index })
		for i, mname := range req.Metrics {
			out = append(out, EvalValue{Set: set, Metric: mname, Value: combineEval(parts, i, mname)})
		}
	}
	return out, nil
}
