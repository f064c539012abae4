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
	if m.BaseScore, err = parseBaseScore(bs, p.key("base_score")); err != nil {
		return err
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
		if nc > 1 {
			return p.key("num_class").errorf("multi-class models (num_class = %d) are not supported; gotrain predicts binary and regression models", nc)
		}
	}
	if _, ok := mp["num_target"]; ok {
		nt, err := intString(mp, p, "num_target")
		if err != nil {
			return err
		}
		if nt > 1 {
			return p.key("num_target").errorf("multi-target models (num_target = %d) are not supported", nt)
		}
	}
	return nil
}

// parseBaseScore reads base_score in both spellings XGBoost uses: a bare
// number ("5E-1", 1.x) or a bracketed list with one value ("[5E-1]", 3.x).
func parseBaseScore(s string, p path) (float64, error) {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "[") {
		if !strings.HasSuffix(t, "]") {
			return 0, p.errorf("unterminated list %q", s)
		}
		t = strings.TrimSpace(t[1 : len(t)-1])
		if strings.Contains(t, ",") {
			return 0, p.errorf("%q holds several values; only single-output models are supported", s)
		}
	}
	f, err := strconv.ParseFloat(t, 32)
	if err != nil {
		return 0, p.errorf("want a number, found %q", s)
	}
	return float64(float32(f)), nil
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
	return nil
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
	if iv, ok := model["tree_info"]; ok {
		info, err := getInt64s(iv, p.key("tree_info"))
		if err != nil {
			return err
		}
		if len(info) != len(trees) {
			return p.key("tree_info").errorf("%d entries for %d trees", len(info), len(trees))
		}
		for i, g := range info {
			if g != 0 {
				return p.key("tree_info").index(i).errorf("output group %d: only single-output models are supported", g)
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
