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
type Summary struct {
	Values  []float32
	Counts  []int64
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

// total returns the number of non-missing rows s stands for.
func (s Summary) total() int64 {
	var t int64
	for _, c := range s.Counts {
		t += c
	}
	return t
}

// Prune returns s with at most size entries: the minimum, the maximum and
// values at evenly spaced ranks in between, each carrying the counts of the
// values folded into it (those after the previous kept value). Pruning is
// deterministic.
func (s Summary) Prune(size int) Summary {
	n := len(s.Values)
	if size < 2 {
		size = 2
	}
	if n <= size {
		return s
	}
	total := s.total()
	out := Summary{Missing: s.Missing, Values: make([]float32, 0, size), Counts: make([]int64, 0, size)}
	var cum, folded int64
	k := 1 // next kept rank target index
	out.Values = append(out.Values, s.Values[0])
	out.Counts = append(out.Counts, s.Counts[0])
	cum = s.Counts[0]
	for i := 1; i < n; i++ {
		cum += s.Counts[i]
		folded += s.Counts[i]
		target := total * int64(k) / int64(size-1)
		if i == n-1 || cum >= target {
			out.Values = append(out.Values, s.Values[i])
			out.Counts = append(out.Counts, folded)
			folded = 0
			for k < size-1 && total*int64(k)/int64(size-1) <= cum {
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
			acc = Summary{Values: slices.Clone(p.Values), Counts: slices.Clone(p.Counts), Missing: p.Missing}
			continue
		}
		acc = merge2(acc, p).Prune(size)
	}
	return acc
}

// merge2 merges two summaries exactly.
func merge2(a, b Summary) Summary {
	out := Summary{Missing: a.Missing + b.Missing,
		Values: make([]float32, 0, len(a.Values)+len(b.Values)),
		Counts: make([]int64, 0, len(a.Values)+len(b.Values))}
	i, j := 0, 0
	for i < len(a.Values) || j < len(b.Values) {
		switch {
		case j >= len(b.Values) || (i < len(a.Values) && a.Values[i] < b.Values[j]):
			out.Values = append(out.Values, a.Values[i])
			out.Counts = append(out.Counts, a.Counts[i])
			i++
		case i >= len(a.Values) || b.Values[j] < a.Values[i]:
			out.Values = append(out.Values, b.Values[j])
			out.Counts = append(out.Counts, b.Counts[j])
			j++
		default:
			out.Values = append(out.Values, a.Values[i])
			out.Counts = append(out.Counts, a.Counts[i]+b.Counts[j])
			i++
			j++
		}
	}
	return out
}

// CutsFromSummary returns the cut values of one feature from its global
// summary as XGBoost's hist does: the summary is pruned to maxBin+1 entries
// at evenly spaced ranks (rank arithmetic in float32, as XGBoost's), every
// kept value above the minimum becomes a cut, then a sentinel above the
// maximum. It returns at most maxBin cuts (bins).
func CutsFromSummary(s Summary, maxBin int) []float32 {
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
// evenly spaced ranks, as XGBoost's WQSummary::SetPrune chooses them.
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
	for i, w := range s.Counts {
		rmin[i] = c
		c += float32(w)
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

// binOf returns the bin of value v of a feature with cuts cs: the first b
// with v < cs[b], or the last bin.
func binOf(cs []float32, v float32) int {
	// Branch-free upper bound: the comparisons compile to conditional moves.
	base, n := 0, len(cs)
	for n > 1 {
		half := n / 2
		if cs[base+half-1] <= v {
			base += half
		}
		n -= half
	}
	if cs[base] <= v && base < len(cs)-1 {
		base++
	}
	return base
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
