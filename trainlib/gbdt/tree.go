package gbdt

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/gotrain/gotrain/trainlib/model"
)

// minSplitLoss is XGBoost's kRtEps: a split must gain more than this.
const minSplitLoss = 1e-6

// buildNode is a node of the tree being built, in build ids.
type buildNode struct {
	g, h    int64 // fixed-point gradient and hessian sums
	rows    int64
	depth   int
	hist    []int64
	feature int32 // -1 for a leaf
	bin     int32
	defLeft bool
	left    int32
	right   int32
	gain    float32
	// cats lists the bins a categorical split sends right (sorted).
	cats []int32
	// lo and hi bound the node's weight under monotone constraints;
	// rootGain is its score given that weight (constraints.go).
	lo, hi   float32
	rootGain float32
	// path lists the features split on above the node, sorted, under
	// interaction constraints.
	path []int32
}

// candidate is a split under consideration.
type candidate struct {
	gain         float32
	feature, bin int32
	defLeft      bool
	lg, lh       int64
	cats         []int32 // bins sent right by a categorical split
}

// fixedScale chooses the power-of-two fixed-point scale under which n rows
// of gradients up to maxAbs cannot overflow an int64 sum.
func fixedScale(n int64, maxAbs float64) float64 {
	if maxAbs <= 0 || n <= 0 {
		return 1
	}
	e := math.Floor(math.Log2(math.Ldexp(1, 62) / (float64(n) * maxAbs)))
	return math.Ldexp(1, int(min(e, 50)))
}

// sampleFeatures returns the features tree number round (counted over the
// model: round × outputs + output) may split on.
func (d *driver) sampleFeatures(round int) []int {
	all := make([]int, d.nf)
	for i := range all {
		all[i] = i
	}
	if d.p.ColsampleTree >= 1 {
		return all
	}
	k := max(1, int(math.Round(d.p.ColsampleTree*float64(d.nf))))
	rng := rand.New(rand.NewPCG(d.p.Seed, uint64(round)+0x51ed2701))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	sel := all[:k]
	slices.Sort(sel)
	return sel
}

