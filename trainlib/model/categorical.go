package model

import (
	"fmt"
	"slices"
	"strconv"
)

// Categorical splits, as XGBoost 3.x stores and applies them.
//
// A categorical feature's value is a category code: 0, 1, 2 … indexing
// Model.Categories[f] when the model knows the names. At a categorical
// split (SplitType 1) the codes in Categories[n] go right and every other
// code goes left: codes no split chose, codes unseen in training, negative
// codes and codes ≥ 2^24 alike, as XGBoost's Decision sends them (a
// fractional code is truncated). A missing value goes the default way. In
// the file, a tree lists the codes of all its categorical splits in
// "categories", with "categories_nodes", "categories_segments" and
// "categories_sizes" saying which run belongs to which node; the learner's
// gradient_booster.model.cats holds the category names per feature.

// maxCategory is XGBoost's OutOfRangeCat: codes from here on are invalid.
const maxCategory = 1 << 24

// catGoesLeft reports whether code v goes left at a split sending cats
// (sorted) right.
func catGoesLeft(cats []int32, v float32) bool {
	if v < 0 || v >= maxCategory {
		return true
	}
	_, found := slices.BinarySearch(cats, int32(v))
	return !found
}

// IsCategorical reports whether node n splits on categories.
func (t *Tree) IsCategorical(n int) bool {
	return len(t.SplitType) > n && t.SplitType[n] == 1
}

// HasCategorical reports whether any tree of m has a categorical split.
func (m *Model) HasCategorical() bool {
	for i := range m.Trees {
		if slices.Contains(m.Trees[i].SplitType, 1) {
			return true
		}
	}
	return false
}

// CategoryCodes returns feature f's map from category name to code, or nil
// when the model knows no names for it.
func (m *Model) CategoryCodes(f int) map[string]int {
	if f >= len(m.Categories) || m.Categories[f] == nil {
		return nil
	}
	out := make(map[string]int, len(m.Categories[f]))
	for i, c := range m.Categories[f] {
		out[c] = i
	}
	return out
}

// IsCategoricalFeature reports whether feature f is categorical ("c").
func (m *Model) IsCategoricalFeature(f int) bool {
	return f < len(m.FeatureTypes) && m.FeatureTypes[f] == "c" || f < len(m.Categories) && m.Categories[f] != nil
}

// readCategoricalSplits reads split_type and the categories arrays of a
// tree of n nodes (all optional together).
func readCategoricalSplits(t *Tree, obj map[string]any, p path, n int) error {
	v, ok := obj["split_type"]
	if !ok {
		return nil
	}
	types, err := getInt64s(v, p.key("split_type"))
	if err != nil {
		return err
	}
	if len(types) != n {
		return p.key("split_type").errorf("%d values for %d nodes (tree_param.num_nodes)", len(types), n)
	}
	var arrays [4][]int64
	for i, k := range []string{"categories", "categories_nodes", "categories_segments", "categories_sizes"} {
		cv, q, err := member(obj, p, k)
		if err != nil {
			return err
		}
		if arrays[i], err = getInt64s(cv, q); err != nil {
			return err
		}
	}
	cats, nodes, segs, sizes := arrays[0], arrays[1], arrays[2], arrays[3]
	if len(segs) != len(nodes) || len(sizes) != len(nodes) {
		return p.key("categories_nodes").errorf("%d nodes but %d segments and %d sizes", len(nodes), len(segs), len(sizes))
	}
	if !slices.Contains(types, 1) {
		if len(nodes) != 0 {
			return p.key("categories_nodes").errorf("%d categorical nodes, but split_type marks none", len(nodes))
		}
		return nil
	}
	t.SplitType = make([]uint8, n)
	t.Categories = make([][]int32, n)
	for i, st := range types {
		switch st {
		case 0:
		case 1:
			t.SplitType[i] = 1
		default:
			return p.key("split_type").index(i).errorf("split type %d is neither 0 (numeric) nor 1 (categorical)", st)
		}
	}
	for k, nd := range nodes {
		q := p.key("categories_nodes").index(k)
		if nd < 0 || nd >= int64(n) || types[nd] != 1 {
			return q.errorf("node %d is not a categorical split of this tree", nd)
		}
		if segs[k] < 0 || sizes[k] < 0 || segs[k]+sizes[k] > int64(len(cats)) {
			return p.key("categories_segments").index(k).errorf("segment [%d, %d+%d) lies outside the %d categories", segs[k], segs[k], sizes[k], len(cats))
		}
		set := make([]int32, sizes[k])
		for j := range set {
			c := cats[segs[k]+int64(j)]
			if c < 0 || c >= maxCategory {
				return p.key("categories").index(int(segs[k])+j).errorf("category %d is outside [0, 2^24)", c)
			}
			set[j] = int32(c)
		}
		slices.Sort(set)
		t.Categories[nd] = slices.Compact(set)
	}
	for i, st := range t.SplitType {
		if st == 1 && t.Categories[i] == nil {
			return p.key("split_type").index(i).errorf("node %d is a categorical split, but categories_nodes does not list it", i)
		}
	}
	return nil
}

