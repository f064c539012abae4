package wire

import (
	"math/rand/v2"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/gotrain/gotrain/trainlib/gbdt"

	"google.golang.org/grpc/mem"
)

// levelHists returns the histograms of one fused level as the 1M-row
// cluster bench sends them: nodes of 1459 bins (its 61 features' cuts),
// a share of them non-empty, with fixed-point sums of the size a scale of
// 2^42 gives (gradients up to 1, hessians up to 1/4, thousands of rows a
// bin).
func levelHists(nodes int, nonEmpty float64, seed uint64) []gbdt.NodeHist {
	rng := rand.New(rand.NewPCG(seed, 7))
	hs := make([]gbdt.NodeHist, nodes)
	for i := range hs {
		h := &hs[i]
		h.Node, h.Rows = int32(2*i+1), 1000+rng.Int64N(100000)
		h.Bins = make([]int64, 2*1459)
		for b := 0; b < 1459; b++ {
			if rng.Float64() >= nonEmpty {
				continue
			}
			mag := int64(1) << (36 + rng.IntN(14))
			h.Bins[2*b] = rng.Int64N(2*mag) - mag
			h.Bins[2*b+1] = rng.Int64N(mag / 2)
		}
		h.Total = [2]int64{rng.Int64(), rng.Int64()}
	}
	return hs
}

// threadCPU returns the calling thread's CPU time (lock the goroutine to
// its thread first): steadier than wall time on a shared machine.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkHistCodec encodes (as a worker does) and decodes (as the
// driver does) a level's split response of 16 node histograms, 70 % of
// their bins non-empty, and reports CPU nanoseconds per non-empty bin.
func BenchmarkHistCodec(b *testing.B) {
	resp := &gbdt.SplitResponse{LeftRows: make([]int64, 16), RightRows: make([]int64, 16), Hists: levelHists(16, 0.7, 1)}
	nz := 0
	for _, h := range resp.Hists {
		for k := 0; k < len(h.Bins); k += 2 {
			if h.Bins[k] != 0 || h.Bins[k+1] != 0 {
				nz++
			}
		}
	}
	var c Codec
	msg, err := c.Marshal(resp)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("encode", func(b *testing.B) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		cpu0 := threadCPU()
		for i := 0; i < b.N; i++ {
			if _, err := c.Marshal(resp); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(threadCPU()-cpu0)/float64(b.N)/float64(nz), "cpu-ns/bin")
		b.ReportMetric(float64(len(msg))/float64(nz), "bytes/bin")
	})
	b.Run("decode", func(b *testing.B) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		cpu0 := threadCPU()
		for i := 0; i < b.N; i++ {
			var out gbdt.SplitResponse
			if err := c.Unmarshal(msg, &out); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(threadCPU()-cpu0)/float64(b.N)/float64(nz), "cpu-ns/bin")
	})
}

// BenchmarkDriverDecode decodes a level's split response as it reaches
// the driver (in 16 KiB HTTP/2 frames) three ways and reports the
// process's CPU nanoseconds per non-empty bin, GC included: gRPC's bridge
// for a plain Codec (one new slice per message) into histograms of its own
// (main before the sums), the same into a HistSum, and BufferCodec (a
// reused buffer) into a HistSum.
func BenchmarkDriverDecode(b *testing.B) {
	resp := &gbdt.SplitResponse{LeftRows: make([]int64, 16), RightRows: make([]int64, 16), Hists: levelHists(16, 0.7, 1)}
	nodes := make([]int32, len(resp.Hists))
	nz := 0
	for i, h := range resp.Hists {
		nodes[i] = h.Node
		for k := 0; k < len(h.Bins); k += 2 {
			if h.Bins[k] != 0 || h.Bins[k+1] != 0 {
				nz++
			}
		}
	}
	var c BufferCodec
	out, err := c.Marshal(resp)
	if err != nil {
		b.Fatal(err)
	}
	msg := out.Materialize()
	var frames mem.BufferSlice
	for lo := 0; lo < len(msg); lo += 16 << 10 {
		frames = append(frames, mem.SliceBuffer(msg[lo:min(lo+16<<10, len(msg))]))
	}
	width := len(resp.Hists[0].Bins)
	procCPU := func() time.Duration {
		var ru syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	run := func(b *testing.B, decode func() error) {
		cpu0 := procCPU()
		for i := 0; i < b.N; i++ {
			if err := decode(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(procCPU()-cpu0)/float64(b.N)/float64(nz), "cpu-ns/bin")
	}
	b.Run("materialize-hists", func(b *testing.B) {
		run(b, func() error {
			var out gbdt.SplitResponse
			return c.Codec.Unmarshal(frames.Materialize(), &out)
		})
	})
	sum := gbdt.NewHistSum(nodes, width)
	b.Run("materialize-sum", func(b *testing.B) {
		run(b, func() error {
			return c.Codec.Unmarshal(frames.Materialize(), &SplitsInto{Sum: sum})
		})
	})
	b.Run("buffer-sum", func(b *testing.B) {
		run(b, func() error {
			return c.Unmarshal(frames, &SplitsInto{Sum: sum})
		})
	})
}
