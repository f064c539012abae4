package gbdt

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
)

// Summary is a mergeable quantile summary of one feature: distinct values
// in ascending order, each with the number of rows it stands for. While a
// summary holds at most its size limit of distinct values it is exact;
// beyond that, Prune keeps evenly spaced ranks and each kept value counts
// the rows of the values folded into it. Missing counts the missing rows.
//
// When the rows carry sample weights, Weights holds each value's sum of
// row weights and ranks are measured in weight, as XGBoost's hist sketch
// weighs rows (a row of weight 0 then places no cut, though its value
// still counts as seen). Weights is nil when every row weighs 1.
type Summary struct {
	Values  []float32
	Counts  []int64
	Weights []float64
	Missing int64
}

// Summarize returns the summary of column values (NaN is missing),
// pruned to at most size entries. values is left unchanged.
func Summarize(values []float32, size int) Summary {
	var sc sortScratch
	return summarizeInPlace(append([]float32(nil), values...), size, &sc)
}

// summarizeInPlace is Summarize that reorders vs and sorts with sc's
// buffers, so a caller summarising many columns allocates once.
func summarizeInPlace(vs []float32, size int, sc *sortScratch) Summary {
	var s Summary
	k := 0
	for _, v := range vs {
		if v != v {
			s.Missing++
			continue
		}
		vs[k] = v
		k++
	}
	vs = vs[:k]
	if few, ok := fewDistinct(vs); ok {
		s.Values, s.Counts = few.values, few.counts
		return s.Prune(size)
	}
	sc.sort(vs)
	distinct := 0
	for i := 0; i < len(vs); i++ {
		if i == 0 || vs[i] != vs[i-1] {
			distinct++
		}
	}
	if distinct > max(size, 2) {
		return pruneSorted(vs, s.Missing, max(size, 2))
	}
	s.Values = make([]float32, 0, distinct)
	s.Counts = make([]int64, 0, distinct)
	for i := 0; i < len(vs); {
		j := i + 1
		for j < len(vs) && vs[j] == vs[i] {
			j++
		}
		s.Values = append(s.Values, vs[i])
		s.Counts = append(s.Counts, int64(j-i))
		i = j
	}
	return s.Prune(size)
}

// summarizeWeighted is summarizeInPlace for rows with sample weights ws
// (ws[i] is vs[i]'s row's): each distinct value also carries the sum of
// its rows' weights.
func summarizeWeighted(vs, ws []float32, size int) Summary {
	type row struct{ v, w float32 }
	rows := make([]row, 0, len(vs))
	var s Summary
	for i, v := range vs {
		if v != v {
			s.Missing++
			continue
		}
		rows = append(rows, row{v, ws[i]})
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(a.v, b.v) })
	for i := 0; i < len(rows); {
		j, w := i, 0.0
		for ; j < len(rows) && rows[j].v == rows[i].v; j++ {
			w += float64(rows[j].w)
		}
		s.Values = append(s.Values, rows[i].v)
		s.Counts = append(s.Counts, int64(j-i))
		s.Weights = append(s.Weights, w)
		i = j
	}
	return s.Prune(size)
}

// weight returns the rank weight entry i stands for: its rows' weights,
// or its row count when unweighted.
func (s Summary) weight(i int) float64 {
	if s.Weights != nil {
		return s.Weights[i]
	}
	return float64(s.Counts[i])
}

// appendEntry appends value v standing for c rows of weight w (w is kept
// only when s is weighted).
func (s *Summary) appendEntry(v float32, c int64, w float64) {
	s.Values = append(s.Values, v)
	s.Counts = append(s.Counts, c)
	if s.Weights != nil {
		s.Weights = append(s.Weights, w)
	}
}

// Prune returns s with at most size entries: the minimum, the maximum and
// values at evenly spaced ranks in between (ranks in rows, or in weight
// when s is weighted), each carrying the counts and weights of the values
// folded into it (those after the previous kept value). Pruning is
// deterministic.
func (s Summary) Prune(size int) Summary {
	if size < 2 {
		size = 2
	}
	if len(s.Values) <= size {
		return s
	}
	if s.Weights != nil {
		return pruneBy(s, size, s.Weights)
	}
	return pruneBy(s, size, s.Counts)
}