// categoricalArrays returns a tree's split_type and categories arrays as
// XGBoost writes them.
func categoricalArrays(t *Tree) (types []uint8, cats, nodes []int32, segs, sizes []int64) {
	n := t.NumNodes()
	types = make([]uint8, n)
	cats, nodes, segs, sizes = []int32{}, []int32{}, []int64{}, []int64{}
	for i := 0; i < n; i++ {
		if !t.IsCategorical(i) {
			continue
		}
		types[i] = 1
		nodes = append(nodes, int32(i))
		segs = append(segs, int64(len(cats)))
		sizes = append(sizes, int64(len(t.Categories[i])))
		cats = append(cats, t.Categories[i]...)
	}
	return
}

// readCats reads gradient_booster.model.cats: per feature, its category
// names (text as offsets into UTF-8 bytes, or numbers with their type).
func readCats(m *Model, model map[string]any, p path) error {
	cv, ok := model["cats"]
	if !ok {
		return nil
	}
	p = p.key("cats")
	obj, err := getObject(cv, p)
	if err != nil {
		return err
	}
	ev, ep, err := member(obj, p, "enc")
	if err != nil {
		return err
	}
	enc, ok := ev.([]any)
	if !ok {
		return ep.errorf("want an array, found %s", typeName(ev))
	}
	if len(enc) == 0 {
		return nil
	}
	cats := make([][]string, len(enc))
	kinds := make([]int64, len(enc))
	any := false
	for f, e := range enc {
		fp := ep.index(f)
		col, err := getObject(e, fp)
		if err != nil {
			return err
		}
		vv, vp, err := member(col, fp, "values")
		if err != nil {
			return err
		}
		if ov, ok := col["offsets"]; ok {
			offs, err := getInt64s(ov, fp.key("offsets"))
			if err != nil {
				return err
			}
			bytes, err := getInt64s(vv, vp)
			if err != nil {
				return err
			}
			if len(offs) == 0 {
				continue
			}
			names := make([]string, len(offs)-1)
			for i := range names {
				lo, hi := offs[i], offs[i+1]
				if lo < 0 || hi < lo || hi > int64(len(bytes)) {
					return fp.key("offsets").index(i).errorf("offsets %d..%d lie outside the %d bytes of names", lo, hi, len(bytes))
				}
				b := make([]byte, hi-lo)
				for j := range b {
					b[j] = byte(bytes[lo+int64(j)])
				}
				names[i] = string(b)
			}
			cats[f], any = names, true
			continue
		}
		kind, err := intString(col, fp, "type")
		if err != nil {
			if kv, ok := col["type"]; ok {
				kind, err = getInt(kv, fp.key("type"))
			}
			if err != nil {
				return err
			}
		}
		names, err := numberNames(vv, vp)
		if err != nil {
			return err
		}
		cats[f], kinds[f], any = names, kind, true
	}
	if any {
		m.Categories, m.categoryKinds = cats, kinds
	}
	return nil
}