// buildTree grows one tree level by level and returns it in bin space (for
// the holders) and as a model tree.
func (d *driver) buildTree(ctx context.Context, round, group int) (*BinTree, model.Tree, error) {
	p := &d.p
	stats := make([]GradientStats, len(d.holders))
	greq := GradientRequest{Session: d.sess, Round: round, Group: group, Subsample: p.Subsample, Seed: p.Seed}
	if err := d.fanOut(ctx, func(ctx context.Context, i int, h Holder) (err error) {
		stats[i], err = h.Gradients(ctx, greq)
		return err
	}); err != nil {
		return nil, model.Tree{}, err
	}
	var n int64
	var mx float64
	for _, s := range stats {
		n += s.Rows
		mx = max(mx, s.MaxAbsGrad, s.MaxHess)
	}
	d.traffic.GradBytes += 32 * int64(len(d.holders))
	scale := fixedScale(n, mx)
	features := d.sampleFeatures(round*d.k + group)
	nodes := []buildNode{{feature: -1, left: -1, right: -1, lo: -math.MaxFloat32, hi: math.MaxFloat32}}
	level := []int32{0}
	toBuild := []int32{0}
	// built holds the histograms of toBuild when they came with the last
	// level's splits (fused calls, see applySplits).
	var built *HistSum
	for depth := 0; depth < p.MaxDepth && len(level) > 0; depth++ {
		var err error
		if built != nil {
			err = d.takeSum(built, nodes, toBuild)
		} else {
			err = d.histograms(ctx, round, scale, nodes, toBuild)
		}
		if err != nil {
			return nil, model.Tree{}, err
		}
		if depth == 0 {
			nodes[0].g, nodes[0].h = nodes[0].hist[len(nodes[0].hist)-2], nodes[0].hist[len(nodes[0].hist)-1]
			nodes[0].hist = nodes[0].hist[:len(nodes[0].hist)-2]
			nodes[0].rootGain = d.nodeScore(&nodes[0], scale)
		}
		// Each node of the level, on its own: a sibling not built becomes
		// its parent minus the built one, in the parent's histogram (no
		// other node reads it any more), then its best split is found. The
		// holders wait meanwhile, so the level's nodes share the driver's
		// threads; each result lands in its node's slot, so the tree is the
		// same for any thread count.
		found := make([]candidate, len(level))
		ok := make([]bool, len(level))
		if err := parallelFor(ctx, min(p.threads(), len(level)), len(level), func(_, i int) {
			id := level[i]
			if nodes[id].hist == nil {
				d.deriveSibling(nodes, id)
			}
			found[i], ok[i] = d.bestSplit(&nodes[id], features, scale)
		}); err != nil {
			return nil, model.Tree{}, err
		}
		var splits []Split
		for i, id := range level {
			if !ok[i] {
				continue
			}
			c := found[i]
			l, r := int32(len(nodes)), int32(len(nodes)+1)
			nd := &nodes[id]
			nd.feature, nd.bin, nd.defLeft, nd.gain, nd.left, nd.right, nd.cats = c.feature, c.bin, c.defLeft, c.gain, l, r, c.cats
			path := d.cons.childPath(nd.path, c.feature)
			ln := buildNode{g: c.lg, h: c.lh, depth: depth + 1, feature: -1, left: -1, right: -1, lo: nd.lo, hi: nd.hi, path: path}
			rn := buildNode{g: nd.g - c.lg, h: nd.h - c.lh, depth: depth + 1, feature: -1, left: -1, right: -1, lo: nd.lo, hi: nd.hi, path: path}
			if d.cons.mono != nil {
				// Children are scored with the parent's bounds, then get
				// their own.
				wl, wr := d.boundedWeight(nd, ln.g, ln.h, scale), d.boundedWeight(nd, rn.g, rn.h, scale)
				ln.rootGain = gainGivenWeight(p, float64(ln.g)/scale, float64(ln.h)/scale, wl)
				rn.rootGain = gainGivenWeight(p, float64(rn.g)/scale, float64(rn.h)/scale, wr)
				lb, rb := childBounds(nd.lo, nd.hi, d.cons.monotone(c.feature), wl, wr)
				ln.lo, ln.hi, rn.lo, rn.hi = lb[0], lb[1], rb[0], rb[1]
			}
			nodes = append(nodes, ln, rn)
			splits = append(splits, Split{Node: id, Feature: c.feature, Bin: c.bin, DefaultLeft: c.defLeft, Left: l, Right: r, Categories: c.cats})
		}
		// Parents' histograms are no longer needed once children exist.
		for _, id := range level {
			if nodes[id].feature < 0 || depth+1 >= p.MaxDepth {
				d.recycle(nodes[id].hist)
				nodes[id].hist = nil
			}
		}
		if len(splits) == 0 {
			break
		}
		// Across a network, the children's histograms come with the
		// splits, one call per level: the child with the smaller hessian
		// sum is built (the row counts are not known before routing; in
		// the 1M-row bench this built 1.7 % more rows than the smaller
		// child by rows at depth 6, 0.2 % at depth 10). The histograms
		// are exact sums either way, so the tree does not change.
		var build []int32
		if d.fuse && depth+1 < p.MaxDepth {
			for _, sp := range splits {
				small := sp.Left
				if nodes[sp.Right].h < nodes[sp.Left].h {
					small = sp.Right
				}
				build = append(build, small)
			}
		}
		counts, sum, err := d.applySplits(ctx, splits, build, round, scale)
		if err != nil {
			return nil, model.Tree{}, err
		}
		level, toBuild, built = level[:0], toBuild[:0], nil
		for i, sp := range splits {
			nodes[sp.Left].rows, nodes[sp.Right].rows = counts.LeftRows[i], counts.RightRows[i]
			level = append(level, sp.Left, sp.Right)
			small := sp.Left
			if counts.RightRows[i] < counts.LeftRows[i] {
				small = sp.Right
			}
			toBuild = append(toBuild, small)
		}
		if build != nil {
			toBuild, built = build, sum
		}
		// Parent histograms of this level stay until the siblings are
		// derived; drop the ones already consumed two levels up.
		for i := range nodes {
			if nodes[i].depth < depth {
				d.recycle(nodes[i].hist)
				nodes[i].hist = nil
			}
		}
	}
	for i := range nodes {
		d.recycle(nodes[i].hist)
		nodes[i].hist = nil
	}
	d.prune(nodes)
	bt, tree := d.export(nodes, scale)
	return bt, tree, nil
}

func lenHists(r *HistResponse) int {
	if r == nil {
		return 0
	}
	return len(r.Hists)
}

