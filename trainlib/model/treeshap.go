package model

// Exact TreeSHAP (Lundberg, Erion & Lee, "Consistent Individualized Feature
// Attribution for Tree Ensembles", 2018, Algorithm 2), in float32 with the
// order of operations XGBoost's pred_contribs uses, so the values agree
// with XGBoost's to float32 rounding.
//
// The walk keeps the set of unique features on the path from the root,
// each with the fraction of training cover that follows the path when the
// feature is unknown (zero) and whether the row follows it when known
// (one), plus the permutation weights of subsets of those features.

// pathElem is one unique feature on the current path.
type pathElem struct {
	feature int32
	zero    float32 // share of cover flowing this way when the feature is unknown
	one     float32 // 1 if the row goes this way, else 0
	weight  float32 // permutation weight of subsets of size index
}

// shapScratch holds the path storage for one goroutine: each recursion
// level copies its parent's path into the next free slice of buf.
type shapScratch struct{ buf []pathElem }

func newShapScratch(maxDepth int) *shapScratch {
	d := maxDepth + 2
	return &shapScratch{buf: make([]pathElem, d*(d+1)/2)}
}

// shap adds the tree's SHAP values for row to phi (features, then bias).
func (t *Tree) shap(row []float32, means, phi []float32, s *shapScratch) {
	phi[len(phi)-1] += means[0]
	t.shapRecurse(row, phi, 0, 0, s.buf, 1, 1, -1)
}

func (t *Tree) shapRecurse(row, phi []float32, node int32, depth int, parent []pathElem, zero, one float32, feature int32) {
	path := parent[depth+1:]
	copy(path[:depth+1], parent[:depth+1])
	extendPath(path, depth, zero, one, feature)

	if t.Left[node] == -1 {
		leaf := t.SplitCondition[node]
		for i := 1; i <= depth; i++ {
			w := unwoundPathSum(path, depth, i)
			el := path[i]
			phi[el.feature] += w * (el.one - el.zero) * leaf
		}
		return
	}
	split := t.SplitFeature[node]
	hot := t.next(node, row[split])
	cold := t.Left[node]
	if hot == cold {
		cold = t.Right[node]
	}
	cover := t.SumHessian[node]
	hotZero := t.SumHessian[hot] / cover
	coldZero := t.SumHessian[cold] / cover
	inZero, inOne := float32(1), float32(1)

	// A feature already on the path is taken out and put back with this
	// split's fractions folded in.
	k := 0
	for ; k <= depth; k++ {
		if path[k].feature == split {
			break
		}
	}
	if k <= depth {
		inZero, inOne = path[k].zero, path[k].one
		unwindPath(path, depth, k)
		depth--
	}
	t.shapRecurse(row, phi, hot, depth+1, path, hotZero*inZero, inOne, split)
	t.shapRecurse(row, phi, cold, depth+1, path, coldZero*inZero, 0, split)
}

// extendPath adds a feature with the given fractions at position depth
// and updates the subset weights.
func extendPath(path []pathElem, depth int, zero, one float32, feature int32) {
	path[depth] = pathElem{feature: feature, zero: zero, one: one}
	if depth == 0 {
		path[depth].weight = 1
	}
	d1 := float32(depth + 1)
	for i := depth - 1; i >= 0; i-- {
		path[i+1].weight += one * path[i].weight * float32(i+1) / d1
		path[i].weight = zero * path[i].weight * float32(depth-i) / d1
	}
}

// unwindPath removes the element at k, undoing its extension.
func unwindPath(path []pathElem, depth, k int) {
	one, zero := path[k].one, path[k].zero
	next := path[depth].weight
	d1 := float32(depth + 1)
	for i := depth - 1; i >= 0; i-- {
		if one != 0 {
			w := path[i].weight
			path[i].weight = next * d1 / (float32(i+1) * one)
			next = w - path[i].weight*zero*float32(depth-i)/d1
		} else {
			path[i].weight = (path[i].weight * d1) / (zero * float32(depth-i))
		}
	}
	for i := k; i < depth; i++ {
		path[i].feature, path[i].zero, path[i].one = path[i+1].feature, path[i+1].zero, path[i+1].one
	}
}

// unwoundPathSum returns the total subset weight the path would have
// without element k, leaving the path unchanged.
func unwoundPathSum(path []pathElem, depth, k int) float32 {
	one, zero := path[k].one, path[k].zero
	next := path[depth].weight
	d1 := float32(depth + 1)
	var total float32
	for i := depth - 1; i >= 0; i-- {
		switch {
		case one != 0:
			w := next * d1 / (float32(i+1) * one)
			total += w
			next = path[i].weight - w*zero*(float32(depth-i)/d1)
		case zero != 0:
			total += (path[i].weight / zero) / (float32(depth-i) / d1)
		}
	}
	return total
}