// pruneBy is Prune with ranks measured in rank (row counts, with integer
// rank targets, or weights).
func pruneBy[R int64 | float64](s Summary, size int, rank []R) Summary {
	n := len(s.Values)
	var total R
	for _, r := range rank {
		total += r
	}
	out := Summary{Missing: s.Missing, Values: make([]float32, 0, size), Counts: make([]int64, 0, size)}
	if s.Weights != nil {
		out.Weights = make([]float64, 0, size)
	}
	out.appendEntry(s.Values[0], s.Counts[0], s.weight(0))
	cum := rank[0]
	var folded int64
	var foldedW float64
	k := 1 // next kept rank target index
	for i := 1; i < n; i++ {
		cum += rank[i]
		folded += s.Counts[i]
		foldedW += s.weight(i)
		target := total * R(k) / R(size-1)
		if i == n-1 || cum >= target {
			out.appendEntry(s.Values[i], folded, foldedW)
			folded, foldedW = 0, 0
			for k < size-1 && total*R(k)/R(size-1) <= cum {
				k++
			}
		}
	}
	return out
}

// pruneSorted is Summary.Prune(size) of the exact summary of sorted
// values vs (more than size distinct ones), computed from the sorted
// values directly: the same entries as pruneBy with row counts, without
// first building the exact summary — a distinct value per row of a
// continuous column, 12 bytes each, for a summary of size entries.
func pruneSorted(vs []float32, missing int64, size int) Summary {
	total := int64(len(vs))
	out := Summary{Missing: missing, Values: make([]float32, 0, size), Counts: make([]int64, 0, size)}
	run := func(i int) int { // the end of the run of equal values at i
		j := i + 1
		for j < len(vs) && vs[j] == vs[i] {
			j++
		}
		return j
	}
	j := run(0)
	out.appendEntry(vs[0], int64(j), 0)
	cum, folded := int64(j), int64(0)
	k := int64(1) // next kept rank target index
	for i := j; i < len(vs); i = j {
		j = run(i)
		cum += int64(j - i)
		folded += int64(j - i)
		if j == len(vs) || cum >= total*k/int64(size-1) {
			out.appendEntry(vs[i], folded, 0)
			folded = 0
			for k < int64(size-1) && total*k/int64(size-1) <= cum {
				k++
			}
		}
	}
	return out
}

// MergeSummaries merges per-shard summaries of one feature in the order
// given (shard order) and prunes the result to size entries after each
// merge, so the result depends only on the shard list.
func MergeSummaries(parts []Summary, size int) Summary {
	var acc Summary
	for i, p := range parts {
		if i == 0 {
			acc = Summary{Values: slices.Clone(p.Values), Counts: slices.Clone(p.Counts), Weights: slices.Clone(p.Weights), Missing: p.Missing}
			continue
		}
		acc = merge2(acc, p).Prune(size)
	}
	return acc
}

// merge2 merges two summaries exactly; the result is weighted when either
// is.
func merge2(a, b Summary) Summary {
	out := Summary{Missing: a.Missing + b.Missing,
		Values: make([]float32, 0, len(a.Values)+len(b.Values)),
		Counts: make([]int64, 0, len(a.Values)+len(b.Values))}
	if a.Weights != nil || b.Weights != nil {
		out.Weights = make([]float64, 0, len(a.Values)+len(b.Values))
	}
	i, j := 0, 0
	for i < len(a.Values) || j < len(b.Values) {
		switch {
		case j >= len(b.Values) || (i < len(a.Values) && a.Values[i] < b.Values[j]):
			out.appendEntry(a.Values[i], a.Counts[i], a.weight(i))
			i++
		case i >= len(a.Values) || b.Values[j] < a.Values[i]:
			out.appendEntry(b.Values[j], b.Counts[j], b.weight(j))
			j++
		default:
			out.appendEntry(a.Values[i], a.Counts[i]+b.Counts[j], a.weight(i)+b.weight(j))
			i++
			j++
		}
	}
	return out
}

// withWeight returns s without its entries of weight 0: XGBoost's sketch
// skips rows of weight 0, so they place no cut.
func (s Summary) withWeight() Summary {
	if s.Weights == nil || !slices.Contains(s.Weights, 0) {
		return s
	}
	out := Summary{Missing: s.Missing, Weights: []float64{}}
	for i, w := range s.Weights {
		if w != 0 {
			out.appendEntry(s.Values[i], s.Counts[i], w)
		}
	}
	return out
}

