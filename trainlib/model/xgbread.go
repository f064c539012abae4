package model

import (
	"encoding/json"
	"strconv"
	"strings"
)

// paramsAttribute is the attribute under which Save keeps Model.Params, as a
// JSON object of strings. Attributes survive a round trip through XGBoost.
const paramsAttribute = "gotrain_params"

// fromDoc builds a Model from a decoded XGBoost model document (JSON or
// UBJSON), naming the path of any field that is missing or malformed.
func fromDoc(doc any) (*Model, error) {
	root, err := getObject(doc, "model")
	if err != nil {
		return nil, err
	}
	learner, lp, err := memberObject(root, "model", "learner")
	if err != nil {
		return nil, err
	}
	m := &Model{BestIteration: -1, Attributes: map[string]string{}, Params: map[string]string{}}
	if err := readLearnerParams(m, learner, lp); err != nil {
		return nil, err
	}
	if err := readObjective(m, learner, lp); err != nil {
		return nil, err
	}
	if err := readFeatures(m, learner, lp); err != nil {
		return nil, err
	}
	if err := readAttributes(m, learner, lp); err != nil {
		return nil, err
	}
	if err := readBooster(m, learner, lp); err != nil {
		return nil, err
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return m, nil
}

func readLearnerParams(m *Model, learner map[string]any, lp path) error {
	mp, p, err := memberObject(learner, lp, "learner_model_param")
	if err != nil {
		return err
	}
	bs, err := memberString(mp, p, "base_score")
	if err != nil {
		return err
	}
	scores, err := parseBaseScores(bs, p.key("base_score"))
	if err != nil {
		return err
	}
	m.BaseScore = scores[0]
	if len(scores) > 1 {
		m.BaseScores = scores
	}
	nf, err := intString(mp, p, "num_feature")
	if err != nil {
		return err
	}
	if nf < 0 || nf > 1<<30 {
		return p.key("num_feature").errorf("%d features is out of range", nf)
	}
	m.NumFeature = int(nf)
	if _, ok := mp["num_class"]; ok {
		nc, err := intString(mp, p, "num_class")
		if err != nil {
			return err
		}
		if nc < 0 || nc > 1<<20 {
			return p.key("num_class").errorf("%d classes is out of range", nc)
		}
		m.NumClass = int(nc)
	}
	outputs := max(int64(1), int64(m.NumClass))
	if _, ok := mp["num_target"]; ok {
		nt, err := intString(mp, p, "num_target")
		if err != nil {
			return err
		}
		if nt > 1 && m.NumClass > 1 {
			return p.key("num_target").errorf("multi-target multi-class models (num_target = %d) are not supported", nt)
		}
		outputs = max(outputs, nt)
	}
	if n := int64(len(scores)); n > 1 && n != outputs {
		return p.key("base_score").errorf("%d values for a model of %d outputs", n, outputs)
	}
	if outputs > 1 && len(m.BaseScores) == 0 {
		// XGBoost 1.x wrote one base_score for every class.
		for i := int64(0); i < outputs; i++ {
			m.BaseScores = append(m.BaseScores, scores[0])
		}
	}
	return nil
}

// parseBaseScores reads base_score in both spellings XGBoost uses: a bare
// number ("5E-1", 1.x) or a bracketed list with one value per output
// ("[5E-1]", "[6E1,2.67E2]", 3.x).
func parseBaseScores(s string, p path) ([]float64, error) {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "[") {
		if !strings.HasSuffix(t, "]") {
			return nil, p.errorf("unterminated list %q", s)
		}
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	var out []float64
	for _, f := range strings.Split(t, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 32)
		if err != nil {
			return nil, p.errorf("want a number, found %q", s)
		}
		out = append(out, float64(float32(v)))
	}
	return out, nil
}

func readObjective(m *Model, learner map[string]any, lp path) error {
	obj, p, err := memberObject(learner, lp, "objective")
	if err != nil {
		return err
	}
	name, err := memberString(obj, p, "name")
	if err != nil {
		return err
	}
	if _, ok := links[name]; !ok {
		return p.key("name").errorf("objective %q is not supported; gotrain predicts %s", name, supportedObjectives())
	}
	m.Objective = name
	if rp, ok := obj["reg_loss_param"].(map[string]any); ok {
		if spw, ok := rp["scale_pos_weight"].(string); ok && spw != "1" {
			m.Params["scale_pos_weight"] = spw
		}
	}
	for _, op := range objectiveParams {
		if op.objective != name {
			continue
		}
		sec, sp, err := memberObject(obj, p, op.section)
		if err != nil {
			return err
		}
		v, err := memberString(sec, sp, op.key)
		if err != nil {
			return err
		}
		m.Params[op.key] = v
	}
	multi := name == MultiSoftprob || name == MultiSoftmax
	if multi != (m.NumClass > 1) {
		return lp.key("learner_model_param").key("num_class").errorf("num_class = %d does not fit objective %s", m.NumClass, name)
	}
	if len(m.BaseScores) > 1 && !multi && name != RegQuantile {
		return lp.key("learner_model_param").key("base_score").errorf("%d base scores: only multi-class and quantile models have several outputs", len(m.BaseScores))
	}
	return nil
}