// numberNames spells numeric categories as decimal text.
func numberNames(v any, p path) ([]string, error) {
	if fs, ok := v.([]float32); ok {
		out := make([]string, len(fs))
		for i, x := range fs {
			out[i] = strconv.FormatFloat(float64(x), 'g', -1, 32)
		}
		return out, nil
	}
	if fs, ok := v.([]float64); ok {
		out := make([]string, len(fs))
		for i, x := range fs {
			out[i] = strconv.FormatFloat(x, 'g', -1, 64)
		}
		return out, nil
	}
	if xs, ok := v.([]any); ok && len(xs) > 0 {
		if _, isInt := xs[0].(int64); !isInt {
			fs, err := getFloat32s(v, p)
			if err != nil {
				return nil, err
			}
			return numberNames(fs, p)
		}
	}
	is, err := getInt64s(v, p)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(is))
	for i, x := range is {
		out[i] = strconv.FormatInt(x, 10)
	}
	return out, nil
}

// catsOf builds the cats object for m's categories (empty when none).
func catsOf(m *Model) (*object, error) {
	o := newObject()
	if m.Categories == nil {
		return o.set("enc", []any{}).set("feature_segments", []int32{}).set("sorted_idx", []int32{}), nil
	}
	if len(m.Categories) != m.NumFeature {
		return nil, fmt.Errorf("model: categories for %d features, the model has %d", len(m.Categories), m.NumFeature)
	}
	enc := make([]any, m.NumFeature)
	segs := []int32{0}
	sorted := []int32{}
	for f, names := range m.Categories {
		kind := int64(0)
		if f < len(m.categoryKinds) {
			kind = m.categoryKinds[f]
		}
		idx := make([]int32, len(names))
		for i := range idx {
			idx[i] = int32(i)
		}
		if kind != 0 {
			vals := make([]float64, len(names))
			for i, s := range names {
				vals[i], _ = strconv.ParseFloat(s, 64)
			}
			slices.SortStableFunc(idx, func(a, b int32) int { return cmpFloat(vals[a], vals[b]) })
			enc[f] = newObject().set("type", normalKind(kind)).set("values", numberArray(kind, vals))
		} else {
			offs := make([]int32, 0, len(names)+1)
			bytes := []int8{}
			if names != nil {
				offs = append(offs, 0)
			}
			for _, s := range names {
				for i := 0; i < len(s); i++ {
					bytes = append(bytes, int8(s[i]))
				}
				offs = append(offs, int32(len(bytes)))
			}
			// XGBoost orders names as arrays of signed chars.
			slices.SortStableFunc(idx, func(a, b int32) int { return cmpSigned(names[a], names[b]) })
			enc[f] = newObject().set("offsets", offs).set("values", bytes)
		}
		segs = append(segs, segs[len(segs)-1]+int32(len(names)))
		sorted = append(sorted, idx...)
	}
	return o.set("enc", enc).set("feature_segments", segs).set("sorted_idx", sorted), nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpSigned compares strings byte by byte as signed chars.
func cmpSigned(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if x, y := int8(a[i]), int8(b[i]); x != y {
			return cmpFloat(float64(x), float64(y))
		}
	}
	return len(a) - len(b)
}

// numberArray returns numeric categories in the typed array XGBoost's
// value kind names (13 int32, 15 int64, 7 float32, 8 float64, …).
func numberArray(kind int64, vals []float64) any {
	switch normalKind(kind) {
	case 7:
		return convertAll[float32](vals)
	case 9:
		return convertAll[int8](vals)
	case 10:
		return convertAll[uint8](vals)
	case 13:
		return convertAll[int32](vals)
	}
	return convertAll[int64](vals)
}

// convertAll converts every value to T.
func convertAll[T float32 | int8 | uint8 | int32 | int64](vals []float64) []T {
	out := make([]T, len(vals))
	for i, v := range vals {
		out[i] = T(v)
	}
	return out
}

// normalKind maps a numeric category type to one this package writes:
// narrow integers widen to int32, unsigned and wide ones to int64, float64
// to float32.
func normalKind(kind int64) int64 {
	switch kind {
	case 7, 9, 10, 13, 15:
		return kind
	case 11, 12:
		return 13
	case 8:
		return 7
	}
	return 15
}
