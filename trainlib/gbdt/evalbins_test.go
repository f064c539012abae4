package gbdt

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

// TestEvalBinsWalkMatchesValues walks random trees over random rows both
// ways — on raw values (leafOfValues, as model.Predict) and on the rows'
// bin codes (the tree compiled by binNodes, walked by leafOfBinNodes) — and needs the same leaf for every row
// walksOnEvalBins admits. The values hit every cut exactly, fall between,
// below the first and above the last cut, and include NaN, ±Inf and -0.
func TestEvalBinsWalkMatchesValues(t *testing.T) {
	seed := uint64(7)
	rng := rand.New(rand.NewPCG(seed, 1))
	const nf, rows = 6, 4000
	for trial := 0; trial < 50; trial++ {
		c := &Cuts{Values: make([][]float32, nf), HasMissing: make([]bool, nf)}
		for f := range c.Values {
			n := 1 + rng.IntN(12)
			if f == 0 {
				n = 256 // the most cuts a feature has
			}
			v := float32(rng.NormFloat64())
			for i := 0; i < n; i++ {
				v += float32(rng.ExpFloat64()) + 1e-3
				c.Values[f] = append(c.Values[f], v)
			}
			c.HasMissing[f] = rng.IntN(2) == 0
		}
		vals := make([]float32, rows*nf)
		for i := range vals {
			cs := c.Values[i%nf]
			switch rng.IntN(8) {
			case 0:
				if i%nf == 0 {
					continue // no NaN in a feature with 256 cuts (binEval)
				}
				vals[i] = float32(math.NaN())
			case 1:
				vals[i] = cs[rng.IntN(len(cs))]
			case 2:
				vals[i] = []float32{float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Copysign(0, -1)), 0}[rng.IntN(4)]
			case 3:
				vals[i] = cs[len(cs)-1] + float32(rng.ExpFloat64())
			case 4:
				vals[i] = cs[0] - float32(rng.ExpFloat64())
			default:
				vals[i] = cs[0] + float32(rng.Float64())*(cs[len(cs)-1]-cs[0])
			}
		}
		d := &data.Dataset{Matrix: data.Matrix{Rows: rows, Cols: nf, Values: vals}}
		bins := make([]uint8, rows*nf)
		binRows(bins, d, cutKeys(c), 0, rows)
		tr := randomBinTree(rng, c, 5)
		if !tr.walksOnEvalBins(c) {
			t.Fatalf("trial %d: a tree splitting below every last bin was refused", trial)
		}
		nodes := tr.binNodes(c)
		for r := 0; r < rows; r++ {
			want := tr.leafOfValues(vals[r*nf:(r+1)*nf], c)
			if got := leafOfBinNodes(nodes, bins[r*nf:(r+1)*nf]); got != want {
				t.Fatalf("trial %d row %d (%v, codes %v): leaf %d on codes, %d on values", trial, r, vals[r*nf:(r+1)*nf], bins[r*nf:(r+1)*nf], got, want)
			}
		}
		// A split at a feature's last bin sends a value above the last
		// cut right, its capped code left: such trees walk the values.
		if tr.Feature[0] < 0 {
			continue
		}
		tr.Bin[0] = int32(len(c.Values[tr.Feature[0]]) - 1)
		if tr.walksOnEvalBins(c) {
			t.Fatalf("trial %d: a split at the last bin was admitted", trial)
		}
	}
}

