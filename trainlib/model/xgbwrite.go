package model

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// formatVersion returns the XGBoost version written into model files: the
// release whose reader the output was checked against.
func formatVersion() []any { return []any{int64(3), int64(2), int64(0)} }

// toDoc builds the XGBoost model document for m, in the layout XGBoost 3.x
// writes and 1.7 also reads: base_score as a bare decimal string, node
// arrays as typed arrays, default_left as booleans (uint8 in UBJSON), the
// categorical arrays present and empty, objective parameters present.
func toDoc(m *Model) (*object, error) {
	learner := newObject()
	attrs, err := attributesOf(m)
	if err != nil {
		return nil, err
	}
	learner.set("attributes", attrs)
	learner.set("feature_names", stringList(m.FeatureNames))
	learner.set("feature_types", stringList(m.FeatureTypes))
	booster, err := boosterOf(m)
	if err != nil {
		return nil, err
	}
	learner.set("gradient_booster", booster)
	base := formatBaseScore(m.BaseScore)
	if len(m.BaseScores) > 0 {
		parts := make([]string, len(m.BaseScores))
		for i, b := range m.BaseScores {
			parts[i] = formatBaseScore(b)
		}
		base = "[" + strings.Join(parts, ",") + "]"
	}
	targets := 1
	if !m.multiClass() {
		targets = m.Outputs()
	}
	learner.set("learner_model_param", newObject().
		set("base_score", base).
		set("boost_from_average", "1").
		set("num_class", strconv.Itoa(m.NumClass)).
		set("num_feature", strconv.Itoa(m.NumFeature)).
		set("num_target", strconv.Itoa(targets)))
	learner.set("objective", objectiveOf(m))
	return newObject().set("learner", learner).set("version", formatVersion()), nil
}

// objectiveOf returns the objective section: its name and its parameters
// under the section XGBoost 3.x keeps them in.
func objectiveOf(m *Model) *object {
	o := newObject().set("name", m.Objective)
	switch m.Objective {
	case RegAbsoluteError:
		return o
	case MultiSoftprob, MultiSoftmax:
		return o.set("softmax_multiclass_param", newObject().set("num_class", strconv.Itoa(m.NumClass)))
	}
	for _, op := range objectiveParams {
		if op.objective == m.Objective {
			v, ok := m.Params[op.key]
			if !ok || op.key == "max_delta_step" && (v == "0" || v == "") {
				v = objectiveDefaults[op.key]
			}
			return o.set(op.section, newObject().set(op.key, v))
		}
	}
	spw := "1"
	if s, ok := m.Params["scale_pos_weight"]; ok {
		spw = s
	}
	return o.set("reg_loss_param", newObject().set("scale_pos_weight", spw))
}

// objectiveDefaults are XGBoost's defaults of the objective parameters.
var objectiveDefaults = map[string]string{
	"quantile_alpha": "0.5", "huber_slope": "1", "tweedie_variance_power": "1.5", "max_delta_step": "0.7",
}

// formatBaseScore spells base_score as XGBoost 1.7 requires: a plain
// decimal with at most 9 significant digits (the shortest that reads back
// as the same float32). XGBoost 3.x reads it too.
func formatBaseScore(b float64) string {
	return strconv.FormatFloat(float64(float32(b)), 'f', -1, 32)
}

func stringList(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// attributesOf returns the attributes object: m.Attributes, plus
// best_iteration and best_score after early stopping, plus the training
// parameters under paramsAttribute. Keys are sorted for stable output.
func attributesOf(m *Model) (*object, error) {
	all := map[string]string{}
	for k, v := range m.Attributes {
		all[k] = v
	}
	if m.BestIteration >= 0 {
		all["best_iteration"] = strconv.Itoa(m.BestIteration)
		all["best_score"] = strconv.FormatFloat(m.BestScore, 'g', -1, 64)
	}
	if len(m.Params) > 0 {
		b, err := json.Marshal(m.Params)
		if err != nil {
			return nil, err
		}
		all[paramsAttribute] = string(b)
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	o := newObject()
	for _, k := range keys {
		o.set(k, all[k])
	}
	return o, nil
}

func boosterOf(m *Model) (*object, error) {
	n := len(m.Trees)
	trees := make([]any, n)
	info := make([]any, n)
	k := m.Outputs()
	indptr := make([]any, n/k+1)
	for i := range m.Trees {
		trees[i] = treeOf(&m.Trees[i], i, m.NumFeature)
		info[i] = int64(i % k)
	}
	for r := range indptr {
		indptr[r] = int64(r * k)
	}
	cats, err := catsOf(m)
	if err != nil {
		return nil, err
	}
	model := newObject().
		set("cats", cats).
		set("gbtree_model_param", newObject().
			set("num_parallel_tree", "1").
			set("num_trees", strconv.Itoa(n))).
		set("iteration_indptr", indptr).
		set("tree_info", info).
		set("trees", trees)
	return newObject().set("model", model).set("name", "gbtree"), nil
}

func treeOf(t *Tree, id, numFeature int) *object {
	n := t.NumNodes()
	types, cats, nodes, segs, sizes := categoricalArrays(t)
	return newObject().
		set("base_weights", t.BaseWeight).
		set("categories", cats).
		set("categories_nodes", nodes).
		set("categories_segments", segs).
		set("categories_sizes", sizes).
		set("default_left", boolArray(t.DefaultLeft)).
		set("id", int64(id)).
		set("left_children", t.Left).
		set("loss_changes", t.LossChange).
		set("parents", t.Parent).
		set("right_children", t.Right).
		set("split_conditions", t.SplitCondition).
		set("split_indices", t.SplitFeature).
		set("split_type", types).
		set("sum_hessian", t.SumHessian).
		set("tree_param", newObject().
			set("num_deleted", strconv.Itoa(numDeleted(t))).
			set("num_feature", strconv.Itoa(numFeature)).
			set("num_nodes", strconv.Itoa(n)).
			set("size_leaf_vector", "1"))
}

// deletedSplit is the split index XGBoost gives a node its pruner deleted
// (with default_left set); such nodes are unreachable and counted in
// tree_param.num_deleted.
const deletedSplit = 1<<31 - 1

func numDeleted(t *Tree) int {
	n := 0
	for i := 1; i < t.NumNodes(); i++ {
		if t.SplitFeature[i] == deletedSplit && t.DefaultLeft[i] {
			n++
		}
	}
	return n
}