// deriveSibling sets the histogram of node id, whose sibling was built, to
// its parent's minus the sibling's, reusing the parent's histogram: the
// parent's split is already chosen and id is the only node derived from it.
func (d *driver) deriveSibling(nodes []buildNode, id int32) {
	par := &nodes[parentOf(nodes, id)]
	sib := nodes[par.left].hist
	if par.left == id {
		sib = nodes[par.right].hist
	}
	hs := par.hist
	sib = sib[:len(hs)]
	for i := range hs {
		hs[i] -= sib[i]
	}
	nodes[id].hist, par.hist = hs, nil
}

// parentOf returns the build id of id's parent (children follow parents).
func parentOf(nodes []buildNode, id int32) int32 {
	for i := id - 1; i >= 0; i-- {
		if nodes[i].left == id || nodes[i].right == id {
			return i
		}
	}
	return -1
}

// histograms asks every holder for the histograms of ids and merges them
// into the nodes: summed as they arrive when the holders are across a
// network (HistSum), else by mergeHists.
func (d *driver) histograms(ctx context.Context, round int, scale float64, nodes []buildNode, ids []int32) error {
	req := HistRequest{Session: d.sess, Round: round, Scale: scale, Nodes: ids}
	if d.fuse {
		sum := d.newSum(ids)
		if err := d.fanOut(ctx, func(ctx context.Context, _ int, h Holder) error {
			if sh, ok := h.(SumHolder); ok {
				return sh.BuildHistogramsInto(ctx, req, sum)
			}
			r, err := h.BuildHistograms(ctx, req)
			if err != nil {
				return err
			}
			return sum.AddHists(r)
		}); err != nil {
			return err
		}
		return d.takeSum(sum, nodes, ids)
	}
	resps := make([]*HistResponse, len(d.holders))
	if err := d.fanOut(ctx, func(ctx context.Context, i int, h Holder) (err error) {
		resps[i], err = h.BuildHistograms(ctx, req)
		return err
	}); err != nil {
		return err
	}
	return d.mergeHists(ctx, resps, nodes, ids)
}

// mergeHists checks the holders' histograms of ids and stores their sums
// in the nodes (the root's totals appended as two trailing values).
func (d *driver) mergeHists(ctx context.Context, resps []*HistResponse, nodes []buildNode, ids []int32) error {
	width := 2 * d.nbins
	for i, r := range resps {
		if r == nil || len(r.Hists) != len(ids) {
			return fmt.Errorf("holder %d answered %d histograms for %d nodes", i, lenHists(r), len(ids))
		}
		for _, nh := range r.Hists {
			if len(nh.Bins) != width {
				return fmt.Errorf("holder %d sent a histogram of %d values, expected %d (are its cuts the session's?)", i, len(nh.Bins), width)
			}
		}
	}
	// Nodes are summed (and their wire bytes counted) in parallel: the
	// holders wait for the driver meanwhile.
	wire := make([]int64, len(ids))
	if err := parallelFor(ctx, min(d.p.threads(), len(ids)), len(ids), func(_, k int) {
		id := ids[k]
		var tot [2]int64
		for _, r := range resps {
			tot[0] += r.Hists[k].Total[0]
			tot[1] += r.Hists[k].Total[1]
			wire[k] += r.Hists[k].wireSize()
		}
		// The first holder's histogram (the driver owns it) becomes the
		// sum: the others are added into it.
		sum := resps[0].Hists[k].Bins
		for _, r := range resps[1:] {
			add := r.Hists[k].Bins[:len(sum)]
			for i, v := range add {
				sum[i] += v
			}
		}
		if id == 0 {
			sum = append(sum, tot[0], tot[1])
		}
		nodes[id].hist = sum
	}); err != nil {
		return err
	}
	for _, w := range wire {
		d.traffic.HistBytes += w
	}
	return nil
}

