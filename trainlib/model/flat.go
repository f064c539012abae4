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
type flatTree struct {
	nodes []flatNode
	depth int // edges on the longest root-to-leaf path
}

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
		out[i] = flatTree{nodes: nodes, depth: t.depth()}
	}
	return out
}

// blockRows is how many rows go through one tree before the next tree, so
// the tree stays in cache while each row still sums trees in order.
const blockRows = 64

// margins writes the margin of each row of rows (a row-major block with
// cols values per row) into out, summing in tree order from base.
//
// Rows of a block descend a tree together, one level at a time: the steps
// of different rows do not depend on each other, so the processor overlaps
// their memory loads instead of waiting on one row's chain of nodes.
func margins(trees []flatTree, base float32, rows []float32, cols int, out []float32) {
	var at [blockRows]int32
	for lo := 0; lo < len(out); lo += blockRows {
		sums := out[lo:min(lo+blockRows, len(out))]
		block := rows[lo*cols : (lo+len(sums))*cols]
		for i := range sums {
			sums[i] = base
		}
		for _, t := range trees {
			nodes := t.nodes
			idx := at[:len(sums)]
			clear(idx)
			for level := 0; level < t.depth; level++ {
				descend(nodes, idx, block, cols)
			}
			for i, n := range idx {
				sums[i] += nodes[n].cond
			}
		}
	}
}

// descend moves each row of block one level down from node idx[i]: missing
// values go where miss says, others left iff value < condition; rows at a
// leaf stay. It is a function of its own so its loop keeps its few values
// in registers (inlined into margins, its values spill to the stack).
//
//go:noinline
func descend(nodes []flatNode, idx []int32, block []float32, cols int) {
	for i, n := range idx {
		nd := &nodes[n]
		if nd.left < 0 {
			continue
		}
		v := block[i*cols+int(nd.feat)]
		var step int32
		if !(v < nd.cond) {
			step = 1
		}
		if v != v { // NaN: missing
			step = nd.miss
		}
		idx[i] = nd.left + step
	}
}