// CutsFromSummary returns the cut values of one feature from its global
// summary as XGBoost's hist does: the summary is pruned to maxBin+1 entries
// at evenly spaced ranks (rank arithmetic in float32, as XGBoost's), every
// kept value above the minimum becomes a cut, then a sentinel above the
// maximum. It returns at most maxBin cuts (bins). Ranks are weighted when
// s is, values of weight 0 left out.
func CutsFromSummary(s Summary, maxBin int) []float32 {
	s = s.withWeight()
	n := len(s.Values)
	if n == 0 {
		// No value seen: one bin holds everything.
		return []float32{float32(1e-5)}
	}
	kept := pruneRanks(s, maxBin+1)
	var cuts []float32
	required := min(len(kept), maxBin)
	for i := 1; i < required; i++ {
		v := s.Values[kept[i]]
		if i == 1 || v > cuts[len(cuts)-1] {
			cuts = append(cuts, v)
		}
	}
	mx := s.Values[kept[len(kept)-1]]
	last := mx + (float32(math.Abs(float64(mx))) + 1e-5)
	if len(cuts) == 0 || last > cuts[len(cuts)-1] {
		cuts = append(cuts, last)
	}
	return cuts
}

// pruneRanks returns the indices of at most size entries of s chosen at
// evenly spaced ranks, as XGBoost's WQSummary::SetPrune chooses them (in
// float32, from each entry's weight in float32).
func pruneRanks(s Summary, size int) []int {
	n := len(s.Values)
	idx := make([]int, 0, min(n, size))
	if n <= size {
		for i := 0; i < n; i++ {
			idx = append(idx, i)
		}
		return idx
	}
	// rmin[i] is the weight before entry i, rmax[i] up to and including it.
	rmin := make([]float32, n)
	rmax := make([]float32, n)
	var c float32
	for i := range s.Values {
		rmin[i] = c
		c += float32(s.weight(i))
		rmax[i] = c
	}
	begin := rmax[0]
	span := rmin[n-1] - rmax[0]
	m := size - 1
	idx = append(idx, 0)
	i, last := 1, 0
	for k := 1; k < m; k++ {
		dx2 := 2 * ((float32(k)*span)/float32(m) + begin)
		for i < n-1 && dx2 >= rmax[i+1]+rmin[i+1] {
			i++
		}
		if i == n-1 {
			break
		}
		// RMinNext(i) = rmin+w = rmax[i]; RMaxPrev(i+1) = rmax-w = rmin[i+1].
		if dx2 < rmax[i]+rmin[i+1] {
			if i != last {
				idx = append(idx, i)
				last = i
			}
		} else if i+1 != last {
			idx = append(idx, i+1)
			last = i + 1
		}
	}
	if last != n-1 {
		idx = append(idx, n-1)
	}
	return idx
}

// BuildCuts makes the cuts of every feature from per-shard summaries given
// in shard order. A feature with missing values keeps at most maxBin-1
// bins when maxBin is 256, so that its missing bin still fits a byte.
//
// Features marked in categorical (nil: none) get one bin per category
// code instead (categorical.go).
func BuildCuts(shards []ShardSummary, maxBin, size int, categorical []bool) (*Cuts, error) {
	if len(shards) == 0 {
		return nil, fmt.Errorf("gbdt: no training shards to compute cuts from")
	}
	nf := len(shards[0].Features)
	c := &Cuts{Values: make([][]float32, nf), HasMissing: make([]bool, nf)}
	parts := make([]Summary, len(shards))
	for f := 0; f < nf; f++ {
		for i, sh := range shards {
			if len(sh.Features) != nf {
				return nil, fmt.Errorf("gbdt: training shard %d has %d features, shard %d has %d: every shard must have the same columns", sh.Index, len(sh.Features), shards[0].Index, nf)
			}
			parts[i] = sh.Features[f]
		}
		m := MergeSummaries(parts, size)
		c.HasMissing[f] = m.Missing > 0
		bins := maxBin
		if c.HasMissing[f] && bins > 255 {
			bins = 255
		}
		if f < len(categorical) && categorical[f] {
			if c.Categorical == nil {
				c.Categorical = make([]bool, nf)
			}
			c.Categorical[f] = true
			var err error
			if c.Values[f], err = categoryCuts(m, f, size, c.HasMissing[f]); err != nil {
				return nil, err
			}
			if len(c.Values[f]) == 0 {
				// Only missing values: one empty category keeps a bin.
				c.Values[f] = []float32{1}
			}
			continue
		}
		c.Values[f] = CutsFromSummary(m, bins)
	}
	return c, nil
}