// applySplits routes rows on every holder and sums the child counts;
// with build set, the holders also send the histograms of those nodes,
// summed as they arrive into the returned HistSum.
func (d *driver) applySplits(ctx context.Context, splits []Split, build []int32, round int, scale float64) (*SplitResponse, *HistSum, error) {
	req := SplitRequest{Session: d.sess, Splits: splits, Build: build, Round: round, Scale: scale}
	resps := make([]*SplitResponse, len(d.holders))
	var sum *HistSum
	if build != nil {
		sum = d.newSum(build)
	}
	if err := d.fanOut(ctx, func(ctx context.Context, i int, h Holder) (err error) {
		if sum == nil {
			resps[i], err = h.ApplySplits(ctx, req)
			return err
		}
		if sh, ok := h.(SumHolder); ok {
			resps[i], err = sh.ApplySplitsInto(ctx, req, sum)
			return err
		}
		if resps[i], err = h.ApplySplits(ctx, req); err != nil {
			return err
		}
		return sum.AddHists(&HistResponse{Hists: resps[i].Hists})
	}); err != nil {
		return nil, nil, err
	}
	out := &SplitResponse{LeftRows: make([]int64, len(splits)), RightRows: make([]int64, len(splits))}
	for i, r := range resps {
		if r == nil || len(r.LeftRows) != len(splits) || len(r.RightRows) != len(splits) {
			return nil, nil, fmt.Errorf("holder %d answered row counts that do not match the %d splits", i, len(splits))
		}
	}
	for _, r := range resps {
		for i := range splits {
			out.LeftRows[i] += r.LeftRows[i]
			out.RightRows[i] += r.RightRows[i]
		}
	}
	d.traffic.SplitBytes += int64(len(splits)) * 40 * int64(len(d.holders))
	return out, sum, nil
}

// bestSplit finds the best split of a node over features, as XGBoost's
// hist evaluator: missing values right first, then (when the node has
// missing values) left, keeping the first strictly best gain. Features the
// interaction constraints forbid at this node are skipped; under monotone
// constraints gains come from bounded weights and splits that order the
// children's weights against a feature's direction are rejected.
func (d *driver) bestSplit(nd *buildNode, features []int, scale float64) (candidate, bool) {
	p := &d.p
	inv := 1 / scale
	G, H := nd.g, nd.h
	// XGBoost stores the parent's gain as float32 before subtracting it.
	parentGain := f32(nodeGain(p, float64(G)*inv, float64(H)*inv))
	mono := d.cons.mono != nil
	if mono {
		parentGain = float64(nd.rootGain)
	}
	best := candidate{}
	plain := !mono && p.MaxDeltaStep == 0
	sc := numericScan{inv: inv, parent: parentGain, mcw: f32(p.MinChildWeight), alpha: f32(p.Alpha), lambda: f32(p.Lambda)}
	try := func(lg, lh int64, f, b int, defLeft bool) bool {
		lhf, rhf := float64(lh)*inv, float64(H-lh)*inv
		if lhf < f32(p.MinChildWeight) || rhf < f32(p.MinChildWeight) {
			return false
		}
		var gain float32
		if !mono {
			gain = float32(f32(nodeGain(p, float64(lg)*inv, lhf)) + f32(nodeGain(p, float64(G-lg)*inv, rhf)) - parentGain)
		} else {
			wl, wr := d.boundedWeight(nd, lg, lh, scale), d.boundedWeight(nd, G-lg, H-lh, scale)
			if dir := d.cons.mono[f]; dir > 0 && wl > wr || dir < 0 && wl < wr {
				return false
			}
			gain = gainGivenWeight(p, float64(lg)*inv, lhf, wl) + gainGivenWeight(p, float64(G-lg)*inv, rhf, wr) - float32(parentGain)
		}
		if gain > best.gain {
			best = candidate{gain: gain, feature: int32(f), bin: int32(b), defLeft: defLeft, lg: lg, lh: lh}
			return true
		}
		return false
	}
	hist := nd.hist
	for _, f := range features {
		if !d.cons.allowed(nd.path, int32(f)) {
			continue
		}
		nb := len(d.cuts.Values[f])
		hb := hist[2*d.off[f] : 2*(d.off[f]+nb)]
		if d.cuts.IsCategorical(f) {
			d.scanCategories(f, hb, G, H, inv, try, &best)
			continue
		}
		if plain {
			sc.scan(hb, G, H, f, &best)
			continue
		}
		var sg, sh int64
		for b := 0; b < nb; b++ {
			sg += hb[2*b]
			sh += hb[2*b+1]
		}
		mg, mh := G-sg, H-sh
		// An empty bin leaves the sums, hence the gain, as the previous
		// bin's, which the strict comparison already turned down: deep
		// nodes have mostly empty bins, so skipping them is most of the
		// scan's work saved, with the same result.
		var lg, lh int64
		for b := 0; b < nb-1; b++ {
			if b > 0 && hb[2*b] == 0 && hb[2*b+1] == 0 {
				continue
			}
			lg += hb[2*b]
			lh += hb[2*b+1]
			try(lg, lh, f, b, false)
		}
		if mg != 0 || mh != 0 {
			rg, rh := int64(0), int64(0)
			for b := nb - 1; b > 0; b-- {
				if b < nb-1 && hb[2*b] == 0 && hb[2*b+1] == 0 {
					continue
				}
				rg += hb[2*b]
				rh += hb[2*b+1]
				try(G-rg, H-rh, f, b-1, true)
			}
		}
	}
	return best, best.gain > minSplitLoss
}

