package gbdt

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
)

// scanExact is numericScan.scan without below: every candidate goes
// through split, as before below existed.
func (sc *numericScan) scanExact(hb []int64, G, H int64, f int, best *candidate) {
	nb := len(hb) / 2
	var sg, sh int64
	for b := 0; b < nb; b++ {
		sg += hb[2*b]
		sh += hb[2*b+1]
	}
	var lg, lh int64
	for b := 0; b < nb-1; b++ {
		if b > 0 && hb[2*b] == 0 && hb[2*b+1] == 0 {
			continue
		}
		lg += hb[2*b]
		lh += hb[2*b+1]
		if gain := sc.split(lg, lh, G, H); gain > best.gain {
			*best = candidate{gain: gain, feature: int32(f), bin: int32(b), lg: lg, lh: lh}
		}
	}
	if G-sg == 0 && H-sh == 0 {
		return
	}
	var rg, rh int64
	for b := nb - 1; b > 0; b-- {
		if b < nb-1 && hb[2*b] == 0 && hb[2*b+1] == 0 {
			continue
		}
		rg += hb[2*b]
		rh += hb[2*b+1]
		if gain := sc.split(G-rg, H-rh, G, H); gain > best.gain {
			*best = candidate{gain: gain, feature: int32(f), bin: int32(b - 1), defLeft: true, lg: G - rg, lh: H - rh}
		}
	}
}

// splitCase is a node of nf features' histograms of nb bins each, as the
// driver scans it: rows of logistic gradients (about ±0.5, hessians up to
// 0.25) in fixed point, some rows missing, some bins repeated so that
// candidates tie.
type splitCase struct {
	hist  []int64
	G, H  int64
	nf    int
	scale float64
}

func newSplitCase(rng *rand.Rand, rows, nf, nb int, signal float64) splitCase {
	scale := fixedScale(int64(rows), 1)
	c := splitCase{hist: make([]int64, 2*nf*nb), nf: nf, scale: scale}
	for r := 0; r < rows; r++ {
		p := rng.Float64()
		y := 0.0
		if rng.Float64() < p*signal+(1-signal)/2 {
			y = 1
		}
		g, h := int64((p-y)*scale), int64(max(p*(1-p), 1e-16)*scale)
		c.G += g
		c.H += h
		for f := 0; f < nf; f++ {
			if rng.IntN(50) == 0 {
				continue // missing
			}
			b := int(p*float64(nb)*0.7) + rng.IntN(max(1, nb*3/10))
			if f%3 == 0 {
				b = rng.IntN(nb)
			}
			b = min(b, nb-1)
			c.hist[2*(f*nb+b)] += g
			c.hist[2*(f*nb+b)+1] += h
		}
	}
	// Ties: feature 1 repeats feature 0.
	if nf > 1 {
		copy(c.hist[2*nb:4*nb], c.hist[:2*nb])
	}
	return c
}

// below only turns down candidates split would not take: the best split
// of every node, features in order, is the same with and without it, for
// nodes deep and shallow, dense and empty bins, ties, missing values,
// and lambda 0 with min_child_weight 0 (zero denominators).
func TestScanBelowKeepsBestSplit(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	params := []struct{ lambda, mcw float64 }{{1, 1}, {0, 0}, {5, 0.1}, {1e-3, 10}}
	n := 0
	for _, rows := range []int{3, 20, 300, 5000, 100000} {
		for _, signal := range []float64{0, 0.3, 1} {
			for _, pr := range params {
				for rep := 0; rep < 4; rep++ {
					c := newSplitCase(rng, rows, 6, 64, signal)
					inv := 1 / c.scale
					parent := f32(float64(c.G) * inv * float64(c.G) * inv / (float64(c.H)*inv + f32(pr.lambda)))
					sc := numericScan{inv: inv, parent: parent, mcw: f32(pr.mcw), lambda: f32(pr.lambda)}
					var got, want candidate
					for f := 0; f < c.nf; f++ {
						hb := c.hist[2*f*64 : 2*(f+1)*64]
						sc.scan(hb, c.G, c.H, f, &got)
						sc.scanExact(hb, c.G, c.H, f, &want)
					}
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Fatalf("%d rows, signal %g, lambda %g, mcw %g: best %+v, every candidate split gives %+v", rows, signal, pr.lambda, pr.mcw, got, want)
					}
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no cases")
	}
}

// BenchmarkScan scans the 28 features of 256 bins of a node of 2,000 rows
// (a depth-9 node of the 1M-row bench) and of 1M rows (the root).
func BenchmarkScan(b *testing.B) {
	for _, rows := range []int{2000, 1000000} {
		c := newSplitCase(rand.New(rand.NewPCG(1, 2)), rows, 28, 256, 0.3)
		inv := 1 / c.scale
		sc := numericScan{inv: inv, parent: f32(float64(c.G) * inv * float64(c.G) * inv / (float64(c.H)*inv + 1)), mcw: 1, lambda: 1}
		for _, exact := range []bool{false, true} {
			b.Run(fmt.Sprintf("rows=%d/exact=%v", rows, exact), func(b *testing.B) {
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				cpu0 := threadCPU()
				for b.Loop() {
					var best candidate
					for f := 0; f < c.nf; f++ {
						hb := c.hist[2*f*256 : 2*(f+1)*256]
						if exact {
							sc.scanExact(hb, c.G, c.H, f, &best)
						} else {
							sc.scan(hb, c.G, c.H, f, &best)
						}
					}
				}
				b.ReportMetric(float64(threadCPU()-cpu0)/float64(b.N)/float64(28*256), "cpu-ns/bin")
			})
		}
	}
}
