package gbdt

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/gotrain/gotrain/trainlib/metric"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Params are the training parameters, named and defaulted as XGBoost's.
type Params struct {
	// Objective is objective: binary:logistic, reg:squarederror,
	// reg:absoluteerror, reg:pseudohubererror, reg:quantileerror,
	// count:poisson, reg:gamma, reg:tweedie, multi:softprob or
	// multi:softmax; ObjParams holds its own parameters.
	Objective string
	ObjParams
	Eta            float64 // eta (learning_rate), 0.3
	MaxDepth       int     // max_depth, 6
	MinChildWeight float64 // min_child_weight, 1
	Lambda         float64 // lambda (reg_lambda), 1
	Alpha          float64 // alpha (reg_alpha), 0
	Gamma          float64 // gamma (min_split_loss), 0
	MaxDeltaStep   float64 // max_delta_step, 0
	Subsample      float64 // subsample, 1
	ColsampleTree  float64 // colsample_bytree, 1
	MaxBin         int     // max_bin, 256
	Seed           uint64  // seed, 0
	NThread        int     // nthread, 0 = all cores
	// BaseScore is base_score; NaN (the default) means the label mean, as
	// XGBoost 3 estimates it.
	BaseScore float64
	// EvalMetric lists eval_metric values in order; empty means the
	// objective's default (logloss, rmse). Early stopping uses the last.
	EvalMetric []string
	// NumBoostRound is num_boost_round, 10 as in xgboost.train.
	NumBoostRound int
	// MonotoneConstraints is monotone_constraints in XGBoost's syntax:
	// "(1,0,-1)" gives each feature in order a direction (+1 increasing,
	// −1 decreasing, 0 free; missing trailing values are free), and
	// {"LIMIT_BAL": 1, "AGE": -1} names them. Empty means none.
	MonotoneConstraints string
	// InteractionConstraints is interaction_constraints in XGBoost's
	// syntax: a list of feature sets, by index "[[0,1],[2,3,4]]" or by
	// name [["AGE","SEX"]]; features on one path must all come from one
	// set. Empty means none.
	InteractionConstraints string
	// MaxCatToOnehot is max_cat_to_onehot, 4: a categorical feature with
	// fewer categories splits one category against the rest, others by
	// partitions of their categories.
	MaxCatToOnehot int
	// MaxCatThreshold is max_cat_threshold, 64: the most categories a
	// partition scan considers per direction.
	MaxCatThreshold int
	// DisableCategorical is enable_categorical=false: categorical
	// features in the data are refused instead of split natively.
	DisableCategorical bool
	// EarlyStoppingRounds stops when the last metric on the last eval set
	// has not improved for this many rounds; 0 disables it.
	EarlyStoppingRounds int
}

// DefaultParams returns XGBoost's defaults for binary:logistic.
func DefaultParams() Params {
	return Params{
		Objective: model.BinaryLogistic, Eta: 0.3, MaxDepth: 6, MinChildWeight: 1,
		Lambda: 1, Subsample: 1, ColsampleTree: 1, MaxBin: 256,
		BaseScore: math.NaN(), NumBoostRound: 10, MaxCatToOnehot: 4, MaxCatThreshold: 64,
		ObjParams: ObjParams{HuberSlope: 1, TweedieVariancePower: 1.5, ScalePosWeight: 1},
	}
}

// paramSpec describes one parameter for parsing and error messages.
type paramSpec struct {
	names []string
	allow string
	set   func(p *Params, v string) error
}

func floatIn(lo, hi float64, loOpen, hiOpen bool, dst func(*Params) *float64) func(*Params, string) error {
	return func(p *Params, s string) error {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(v) {
			return fmt.Errorf("%q is not a number", s)
		}
		if v < lo || v > hi || (loOpen && v == lo) || (hiOpen && v == hi) {
			return fmt.Errorf("%v is out of range", v)
		}
		*dst(p) = v
		return nil
	}
}

func intIn(lo, hi int, dst func(*Params) *int) func(*Params, string) error {
	return func(p *Params, s string) error {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("%q is not an integer", s)
		}
		if v < lo || v > hi {
			return fmt.Errorf("%d is out of range", v)
		}
		*dst(p) = v
		return nil
	}
}

