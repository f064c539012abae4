package gbdt

import (
	"context"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

// BenchmarkGradients takes a round's logistic gradients of 1M rows on one
// thread, predictions stale as after a tree (so they are computed too);
// cpu-ns/row is the thread's CPU time per row. Predicted: the
// predictions are current, as after a round that evaluated the training
// rows.
func BenchmarkGradients(b *testing.B) {
	b.Run("Stale", func(b *testing.B) { benchGradients(b, false) })
	b.Run("Predicted", func(b *testing.B) { benchGradients(b, true) })
}

func benchGradients(b *testing.B, predicted bool) {
	const n = 1_000_000
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(8, 9))
	d := &data.Dataset{Matrix: *data.NewMatrix(n, 1), Label: make([]float32, n)}
	for r := range d.Label {
		d.Values[r] = rng.Float32()
		d.Label[r] = float32(rng.IntN(2))
	}
	h, err := NewLocalHolder([]Shard{{Set: TrainSet, Data: d}}, 1)
	if err != nil {
		b.Fatal(err)
	}
	cuts := &Cuts{Values: [][]float32{{0.5, 2}}, HasMissing: []bool{false}}
	if err := h.SetCuts(ctx, cuts); err != nil {
		b.Fatal(err)
	}
	req := StartRequest{Session: "bench", Objective: model.BinaryLogistic, ObjParams: DefaultParams().ObjParams,
		BaseMargins: []float32{0}, Threads: 1, CutsFingerprint: cuts.Fingerprint()}
	if err := h.StartSession(ctx, req); err != nil {
		b.Fatal(err)
	}
	s := h.sessions["bench"]
	for r := range s.train[0].margin {
		s.train[0].margin[r] = float32(rng.NormFloat64() * 2)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	cpu0 := threadCPU()
	for i := 0; i < b.N; i++ {
		s.hasPred = predicted
		if _, err := h.Gradients(ctx, GradientRequest{Session: "bench", Round: i, Subsample: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(threadCPU()-cpu0)/float64(b.N)/n, "cpu-ns/row")
}
