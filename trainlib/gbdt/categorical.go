package gbdt

import (
	"fmt"
	"math"
	"slices"
)

// Categorical features, split as XGBoost's hist evaluator splits them.
//
// A categorical feature holds category codes 0, 1, 2 … (NaN missing). Its
// cuts are each code seen in training plus one, so every category gets a
// bin of its own and bin b stands for code Values[f][b]-1. A split sends a
// set of bins right and every other bin left; the missing bin goes the
// default way. The split search (scanCategories) follows XGBoost 3.x:
//
//   - with fewer categories than max_cat_to_onehot, one category against
//     the rest: for each category, missing values with the rest (default
//     left), then with the category (default right);
//   - otherwise the categories are sorted by their weight −G/(H+λ) (stable,
//     in float32) and the sorted order is scanned as a numeric feature's
//     bins are, over at most max_cat_threshold categories: forward, the
//     lowest-weight categories go right with missing values left; backward,
//     the highest-weight ones go left with missing values right.
//
// At prediction every code not in a split's set goes left, including codes
// never seen in training (model/categorical.go).

// maxCategoryCode is XGBoost's bound on category codes (2^24).
const maxCategoryCode = 1 << 24

// IsCategorical reports whether feature f is categorical.
func (c *Cuts) IsCategorical(f int) bool {
	return f < len(c.Categorical) && c.Categorical[f]
}

// codesOf returns the category codes of bins of categorical feature f.
func (c *Cuts) codesOf(f int, bins []int32) []int32 {
	out := make([]int32, len(bins))
	for i, b := range bins {
		out[i] = int32(c.Values[f][b]) - 1
	}
	slices.Sort(out)
	return out
}

// binOfCode returns the bin of category code v of feature f, or -1 when
// no training row had that code (or v is no valid code).
func (c *Cuts) binOfCode(f int, v float32) int {
	if !(v >= 0 && v < maxCategoryCode) {
		return -1
	}
	want := float32(math.Trunc(float64(v))) + 1
	b, ok := slices.BinarySearch(c.Values[f], want)
	if !ok {
		return -1
	}
	return b
}

// categoryCuts returns the cuts of a categorical feature from its merged
// summary: each code present plus one. The summary must be exact.
func categoryCuts(s Summary, f, size int, hasMissing bool) ([]float32, error) {
	limit := 256
	if hasMissing {
		limit = 255
	}
	if len(s.Values) >= size || len(s.Values) > limit {
		return nil, fmt.Errorf("gbdt: categorical feature %d has more than %d categories; gotrain bins a categorical feature into at most %d (one byte): merge rare categories, or load the column one-hot", f, min(limit, size-1), limit)
	}
	out := make([]float32, len(s.Values))
	for i, v := range s.Values {
		if v < 0 || v >= maxCategoryCode || v != float32(math.Trunc(float64(v))) {
			return nil, fmt.Errorf("gbdt: categorical feature %d has the value %v; category codes are integers in [0, 2^24)", f, v)
		}
		out[i] = v + 1
	}
	return out, nil
}

// scanCategories tries the splits of categorical feature f (histogram hb
// of its category bins) for a node with sums G, H, through try, which
// returns whether the split became the best; best then gets the set.
func (d *driver) scanCategories(f int, hb []int64, G, H int64, inv float64, try func(lg, lh int64, f, b int, defLeft bool) bool, best *candidate) {
	p := &d.p
	nb := len(hb) / 2
	var sg, sh int64
	for b := 0; b < nb; b++ {
		sg += hb[2*b]
		sh += hb[2*b+1]
	}
	mg, mh := G-sg, H-sh
	if nb < p.MaxCatToOnehot {
		for b := 0; b < nb; b++ {
			rg, rh := hb[2*b], hb[2*b+1]
			if try(G-rg, H-rh, f, 0, true) {
				best.cats = []int32{int32(b)}
			}
			if try(G-rg-mg, H-rh-mh, f, 0, false) {
				best.cats = []int32{int32(b)}
			}
		}
		return
	}
	weight := make([]float32, nb)
	order := make([]int32, nb)
	for b := range order {
		order[b] = int32(b)
		weight[b] = float32(leafWeight(p, float64(hb[2*b])*inv, float64(hb[2*b+1])*inv))
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		switch {
		case weight[a] < weight[b]:
			return -1
		case weight[a] > weight[b]:
			return 1
		}
		return 0
	})
	n := min(p.MaxCatThreshold, nb)
	// Forward: order[0..j] right, the rest and missing values left.
	var rg, rh int64
	for j := 0; j < n-1; j++ {
		b := order[j]
		rg += hb[2*b]
		rh += hb[2*b+1]
		if try(G-rg, H-rh, f, 0, true) {
			best.cats = sortedBins(order[:j+1])
		}
	}
	// Backward: order[j..] left, the rest and missing values right.
	var lg, lh int64
	for j := nb - 1; j > nb-n; j-- {
		b := order[j]
		lg += hb[2*b]
		lh += hb[2*b+1]
		if try(lg, lh, f, 0, false) {
			best.cats = sortedBins(order[:j])
		}
	}
}

func sortedBins(bins []int32) []int32 {
	out := slices.Clone(bins)
	slices.Sort(out)
	return out
}

// binGoesRight reports whether bin b goes right at a categorical split
// sending cats right.
func binGoesRight(cats []int32, b int) bool {
	_, ok := slices.BinarySearch(cats, int32(b))
	return ok
}

// categoricalFeatures returns which features are categorical, from
// Options.Categories, or an error when enable_categorical is off.
func (d *driver) categoricalFeatures() ([]bool, error) {
	cats := d.opt.Categories
	if cats == nil {
		return nil, nil
	}
	if len(cats) != d.nf {
		return nil, fmt.Errorf("gbdt: categories for %d features, the data has %d", len(cats), d.nf)
	}
	out := make([]bool, d.nf)
	any := false
	for f, c := range cats {
		if c != nil {
			out[f], any = true, true
			if d.p.DisableCategorical {
				return nil, fmt.Errorf("gbdt: parameter enable_categorical=false, but feature %d (%s) is categorical: load text columns one-hot (gotrain: --one-hot) or set enable_categorical=true", f, featureLabel(d.opt.FeatureNames, f))
			}
		}
	}
	if !any {
		return nil, nil
	}
	return out, nil
}

func featureLabel(names []string, f int) string {
	if f < len(names) {
		return names[f]
	}
	return fmt.Sprintf("f%d", f)
}

// modelCategories returns the category names the model keeps: nil unless
// some categorical feature has names.
func (d *driver) modelCategories() [][]string {
	named := false
	for _, c := range d.opt.Categories {
		named = named || len(c) > 0
	}
	if !named {
		return nil
	}
	out := make([][]string, d.nf)
	for f, c := range d.opt.Categories {
		if c != nil {
			out[f] = slices.Clone(c)
		}
	}
	return out
}

// categoryBins returns the bins of the category codes a model's split
// sends right; every code must have a bin in this data.
func categoryBins(codes []int32, cuts *Cuts, f int) ([]int32, error) {
	if !cuts.IsCategorical(f) {
		return nil, fmt.Errorf("a categorical split on feature %d, which is numeric in this data", f)
	}
	out := make([]int32, 0, len(codes))
	for _, c := range codes {
		b := cuts.binOfCode(f, float32(c))
		if b < 0 {
			return nil, fmt.Errorf("category code %d of feature %d is not in this training data; continue only a model trained on the same shards", c, f)
		}
		out = append(out, int32(b))
	}
	slices.Sort(out)
	return out, nil
}