// numericScan is bestSplit's scan of a numeric feature without monotone
// constraints or max_delta_step, the common case, written out: the same
// candidates in the same order with the same arithmetic as try, without
// calls per bin (gain inlines into split), and with most candidates
// turned down before that arithmetic (below).
type numericScan struct {
	inv, parent        float64
	mcw, alpha, lambda float64 // the parameters in float32 precision
}

// gain is nodeGain without max_delta_step of a side whose hessian is at
// least min_child_weight.
func (sc *numericScan) gain(g, h float64) float64 {
	t := thresholdL1(g, sc.alpha)
	return t * t / (h + sc.lambda)
}

// split returns the gain of sending (lg, lh) of the node's (G, H) left,
// or 0 when a side weighs less than min_child_weight (never a best: best
// gains are positive).
func (sc *numericScan) split(lg, lh, G, H int64) float32 {
	lhf, rhf := float64(lh)*sc.inv, float64(H-lh)*sc.inv
	if lhf < sc.mcw || rhf < sc.mcw {
		return 0
	}
	return float32(f32(sc.gain(float64(lg)*sc.inv, lhf)) + f32(sc.gain(float64(G-lg)*sc.inv, rhf)) - sc.parent)
}

// below reports, without dividing, that split(lg, lh, G, H) is at most
// the gain whose sum with the parent's is thr, so it cannot beat it: the
// sides' gains, gl²/dl + gr²/dr, are compared with thr multiplied out by
// dl·dr, with a margin of 2^-18 that covers every rounding of split (its
// two float32 roundings are 2^-24 each; float64 steps are 2^-53). When it
// reports false, split decides. Only for alpha = 0 (the gains are then
// plain squares) and positive denominators.
func (sc *numericScan) below(lg, lh, G, H int64, thr float64) bool {
	gl, gr := float64(lg)*sc.inv, float64(G-lg)*sc.inv
	dl, dr := float64(lh)*sc.inv+sc.lambda, float64(H-lh)*sc.inv+sc.lambda
	return dl > 0 && dr > 0 && (gl*gl*dr+gr*gr*dl)*(1+0x1p-18) <= thr*dl*dr
}

// scan tries feature f's splits (histogram hb), missing values right,
// then left when the node has missing values, updating best.
func (sc *numericScan) scan(hb []int64, G, H int64, f int, best *candidate) {
	nb := len(hb) / 2
	var sg, sh int64
	for b := 0; b < nb; b++ {
		sg += hb[2*b]
		sh += hb[2*b+1]
	}
	// A candidate is first checked against best's gain (below, when
	// alpha is 0); thr is that gain plus the parent's, the sides' sum
	// a candidate must exceed.
	filter := sc.alpha == 0
	thr := float64(best.gain) + sc.parent
	// Empty bins repeat the previous bin's candidate (see bestSplit).
	var lg, lh int64
	for b := 0; b < nb-1; b++ {
		g, h := hb[2*b], hb[2*b+1]
		if b > 0 && g == 0 && h == 0 {
			continue
		}
		lg += g
		lh += h
		if filter && sc.below(lg, lh, G, H, thr) {
			continue
		}
		if gain := sc.split(lg, lh, G, H); gain > best.gain {
			*best = candidate{gain: gain, feature: int32(f), bin: int32(b), lg: lg, lh: lh}
			thr = float64(gain) + sc.parent
		}
	}
	if G-sg == 0 && H-sh == 0 {
		return
	}
	var rg, rh int64
	for b := nb - 1; b > 0; b-- {
		g, h := hb[2*b], hb[2*b+1]
		if b < nb-1 && g == 0 && h == 0 {
			continue
		}
		rg += g
		rh += h
		if filter && sc.below(G-rg, H-rh, G, H, thr) {
			continue
		}
		if gain := sc.split(G-rg, H-rh, G, H); gain > best.gain {
			*best = candidate{gain: gain, feature: int32(f), bin: int32(b - 1), defLeft: true, lg: G - rg, lh: H - rh}
			thr = float64(gain) + sc.parent
		}
	}
}