var inf = math.Inf(1)

// paramSpecs lists every parameter ParseParams understands. Read-only.
var paramSpecs = []paramSpec{
	{[]string{"objective"}, "one of " + objectiveNames(), func(p *Params, s string) error {
		s = strings.TrimSpace(s)
		if _, ok := objectives[s]; !ok {
			return fmt.Errorf("%q is not supported", s)
		}
		p.Objective = s
		return nil
	}},
	{[]string{"num_class"}, "an integer in [2, 100000] (multi:softprob, multi:softmax)", intIn(2, 100_000, func(p *Params) *int { return &p.NumClass })},
	{[]string{"quantile_alpha"}, "a number in (0, 1), or several as [0.1,0.5,0.9]", func(p *Params, s string) error {
		t := strings.TrimSpace(s)
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			t = t[1 : len(t)-1]
		}
		var as []float64
		for _, f := range strings.Split(t, ",") {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil || !(v > 0 && v < 1) {
				return fmt.Errorf("%q is not a number in (0, 1)", f)
			}
			as = append(as, v)
		}
		p.QuantileAlpha = as
		return nil
	}},
	{[]string{"huber_slope"}, "a number > 0", floatIn(0, inf, true, true, func(p *Params) *float64 { return &p.HuberSlope })},
	{[]string{"tweedie_variance_power"}, "a number in [1, 2)", floatIn(1, 2, false, true, func(p *Params) *float64 { return &p.TweedieVariancePower })},
	{[]string{"scale_pos_weight"}, "a number ≥ 0", floatIn(0, inf, false, true, func(p *Params) *float64 { return &p.ScalePosWeight })},
	{[]string{"eta", "learning_rate"}, "a number in (0, 1]", floatIn(0, 1, true, false, func(p *Params) *float64 { return &p.Eta })},
	{[]string{"max_depth"}, "an integer in [1, 30]", intIn(1, 30, func(p *Params) *int { return &p.MaxDepth })},
	{[]string{"min_child_weight"}, "a number ≥ 0", floatIn(0, inf, false, true, func(p *Params) *float64 { return &p.MinChildWeight })},
	{[]string{"lambda", "reg_lambda"}, "a number ≥ 0", floatIn(0, inf, false, true, func(p *Params) *float64 { return &p.Lambda })},
	{[]string{"alpha", "reg_alpha"}, "a number ≥ 0", floatIn(0, inf, false, true, func(p *Params) *float64 { return &p.Alpha })},
	{[]string{"gamma", "min_split_loss"}, "a number ≥ 0", floatIn(0, inf, false, true, func(p *Params) *float64 { return &p.Gamma })},
	{[]string{"max_delta_step"}, "a number ≥ 0", floatIn(0, inf, false, true, func(p *Params) *float64 { return &p.MaxDeltaStep })},
	{[]string{"subsample"}, "a number in (0, 1]", floatIn(0, 1, true, false, func(p *Params) *float64 { return &p.Subsample })},
	{[]string{"colsample_bytree"}, "a number in (0, 1]", floatIn(0, 1, true, false, func(p *Params) *float64 { return &p.ColsampleTree })},
	{[]string{"max_bin"}, "an integer in [2, 256]", intIn(2, 256, func(p *Params) *int { return &p.MaxBin })},
	{[]string{"seed", "random_state"}, "an integer in [0, 2^64)", func(p *Params, s string) error {
		v, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return fmt.Errorf("%q is not a non-negative integer", s)
		}
		p.Seed = v
		return nil
	}},
	{[]string{"nthread", "n_jobs"}, "an integer in [0, 1024] (0 = all cores)", intIn(0, 1024, func(p *Params) *int { return &p.NThread })},
	{[]string{"base_score"}, "a number (a probability in (0, 1) for binary:logistic)", func(p *Params, s string) error {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%q is not a finite number", s)
		}
		p.BaseScore = v
		return nil
	}},
	{[]string{"eval_metric"}, metricNames() + " (comma-separated for several)", func(p *Params, s string) error {
		var ms []string
		for _, m := range strings.Split(s, ",") {
			m = strings.TrimSpace(m)
			if _, ok := metric.Lookup(m); !ok {
				return fmt.Errorf("%q is not a supported metric", m)
			}
			ms = append(ms, m)
		}
		p.EvalMetric = append(p.EvalMetric, ms...)
		return nil
	}},
	{[]string{"monotone_constraints"}, `"(1,0,-1)" (one of -1, 0, 1 per feature in order) or {"name": 1, …}`, func(p *Params, s string) error {
		if _, err := parseMonotone(s, nil, syntaxOnly); err != nil {
			return err
		}
		p.MonotoneConstraints = strings.TrimSpace(s)
		return nil
	}},
	{[]string{"interaction_constraints"}, `a list of feature sets by index or name, such as "[[0,1],[2,3]]" or [["AGE","SEX"]]`, func(p *Params, s string) error {
		if _, err := parseInteraction(s, nil, syntaxOnly); err != nil {
			return err
		}
		p.InteractionConstraints = strings.TrimSpace(s)
		return nil
	}},
	{[]string{"max_cat_to_onehot"}, "an integer in [1, 256]", intIn(1, 256, func(p *Params) *int { return &p.MaxCatToOnehot })},
	{[]string{"max_cat_threshold"}, "an integer in [1, 256]", intIn(1, 256, func(p *Params) *int { return &p.MaxCatThreshold })},
	{[]string{"enable_categorical"}, "true or false", func(p *Params, s string) error {
		v, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("%q is not true or false", s)
		}
		p.DisableCategorical = !v
		return nil
	}},
	{[]string{"num_boost_round", "n_estimators"}, "an integer in [1, 1000000]", intIn(1, 1_000_000, func(p *Params) *int { return &p.NumBoostRound })},
	{[]string{"early_stopping_rounds"}, "an integer in [0, 1000000] (0 = off)", intIn(0, 1_000_000, func(p *Params) *int { return &p.EarlyStoppingRounds })},
}