// TestBinEvalRefusesNaNBeyondAByte bins an eval shard whose feature has
// 256 cuts: without NaN every code fits a byte and the shard is binned;
// a NaN there (code 256) leaves it to the raw walk.
func TestBinEvalRefusesNaNBeyondAByte(t *testing.T) {
	c := &Cuts{Values: [][]float32{make([]float32, 256), {1, 2}}, HasMissing: []bool{false, false}}
	for i := range c.Values[0] {
		c.Values[0][i] = float32(i)
	}
	vals := []float32{3, float32(math.NaN()), 300, 1}
	sh := &localShard{data: &data.Dataset{Matrix: data.Matrix{Rows: 2, Cols: 2, Values: vals}}}
	if err := sh.binEval(context.Background(), c, cutKeys(c), 1); err != nil {
		t.Fatal(err)
	}
	if want := []uint8{4, 2, 255, 1}; !slices.Equal(sh.evalBins, want) {
		t.Fatalf("codes %v, want %v", sh.evalBins, want)
	}
	vals[2] = float32(math.NaN())
	if err := sh.binEval(context.Background(), c, cutKeys(c), 1); err != nil {
		t.Fatal(err)
	}
	if sh.evalBins != nil {
		t.Fatalf("a NaN in a feature with 256 cuts was binned: %v", sh.evalBins)
	}
}

// randomBinTree returns a full tree of the given depth splitting random
// features at random bins below each feature's last.
func randomBinTree(rng *rand.Rand, c *Cuts, depth int) *BinTree {
	t := &BinTree{}
	var grow func(d int) int32
	grow = func(d int) int32 {
		n := int32(len(t.Feature))
		t.Feature = append(t.Feature, -1)
		t.Bin = append(t.Bin, 0)
		t.DefaultLeft = append(t.DefaultLeft, rng.IntN(2) == 0)
		t.Left = append(t.Left, -1)
		t.Right = append(t.Right, -1)
		t.Value = append(t.Value, float32(n))
		if d == 0 {
			return n
		}
		f := rng.IntN(len(c.Values))
		nb := len(c.Values[f])
		if nb < 2 {
			return n
		}
		t.Feature[n], t.Bin[n] = int32(f), int32(rng.IntN(nb-1))
		l := grow(d - 1)
		r := grow(d - 1)
		t.Left[n], t.Right[n] = l, r
		return n
	}
	grow(depth)
	return t
}

// benchEvalWalk sets up a seed-shaped eval shard (61 features, most one-hot
// with two cuts, 100,000 rows) and a depth-6 tree.
func benchEvalWalk(b *testing.B) (*Cuts, *BinTree, []float32, []uint8) {
	rng := rand.New(rand.NewPCG(3, 4))
	const nf, rows = 61, 100000
	c := &Cuts{Values: make([][]float32, nf), HasMissing: make([]bool, nf)}
	for f := range c.Values {
		if f < 50 {
			c.Values[f] = []float32{1, 2}
			continue
		}
		for i := 0; i < 64; i++ {
			c.Values[f] = append(c.Values[f], float32(i)+0.5)
		}
	}
	vals := make([]float32, rows*nf)
	for i := range vals {
		if f := i % nf; f < 50 {
			vals[i] = float32(rng.IntN(2))
		} else {
			vals[i] = float32(rng.Float64() * 64)
		}
	}
	bins := make([]uint8, rows*nf)
	binRows(bins, &data.Dataset{Matrix: data.Matrix{Rows: rows, Cols: nf, Values: vals}}, cutKeys(c), 0, rows)
	return c, randomBinTree(rng, c, 6), vals, bins
}

func BenchmarkEvalWalkValues(b *testing.B) {
	c, tr, vals, _ := benchEvalWalk(b)
	nf, sum := len(c.Values), int32(0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for r := 0; r < len(vals)/nf; r++ {
			sum += tr.leafOfValues(vals[r*nf:(r+1)*nf], c)
		}
	}
	_ = sum
}

func BenchmarkEvalWalkBins(b *testing.B) {
	c, tr, _, bins := benchEvalWalk(b)
	nf, sum := len(c.Values), int32(0)
	nodes := tr.binNodes(c)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for r := 0; r < len(bins)/nf; r++ {
			sum += leafOfBinNodes(nodes, bins[r*nf:(r+1)*nf])
		}
	}
	_ = sum
}