// NumBins returns the number of histogram bins of feature f, its missing
// bin included.
func (c *Cuts) NumBins(f int) int {
	n := len(c.Values[f])
	if c.HasMissing[f] {
		n++
	}
	return n
}

// Offsets returns each feature's first bin in a node histogram and the
// total number of bins.
func (c *Cuts) Offsets() (off []int, total int) {
	off = make([]int, len(c.Values))
	for f := range c.Values {
		off[f] = total
		total += c.NumBins(f)
	}
	return off, total
}

// Fingerprint identifies the cuts, so holders can tell whether their binned
// data matches.
func (c *Cuts) Fingerprint() uint64 {
	h := fnv.New64a()
	var b [4]byte
	for f, vs := range c.Values {
		if c.HasMissing[f] {
			h.Write([]byte{1})
		} else {
			h.Write([]byte{0})
		}
		for _, v := range vs {
			u := math.Float32bits(v)
			b[0], b[1], b[2], b[3] = byte(u), byte(u>>8), byte(u>>16), byte(u>>24)
			h.Write(b[:])
		}
		h.Write([]byte{0xff, 0xfe})
		if c.IsCategorical(f) {
			h.Write([]byte{0xca})
		}
	}
	return h.Sum64()
}

// binOf returns the bin of a value v (not NaN) of key kv (floatKey) of a
// feature whose cuts cs have keys keys (cutKeys): the first b with
// v < cs[b], or the last bin.
//
// It compares order-preserving integer keys, not floats, because Go
// compiles a float comparison to a conditional jump: in a binary search
// that jump goes either way about every other step, so binning dense
// columns paid a mispredicted branch per step, most of its time. The
// integer steps below compile to arithmetic, no jumps on the data.
func binOf(keys []uint32, kv int64) int {
	base, n := 0, len(keys)
	for n > 1 {
		half := n / 2
		// base += half when keys[base+half-1] <= kv: the difference's
		// sign bit masks half out otherwise.
		base += half &^ int((kv-int64(keys[base+half-1]))>>63)
		n -= half
	}
	// One more when the cut at base is ≤ v, unless base is the last bin.
	if base < len(keys)-1 {
		base += 1 &^ int((kv-int64(keys[base]))>>63)
	}
	return base
}

// floatKey maps a float32 that is not NaN to a uint32 of the same order,
// -0 and 0 to the same key (they compare equal).
func floatKey(v float32) uint32 {
	u := math.Float32bits(v)
	if u == 1<<31 {
		u = 0
	}
	return u ^ (uint32(int32(u)>>31) | 1<<31)
}

// cutKeys returns the cuts of every feature as floatKey keys, for binOf.
func cutKeys(c *Cuts) [][]uint32 {
	keys := make([][]uint32, len(c.Values))
	for f, cs := range c.Values {
		keys[f] = make([]uint32, len(cs))
		for i, v := range cs {
			keys[f][i] = floatKey(v)
		}
	}
	return keys
}

// fewValues is a column's distinct values with their counts, ascending.
type fewValues struct {
	values []float32
	counts []int64
}

// maxFew bounds the distinct values fewDistinct tracks.
const maxFew = 16

// fewDistinct counts the distinct values of vs in one pass when there are
// at most maxFew of them (one-hot and small-code columns), sparing the
// sort; ok is false otherwise.
func fewDistinct(vs []float32) (fewValues, bool) {
	var vals [maxFew]float32
	var cnts [maxFew]int64
	n := 0
outer:
	for _, v := range vs {
		for i := 0; i < n; i++ {
			if vals[i] == v {
				cnts[i]++
				continue outer
			}
		}
		if n == maxFew {
			return fewValues{}, false
		}
		vals[n], cnts[n] = v, 1
		n++
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(vals[a], vals[b]) })
	out := fewValues{values: make([]float32, n), counts: make([]int64, n)}
	for k, i := range idx {
		out.values[k], out.counts[k] = vals[i], cnts[i]
	}
	return out, true
}