// ignoredParams are accepted and checked for their only supported value.
var ignoredParams = map[string]string{"tree_method": "hist", "booster": "gbtree", "verbosity": "", "grow_policy": "depthwise"}

// Set sets the parameter named name (XGBoost's name or alias) from its
// string value. The error names the parameter and its allowed values.
func (p *Params) Set(name, value string) error {
	name = strings.TrimSpace(name)
	if want, ok := ignoredParams[name]; ok {
		if want != "" && strings.TrimSpace(value) != want {
			return fmt.Errorf("gbdt: parameter %s=%s: only %s is supported", name, value, want)
		}
		return nil
	}
	for _, sp := range paramSpecs {
		for _, n := range sp.names {
			if n == name {
				if err := sp.set(p, value); err != nil {
					return fmt.Errorf("gbdt: parameter %s=%s: %v; %s must be %s", name, value, err, name, sp.allow)
				}
				return nil
			}
		}
	}
	return fmt.Errorf("gbdt: unknown parameter %q; known parameters: %s", name, strings.Join(ParamNames(), ", "))
}

// ParamNames lists the parameter names Set accepts, sorted.
func ParamNames() []string {
	var ns []string
	for _, sp := range paramSpecs {
		ns = append(ns, sp.names...)
	}
	for n := range ignoredParams {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// ParseParams returns DefaultParams updated by "k=v" strings in order.
func ParseParams(kvs []string) (Params, error) {
	p := DefaultParams()
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return p, fmt.Errorf("gbdt: parameter %q: expected name=value, for example eta=0.1", kv)
		}
		if err := p.Set(k, v); err != nil {
			return p, err
		}
	}
	return p, nil
}

// ParamsFrom returns DefaultParams updated by m, as xgboost.train's params
// dict: keys are XGBoost's names or aliases, values numbers, strings or
// booleans (eval_metric also a []string), set in key order:
//
//	p, err := gbdt.ParamsFrom(map[string]any{"objective": "binary:logistic",
//		"eta": 0.1, "max_depth": 4, "eval_metric": []string{"logloss", "auc"}})
func ParamsFrom(m map[string]any) (Params, error) {
	p := DefaultParams()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var s string
		switch v := m[k].(type) {
		case string:
			s = v
		case []string:
			s = strings.Join(v, ",")
		case float64:
			s = strconv.FormatFloat(v, 'g', -1, 64)
		case float32:
			s = strconv.FormatFloat(float64(v), 'g', -1, 32)
		case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, bool:
			s = fmt.Sprint(v)
		default:
			return p, fmt.Errorf("gbdt: parameter %s: a %T; give a number, a string or a boolean (eval_metric: also a []string)", k, v)
		}
		if err := p.Set(k, s); err != nil {
			return p, err
		}
	}
	return p, nil
}

