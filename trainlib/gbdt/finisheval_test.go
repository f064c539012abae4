package gbdt

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

// finishHolder is a holder of one training and one validation shard of n
// rows each with a binary:logistic session "s" whose first round's
// gradients are taken (every training row in the root's segment).
func finishHolder(t *testing.T, n int) (*LocalHolder, *session) {
	t.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 6))
	set := func() *data.Dataset {
		d := &data.Dataset{Matrix: *data.NewMatrix(n, 1), Label: make([]float32, n)}
		for r := range d.Label {
			d.Values[r] = rng.Float32()
			d.Label[r] = float32(rng.IntN(2))
		}
		return d
	}
	h, err := NewLocalHolder([]Shard{{Set: TrainSet, Data: set()}, {Set: "val", Data: set()}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	cuts := &Cuts{Values: [][]float32{{0.5, 2}}, HasMissing: []bool{false}}
	if err := h.SetCuts(ctx, cuts); err != nil {
		t.Fatal(err)
	}
	if err := h.StartSession(ctx, StartRequest{Session: "s", Objective: model.BinaryLogistic, ObjParams: DefaultParams().ObjParams,
		BaseMargins: []float32{0}, Threads: 1, CutsFingerprint: cuts.Fingerprint()}); err != nil {
		t.Fatal(err)
	}
	s := h.sessions["s"]
	for _, m := range [][]float32{s.train[0].margin, s.evals[0].margin} {
		for r := range m {
			m[r] = float32(rng.NormFloat64() * 2)
		}
	}
	if _, err := h.Gradients(ctx, GradientRequest{Session: "s", Subsample: 1}); err != nil {
		t.Fatal(err)
	}
	return h, s
}

// A round evaluated on validation rows only leaves the training rows'
// predictions to the next round's gradient pass, which computes them
// with the gradients while the rows are in cache (a pass of its own over
// every training row before); the validation predictions go to a buffer
// the session keeps, not one allocated per round. The metrics are those
// of XGBoost's float32 sigmoid and logloss, row by row, and a round that
// also evaluates the training rows still predicts them all.
func TestFinishTreeEvaluatesWithoutStrayPasses(t *testing.T) {
	const n = 50000
	ctx := context.Background()
	h, s := finishHolder(t, n)
	leaf := BinTree{Feature: []int32{-1}, Bin: []int32{0}, DefaultLeft: []bool{false}, Left: []int32{-1}, Right: []int32{-1}, Value: []float32{0.125}}
	metrics := []string{"logloss", "error"}
	finish := func(round int, sets ...string) *EvalResponse {
		t.Helper()
		resp, err := h.FinishTree(ctx, FinishRequest{Session: "s", Round: round, Tree: leaf, Sets: sets, Metrics: metrics})
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	check := func(resp *EvalResponse, set string, margin, label []float32) {
		t.Helper()
		var ll, wrong float64
		for r, m := range margin {
			e := float32(math.Exp(float64(min(-m, 88.7))))
			p := 1 / (e + 1 + 1e-16)
			ll += loglossOf(p, label[r])
			if (p > 0.5) != (label[r] > 0.5) {
				wrong++
			}
		}
		for _, e := range resp.Shards {
			if e.Set != set {
				continue
			}
			if e.Sums[0] != ll || e.Sums[2] != wrong || e.Sums[1] != n || e.Sums[3] != n {
				t.Fatalf("%s sums %v, want logloss %v and error %v over %d rows", set, e.Sums, ll, wrong, n)
			}
			return
		}
		t.Fatalf("no %s shard in %+v", set, resp.Shards)
	}
	val := s.evals[0]
	check(finish(0, "val"), "val", val.margin, val.sh.data.Label)
	if s.hasPred {
		t.Fatal("a round evaluating validation rows only predicted every training row")
	}
	if _, err := h.Gradients(ctx, GradientRequest{Session: "s", Round: 1, Subsample: 1}); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	resp := finish(1, "val")
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got >= 4*n {
		t.Errorf("a round's validation metrics allocated %d bytes, as much as a prediction per row (%d)", got, 4*n)
	}
	check(resp, "val", val.margin, val.sh.data.Label)
	if _, err := h.Gradients(ctx, GradientRequest{Session: "s", Round: 2, Subsample: 1}); err != nil {
		t.Fatal(err)
	}
	tr := s.train[0]
	check(finish(2, TrainSet, "val"), TrainSet, tr.margin, tr.sh.data.Label)
	if !s.hasPred {
		t.Fatal("a round evaluating the training rows left their predictions stale")
	}
}
