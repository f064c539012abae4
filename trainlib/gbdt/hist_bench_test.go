package gbdt

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"testing"
)

// histBench is a dense shard shaped like bench/gbdt's dense set (1M rows ×
// 28 features of 256 quantile bins, so codes are about uniform) with
// fixed-point gradients of its magnitude, for the histogram kernel's
// single-threaded microbenchmarks.
type histBench struct {
	n, nf int
	bins  []uint8
	gh    []int64
	off   []int
	width int
}

func newHistBench(n, nf, nb int) *histBench {
	rng := rand.New(rand.NewPCG(1, 2))
	hb := &histBench{n: n, nf: nf, bins: make([]uint8, n*nf), gh: make([]int64, 2*n), off: make([]int, nf)}
	for i := range hb.bins {
		hb.bins[i] = uint8(rng.IntN(nb))
	}
	for i := range hb.gh {
		hb.gh[i] = rng.Int64N(1<<42) - 1<<41
		if i%2 == 1 {
			hb.gh[i] = rng.Int64N(1 << 40)
		}
	}
	for f := range hb.off {
		hb.off[f] = f * nb
	}
	hb.width = 2 * nf * nb
	return hb
}

// rowsOneIn returns a sorted random subset of about one row in k, as a
// node k levels of halving below the root holds (k = 1: every row).
func (hb *histBench) rowsOneIn(k int) []int32 {
	rng := rand.New(rand.NewPCG(3, uint64(k)))
	var rows []int32
	for r := 0; r < hb.n; r++ {
		if k == 1 || rng.IntN(k) == 0 {
			rows = append(rows, int32(r))
		}
	}
	return rows
}

// BenchmarkBuildHist builds one node's histogram on one thread in chunks
// of histChunk rows, as a holder's task does; ns/update is per row and
// feature.
func BenchmarkBuildHist(b *testing.B) {
	nb := 256
	if v := os.Getenv("HISTNB"); v != "" {
		nb, _ = strconv.Atoi(v)
	}
	hb := newHistBench(1_000_000, 28, nb)
	for _, k := range []int{1, 2, 8, 64} {
		rows := hb.rowsOneIn(k)
		b.Run(fmt.Sprintf("oneIn=%d", k), func(b *testing.B) {
			hist := make([]int64, hb.width)
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ResetTimer()
			cpu0 := threadCPU()
			for i := 0; i < b.N; i++ {
				clear(hist)
				for lo := 0; lo < len(rows); lo += histChunk {
					benchKernel(hist, hb.bins, hb.gh, rows[lo:min(lo+histChunk, len(rows))], hb.off, hb.nf)
				}
			}
			b.ReportMetric(float64(threadCPU()-cpu0)/float64(b.N)/float64(len(rows)*hb.nf), "cpu-ns/update")
		})
	}
}

var benchKernel = func() func(hist []int64, bins []uint8, gh []int64, rows []int32, off []int, nf int) (g, h int64) {
	if os.Getenv("HISTK") == "go" {
		return buildHistGo
	}
	return buildHist
}()

// newSparseBench returns sparse bins shaped like bench/gbdt's one-hot set:
// 7 numeric features of 256 bins (every value kept: no bin dominates)
// then 13 categorical columns one-hot encoded into 54 two-bin indicators,
// whose zero bin is left out (the level each row takes is kept).
func newSparseBench(n int, pack bool) (*sparseBins, []int64, int) {
	levels := []int{4, 5, 10, 5, 5, 3, 4, 3, 4, 3, 4, 2, 2}
	rng := rand.New(rand.NewPCG(5, 6))
	ptr, ents := make([]int64, n+1), []uint16(nil)
	gh := make([]int64, 2*n)
	nbins := 7 * 256
	for _, l := range levels {
		nbins += 2 * l
	}
	for r := 0; r < n; r++ {
		for f := 0; f < 7; f++ {
			ents = append(ents, uint16(f*256+rng.IntN(256)))
		}
		base := 7 * 256
		for _, l := range levels {
			ents = append(ents, uint16(base+2*rng.IntN(l)+1))
			base += 2 * l
		}
		ptr[r+1] = int64(len(ents))
		gh[2*r], gh[2*r+1] = rng.Int64N(1<<42)-1<<41, rng.Int64N(1<<40)
	}
	return newSparseBins(ptr, ents, pack), gh, nbins
}

// BenchmarkBuildHistSparse is BenchmarkBuildHist on one-hot shaped sparse
// bins (2.1M rows), compressed and packed; ns/update is per kept entry.
func BenchmarkBuildHistSparse(b *testing.B) {
	for _, pack := range []bool{false, true} {
		sp, gh, nbins := newSparseBench(2_100_000, pack)
		kernel := buildHistSparse
		if os.Getenv("HISTK") == "go" {
			kernel = buildHistSparseGo
		}
		hb := &histBench{n: 2_100_000}
		for _, k := range []int{1, 2, 8, 64} {
			rows := hb.rowsOneIn(k)
			ents := int64(len(rows)) * 20
			b.Run(fmt.Sprintf("packed=%v/oneIn=%d", pack, k), func(b *testing.B) {
				hist := make([]int64, 2*nbins)
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				b.ResetTimer()
				cpu0 := threadCPU()
				for i := 0; i < b.N; i++ {
					clear(hist)
					for lo := 0; lo < len(rows); lo += histChunk {
						kernel(hist, sp, gh, rows[lo:min(lo+histChunk, len(rows))])
					}
				}
				b.ReportMetric(float64(threadCPU()-cpu0)/float64(b.N)/float64(ents), "cpu-ns/update")
			})
		}
	}
}