// Metrics returns the metrics training evaluates: eval_metric, or the
// objective's default (logloss, rmse, mlogloss, …).
func (p *Params) Metrics() []string { return slices.Clone(p.metricsOrDefault()) }

// metricsOrDefault returns the metrics to evaluate.
func (p *Params) metricsOrDefault() []string {
	if len(p.EvalMetric) > 0 {
		return p.EvalMetric
	}
	if o, ok := objectives[p.Objective]; ok {
		m := o.metric
		if m == "tweedie-nloglik" {
			m += "@" + ftoa(f32(p.TweedieVariancePower))
		}
		return []string{m}
	}
	return []string{"logloss"}
}

// objParams returns the objective's parameters as the holders use them.
func (p *Params) objParams() ObjParams {
	o := p.ObjParams
	o.PoissonMaxDeltaStep = 0.7
	if p.MaxDeltaStep != 0 {
		o.PoissonMaxDeltaStep = p.MaxDeltaStep
	}
	if p.Objective == model.RegAbsoluteError {
		o.QuantileAlpha = []float64{0.5}
	}
	return o
}

// validateObjective checks the objective's own parameters.
func (p *Params) validateObjective() error {
	multi := p.Objective == model.MultiSoftprob || p.Objective == model.MultiSoftmax
	switch {
	case multi && p.NumClass < 2:
		return fmt.Errorf("gbdt: objective=%s needs num_class (the number of classes, ≥ 2)", p.Objective)
	case !multi && p.NumClass != 0:
		return fmt.Errorf("gbdt: num_class=%d is for multi:softprob and multi:softmax, not objective=%s", p.NumClass, p.Objective)
	case p.Objective == model.RegQuantile && len(p.QuantileAlpha) == 0:
		return fmt.Errorf("gbdt: objective=reg:quantileerror needs quantile_alpha (for example 0.5, or [0.1,0.5,0.9])")
	case p.Objective != model.RegQuantile && len(p.QuantileAlpha) != 0:
		return fmt.Errorf("gbdt: quantile_alpha is for reg:quantileerror, not objective=%s", p.Objective)
	case p.HuberSlope <= 0:
		return fmt.Errorf("gbdt: huber_slope=%v must be > 0", p.HuberSlope)
	case !(p.TweedieVariancePower >= 1 && p.TweedieVariancePower < 2):
		return fmt.Errorf("gbdt: tweedie_variance_power=%v must be in [1, 2)", p.TweedieVariancePower)
	case !(p.ScalePosWeight >= 0):
		return fmt.Errorf("gbdt: scale_pos_weight=%v must be ≥ 0", p.ScalePosWeight)
	}
	for _, a := range p.QuantileAlpha {
		if !(a > 0 && a < 1) {
			return fmt.Errorf("gbdt: quantile_alpha %v must be in (0, 1)", a)
		}
	}
	if !math.IsNaN(p.BaseScore) && (multi || p.Objective == model.RegQuantile && len(p.QuantileAlpha) > 1) {
		return fmt.Errorf("gbdt: base_score is one number, but objective=%s has one per output; leave it unset", p.Objective)
	}
	return nil
}