// objectiveParams are the objective sections XGBoost 3.x writes, with the
// parameter each holds (kept in Model.Params under the same name).
var objectiveParams = []struct{ objective, section, key string }{
	{MultiSoftprob, "softmax_multiclass_param", "num_class"},
	{MultiSoftmax, "softmax_multiclass_param", "num_class"},
	{RegQuantile, "quantile_loss_param", "quantile_alpha"},
	{RegPseudoHuber, "pseudo_huber_param", "huber_slope"},
	{RegTweedie, "tweedie_regression_param", "tweedie_variance_power"},
	{CountPoisson, "poisson_regression_param", "max_delta_step"},
}

func readFeatures(m *Model, learner map[string]any, lp path) error {
	if v, ok := learner["feature_names"]; ok {
		names, err := getStrings(v, lp.key("feature_names"))
		if err != nil {
			return err
		}
		if len(names) > 0 && len(names) != m.NumFeature {
			return lp.key("feature_names").errorf("%d names for %d features (learner_model_param.num_feature)", len(names), m.NumFeature)
		}
		m.FeatureNames = names
	}
	if v, ok := learner["feature_types"]; ok {
		types, err := getStrings(v, lp.key("feature_types"))
		if err != nil {
			return err
		}
		if len(types) > 0 && len(types) != m.NumFeature {
			return lp.key("feature_types").errorf("%d types for %d features (learner_model_param.num_feature)", len(types), m.NumFeature)
		}
		m.FeatureTypes = types
	}
	return nil
}

func readAttributes(m *Model, learner map[string]any, lp path) error {
	v, ok := learner["attributes"]
	if !ok {
		return nil
	}
	p := lp.key("attributes")
	attrs, err := getObject(v, p)
	if err != nil {
		return err
	}
	for k, v := range attrs {
		s, err := getString(v, p.key(k))
		if err != nil {
			return err
		}
		m.Attributes[k] = s
	}
	if s, ok := m.Attributes["best_iteration"]; ok {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return p.key("best_iteration").errorf("want a non-negative integer, found %q", s)
		}
		m.BestIteration = n
		delete(m.Attributes, "best_iteration")
	}
	if s, ok := m.Attributes["best_score"]; ok {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return p.key("best_score").errorf("want a number, found %q", s)
		}
		m.BestScore = f
		delete(m.Attributes, "best_score")
	}
	if s, ok := m.Attributes[paramsAttribute]; ok {
		params := map[string]string{}
		if err := json.Unmarshal([]byte(s), &params); err != nil {
			return p.key(paramsAttribute).errorf("want a JSON object of strings: %v", err)
		}
		for k, v := range params {
			m.Params[k] = v
		}
		delete(m.Attributes, paramsAttribute)
	}
	return nil
}

