package model

// flatNode packs what prediction reads of one node into 16 bytes, so a
// walk touches one cache line per node instead of five arrays.
type flatNode struct {
	cond float32 // split condition, or the leaf value
	feat int32   // split feature
	left int32   // left child (the right one is left+1), or -1 for a leaf
	miss int32   // where a missing value goes: 0 left, 1 right
}

// flatTree is a Tree laid out for prediction.
type flatTree []flatNode

// flatten lays out trees for prediction. It is cheap (one pass over the
// nodes) and done per call, so a Model stays a plain value its owner may
// change between calls.
func flatten(trees []Tree) []flatTree {
	n := 0
	for i := range trees {
		n += trees[i].NumNodes()
	}
	all := make([]flatNode, n)
	out := make([]flatTree, len(trees))
	for i := range trees {
		t := &trees[i]
		nodes := all[:t.NumNodes():t.NumNodes()]
		all = all[t.NumNodes():]
		for j := range nodes {
			nodes[j] = flatNode{cond: t.SplitCondition[j], feat: t.SplitFeature[j], left: t.Left[j], miss: 1}
			if t.DefaultLeft[j] {
				nodes[j].miss = 0
			}
		}
		out[i] = nodes
	}
	return out
}

// leafValue walks row down the tree: missing values go where miss says,
// others go left iff value < condition. The step is written so the
// compiler can use conditional moves instead of branches.
func (t flatTree) leafValue(row []float32) float32 {
	nd := &t[0]
	for nd.left >= 0 {
		v := row[nd.feat]
		var step int32
		if !(v < nd.cond) {
			step = 1
		}
		if v != v { // NaN: missing
			step = nd.miss
		}
		nd = &t[nd.left+step]
	}
	return nd.cond
}

// blockRows is how many rows go through one tree before the next tree, so
// the tree stays in cache while each row still sums trees in order.
const blockRows = 64

// margins writes the margin of each row of rows (a row-major block with
// cols values per row) into out, summing in tree order from base.
func margins(trees []flatTree, base float32, rows []float32, cols int, out []float32) {
	for lo := 0; lo < len(out); lo += blockRows {
		hi := min(lo+blockRows, len(out))
		sums := out[lo:hi]
		for i := range sums {
			sums[i] = base
		}
		for _, t := range trees {
			for i := range sums {
				r := (lo + i) * cols
				sums[i] += t.leafValue(rows[r : r+cols : r+cols])
			}
		}
	}
}