// objectiveNames lists the supported objectives.
func objectiveNames() string {
	ns := make([]string, 0, len(objectives))
	for n := range objectives {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}

// threads returns the goroutine count to use.
func (p *Params) threads() int {
	if p.NThread > 0 {
		return p.NThread
	}
	return runtime.GOMAXPROCS(0)
}

// validate checks cross-parameter constraints of a Params built in code.
func (p *Params) validate() error {
	// Round-trip every field through its parser's range check.
	checks := map[string]string{
		"objective": p.Objective, "eta": ftoa(p.Eta), "max_depth": strconv.Itoa(p.MaxDepth),
		"min_child_weight": ftoa(p.MinChildWeight), "lambda": ftoa(p.Lambda), "alpha": ftoa(p.Alpha),
		"gamma": ftoa(p.Gamma), "max_delta_step": ftoa(p.MaxDeltaStep), "subsample": ftoa(p.Subsample),
		"colsample_bytree": ftoa(p.ColsampleTree), "max_bin": strconv.Itoa(p.MaxBin),
		"nthread": strconv.Itoa(p.NThread), "num_boost_round": strconv.Itoa(p.NumBoostRound),
		"early_stopping_rounds": strconv.Itoa(p.EarlyStoppingRounds),
		"max_cat_to_onehot":     strconv.Itoa(p.MaxCatToOnehot), "max_cat_threshold": strconv.Itoa(p.MaxCatThreshold),
	}
	var q Params
	keys := make([]string, 0, len(checks))
	for k := range checks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := q.Set(k, checks[k]); err != nil {
			return err
		}
	}
	if _, err := parseMonotone(p.MonotoneConstraints, nil, syntaxOnly); err != nil {
		return fmt.Errorf("gbdt: parameter monotone_constraints=%s: %v", p.MonotoneConstraints, err)
	}
	if _, err := parseInteraction(p.InteractionConstraints, nil, syntaxOnly); err != nil {
		return fmt.Errorf("gbdt: parameter interaction_constraints=%s: %v", p.InteractionConstraints, err)
	}
	for _, m := range p.EvalMetric {
		if _, ok := metric.Lookup(m); !ok {
			return fmt.Errorf("gbdt: eval_metric %q is not supported; use %s", m, metricNames())
		}
	}
	if err := p.validateObjective(); err != nil {
		return err
	}
	if !math.IsNaN(p.BaseScore) && p.Objective == model.BinaryLogistic && !(p.BaseScore > 0 && p.BaseScore < 1) {
		return fmt.Errorf("gbdt: base_score=%v: for binary:logistic base_score must be a probability in (0, 1)", p.BaseScore)
	}
	return nil
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// asStrings returns the parameters as XGBoost-named strings, for the
// model's configuration.
func (p *Params) asStrings(bases []float64) map[string]string {
	base := bases[0]
	m := map[string]string{
		"objective": p.Objective, "eta": ftoa(p.Eta), "max_depth": strconv.Itoa(p.MaxDepth),
		"min_child_weight": ftoa(p.MinChildWeight), "lambda": ftoa(p.Lambda), "alpha": ftoa(p.Alpha),
		"gamma": ftoa(p.Gamma), "max_delta_step": ftoa(p.MaxDeltaStep), "subsample": ftoa(p.Subsample),
		"colsample_bytree": ftoa(p.ColsampleTree), "max_bin": strconv.Itoa(p.MaxBin),
		"seed": strconv.FormatUint(p.Seed, 10), "tree_method": "hist", "base_score": ftoa(base),
		"eval_metric": strings.Join(p.metricsOrDefault(), ","),
	}
	if p.MaxCatToOnehot != 4 || p.MaxCatThreshold != 64 {
		m["max_cat_to_onehot"] = strconv.Itoa(p.MaxCatToOnehot)
		m["max_cat_threshold"] = strconv.Itoa(p.MaxCatThreshold)
	}
	if p.MonotoneConstraints != "" {
		m["monotone_constraints"] = p.MonotoneConstraints
	}
	if p.InteractionConstraints != "" {
		m["interaction_constraints"] = p.InteractionConstraints
	}
	switch p.Objective {
	case model.MultiSoftprob, model.MultiSoftmax:
		m["num_class"] = strconv.Itoa(p.NumClass)
	case model.RegQuantile:
		as := make([]string, len(p.QuantileAlpha))
		for i, a := range p.QuantileAlpha {
			as[i] = ftoa(a)
		}
		m["quantile_alpha"] = "[" + strings.Join(as, ",") + "]"
	case model.RegPseudoHuber:
		m["huber_slope"] = ftoa(p.HuberSlope)
	case model.RegTweedie:
		m["tweedie_variance_power"] = ftoa(p.TweedieVariancePower)
	}
	if p.ScalePosWeight != 1 {
		m["scale_pos_weight"] = ftoa(p.ScalePosWeight)
	}
	return m
}