func readBooster(m *Model, learner map[string]any, lp path) error {
	gb, p, err := memberObject(learner, lp, "gradient_booster")
	if err != nil {
		return err
	}
	name, err := memberString(gb, p, "name")
	if err != nil {
		return err
	}
	if name != "gbtree" {
		return p.key("name").errorf("booster %q is not supported; gotrain reads gbtree models", name)
	}
	model, p, err := memberObject(gb, p, "model")
	if err != nil {
		return err
	}
	gp, gpp, err := memberObject(model, p, "gbtree_model_param")
	if err != nil {
		return err
	}
	numTrees, err := intString(gp, gpp, "num_trees")
	if err != nil {
		return err
	}
	if _, ok := gp["num_parallel_tree"]; ok {
		npt, err := intString(gp, gpp, "num_parallel_tree")
		if err != nil {
			return err
		}
		if npt != 1 {
			return gpp.key("num_parallel_tree").errorf("random forests (num_parallel_tree = %d) are not supported", npt)
		}
	}
	tv, tp, err := member(model, p, "trees")
	if err != nil {
		return err
	}
	trees, ok := tv.([]any)
	if !ok {
		return tp.errorf("want an array of trees, found %s", typeName(tv))
	}
	if int64(len(trees)) != numTrees {
		return tp.errorf("%d trees, but gbtree_model_param.num_trees says %d", len(trees), numTrees)
	}
	if len(trees)%m.Outputs() != 0 {
		return tp.errorf("%d trees is not a whole number of rounds of %d outputs", len(trees), m.Outputs())
	}
	if iv, ok := model["tree_info"]; ok {
		info, err := getInt64s(iv, p.key("tree_info"))
		if err != nil {
			return err
		}
		if len(info) != len(trees) {
			return p.key("tree_info").errorf("%d entries for %d trees", len(info), len(trees))
		}
		k := int64(m.Outputs())
		for i, g := range info {
			if g != int64(i)%k {
				return p.key("tree_info").index(i).errorf("tree %d adds to output %d; gotrain reads models with one tree per output and round, in output order (tree i adds to output i mod %d)", i, g, k)
			}
		}
	}
	if err := readCats(m, model, p); err != nil {
		return err
	}
	m.Trees = make([]Tree, len(trees))
	seen := make([]bool, len(trees))
	for i, t := range trees {
		ti := tp.index(i)
		obj, err := getObject(t, ti)
		if err != nil {
			return err
		}
		id := int64(i)
		if idv, ok := obj["id"]; ok {
			if id, err = getInt(idv, ti.key("id")); err != nil {
				return err
			}
		}
		if id < 0 || id >= int64(len(trees)) || seen[id] {
			return ti.key("id").errorf("tree id %d is out of range or repeated", id)
		}
		seen[id] = true
		if m.Trees[id], err = readTree(obj, ti); err != nil {
			return err
		}
	}
	return nil
}

// readTree reads one tree's node arrays, checking every length.
func readTree(obj map[string]any, p path) (Tree, error) {
	var t Tree
	tp, tpp, err := memberObject(obj, p, "tree_param")
	if err != nil {
		return t, err
	}
	n64, err := intString(tp, tpp, "num_nodes")
	if err != nil {
		return t, err
	}
	if n64 < 1 || n64 > 1<<31-1 {
		return t, tpp.key("num_nodes").errorf("%d nodes is out of range", n64)
	}
	n := int(n64)
	if _, ok := tp["size_leaf_vector"]; ok {
		slv, err := intString(tp, tpp, "size_leaf_vector")
		if err != nil {
			return t, err
		}
		if slv > 1 {
			return t, tpp.key("size_leaf_vector").errorf("vector leaves (%d) are not supported", slv)
		}
	}
	floats := []struct {
		key string
		dst *[]float32
	}{
		{"loss_changes", &t.LossChange}, {"sum_hessian", &t.SumHessian},
		{"base_weights", &t.BaseWeight}, {"split_conditions", &t.SplitCondition},
	}
	for _, f := range floats {
		v, q, err := member(obj, p, f.key)
		if err != nil {
			return t, err
		}
		if *f.dst, err = getFloat32s(v, q); err != nil {
			return t, err
		}
		if len(*f.dst) != n {
			return t, q.errorf("%d values for %d nodes (tree_param.num_nodes)", len(*f.dst), n)
		}
	}
	ints := []struct {
		key string
		dst *[]int32
	}{
		{"left_children", &t.Left}, {"right_children", &t.Right},
		{"parents", &t.Parent}, {"split_indices", &t.SplitFeature},
	}
	for _, f := range ints {
		v, q, err := member(obj, p, f.key)
		if err != nil {
			return t, err
		}
		if *f.dst, err = getInt32s(v, q); err != nil {
			return t, err
		}
		if len(*f.dst) != n {
			return t, q.errorf("%d values for %d nodes (tree_param.num_nodes)", len(*f.dst), n)
		}
	}
	v, q, err := member(obj, p, "default_left")
	if err != nil {
		return t, err
	}
	if t.DefaultLeft, err = getBools(v, q); err != nil {
		return t, err
	}
	if len(t.DefaultLeft) != n {
		return t, q.errorf("%d values for %d nodes (tree_param.num_nodes)", len(t.DefaultLeft), n)
	}
	// Typed arrays from a decoder are shared with nothing else, but JSON
	// int32 slices may alias: copy so the model owns its arrays.
	t.Left = append([]int32(nil), t.Left...)
	t.Right = append([]int32(nil), t.Right...)
	t.Parent = append([]int32(nil), t.Parent...)
	t.SplitFeature = append([]int32(nil), t.SplitFeature...)
	if err := readCategoricalSplits(&t, obj, p, n); err != nil {
		return t, err
	}
	return t, nil
}
