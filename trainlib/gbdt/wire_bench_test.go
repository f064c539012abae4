package gbdt

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"testing"
)

// nodeHistOf returns a node histogram of nbins bins of which one in
// every is non-zero, with values of the size fixed-point sums take.
func nodeHistOf(nbins, every int) *NodeHist {
	rng := rand.New(rand.NewPCG(10, uint64(every)))
	h := &NodeHist{Bins: make([]int64, 2*nbins)}
	for b := 0; b < nbins; b += every {
		h.Bins[2*b] = rng.Int64N(1<<50) - 1<<49
		h.Bins[2*b+1] = rng.Int64N(1 << 48)
	}
	return h
}

// varintLen is the length of v as a protobuf zig-zag varint, value by
// value: wireSize's reference.
func varintLen(v int64) int64 {
	u := uint64(v<<1) ^ uint64(v>>63)
	return int64(bits.Len64(u|1)+6) / 7
}

// TestWireSizeCountsEveryValue checks wireSize against the sum of each
// value's varint length plus the framing.
func TestWireSizeCountsEveryValue(t *testing.T) {
	for _, every := range []int{1, 2, 7, 1000} {
		h := nodeHistOf(7168, every)
		h.Bins[3], h.Bins[5], h.Bins[7], h.Bins[9] = -1, math.MinInt64, math.MaxInt64, 1<<62
		want := int64(24)
		for _, v := range h.Bins {
			want += varintLen(v)
		}
		if got := h.wireSize(); got != want {
			t.Errorf("one bin in %d set: %d bytes, want %d", every, got, want)
		}
	}
}

// BenchmarkWireSize sizes a depth-10-like node histogram (1M x 28 x 256
// bins): a large node's (every bin set) and deep nodes' (few set).
func BenchmarkWireSize(b *testing.B) {
	for _, every := range []int{1, 8, 64} {
		h := nodeHistOf(28*256, every)
		b.Run(fmt.Sprintf("oneIn=%d", every), func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ResetTimer()
			cpu0 := threadCPU()
			var n int64
			for i := 0; i < b.N; i++ {
				n += h.wireSize()
			}
			b.ReportMetric(float64(threadCPU()-cpu0)/float64(b.N)/float64(len(h.Bins)), "cpu-ns/value")
			if n == 0 {
				b.Fatal("no size")
			}
		})
	}
}