// boundedWeight is the weight of fixed-point sums (g, h) within nd's
// monotone bounds, in float32 as XGBoost computes it.
func (d *driver) boundedWeight(nd *buildNode, g, h int64, scale float64) float32 {
	return clampWeight(float32(leafWeight(&d.p, float64(g)/scale, float64(h)/scale)), nd.lo, nd.hi)
}

// nodeScore is the root's score under monotone constraints.
func (d *driver) nodeScore(nd *buildNode, scale float64) float32 {
	return gainGivenWeight(&d.p, float64(nd.g)/scale, float64(nd.h)/scale, d.boundedWeight(nd, nd.g, nd.h, scale))
}

// prune turns splits whose gain is below gamma into leaves, bottom up, as
// XGBoost's pruner does.
func (d *driver) prune(nodes []buildNode) {
	if d.p.Gamma <= 0 {
		return
	}
	for i := len(nodes) - 1; i >= 0; i-- {
		nd := &nodes[i]
		if nd.feature < 0 {
			continue
		}
		if nodes[nd.left].feature < 0 && nodes[nd.right].feature < 0 && float64(nd.gain) < d.p.Gamma {
			nd.feature = -1
		}
	}
}

// export returns the built tree in bin space (build ids) and as a model
// tree numbered breadth-first, right child next to the left one.
func (d *driver) export(nodes []buildNode, scale float64) (*BinTree, model.Tree) {
	p := &d.p
	inv := 1 / scale
	n := len(nodes)
	bt := &BinTree{Feature: make([]int32, n), Bin: make([]int32, n), DefaultLeft: make([]bool, n),
		Left: make([]int32, n), Right: make([]int32, n), Value: make([]float32, n)}
	weights := make([]float64, n)
	for i, nd := range nodes {
		weights[i] = leafWeight(p, float64(nd.g)*inv, float64(nd.h)*inv)
		if d.cons.mono != nil {
			weights[i] = float64(clampWeight(float32(weights[i]), nd.lo, nd.hi))
		}
		bt.Feature[i], bt.Bin[i], bt.DefaultLeft[i] = nd.feature, nd.bin, nd.defLeft
		bt.Left[i], bt.Right[i] = nd.left, nd.right
		if nd.feature >= 0 && nd.cats != nil {
			if bt.Categories == nil {
				bt.Categories = make([][]int32, n)
			}
			bt.Categories[i] = nd.cats
		}
		if nd.feature < 0 {
			bt.Feature[i], bt.Bin[i], bt.Left[i], bt.Right[i] = -1, 0, -1, -1
			// As XGBoost: a float32 weight times the float32 learning rate.
			bt.Value[i] = float32(weights[i]) * float32(p.Eta)
		}
	}
	var t model.Tree
	queue := []int32{0}
	parent := []int32{model.NoParent}
	for k := 0; k < len(queue); k++ {
		id := queue[k]
		nd := nodes[id]
		t.Parent = append(t.Parent, parent[k])
		t.BaseWeight = append(t.BaseWeight, float32(weights[id]))
		t.SumHessian = append(t.SumHessian, float32(float64(nd.h)*inv))
		if bt.Feature[id] < 0 {
			t.Left = append(t.Left, -1)
			t.Right = append(t.Right, -1)
			t.SplitFeature = append(t.SplitFeature, 0)
			t.SplitCondition = append(t.SplitCondition, bt.Value[id])
			t.DefaultLeft = append(t.DefaultLeft, false)
			t.LossChange = append(t.LossChange, 0)
			if bt.Categories != nil {
				t.SplitType = append(t.SplitType, 0)
				t.Categories = append(t.Categories, nil)
			}
			continue
		}
		if bt.Categories != nil {
			var codes []int32
			st := uint8(0)
			if bins := bt.Categories[id]; bins != nil {
				st, codes = 1, d.cuts.codesOf(int(nd.feature), bins)
			}
			t.SplitType = append(t.SplitType, st)
			t.Categories = append(t.Categories, codes)
		}
		l := int32(len(queue))
		queue = append(queue, nd.left, nd.right)
		parent = append(parent, int32(k), int32(k))
		t.Left = append(t.Left, l)
		t.Right = append(t.Right, l+1)
		t.SplitFeature = append(t.SplitFeature, nd.feature)
		cond := d.cuts.Values[nd.feature][nd.bin]
		if nd.cats != nil {
			cond = 0 // unused by a categorical split
		}
		t.SplitCondition = append(t.SplitCondition, cond)
		t.DefaultLeft = append(t.DefaultLeft, nd.defLeft)
		t.LossChange = append(t.LossChange, nd.gain)
	}
	return bt, t
}
