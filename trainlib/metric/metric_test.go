package metric

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// The one-logarithm logloss of a 0/1 label has the bits of XGBoost's
// two-term float32 formula, clamps included.
func TestLogLossOneTermSameBits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ps := []float64{0, 1, 1e-20, 1 - 1e-17, 0.5, float64(float32(0.3))}
	for range 10000 {
		ps = append(ps, float64(float32(r.Float64())))
	}
	const eps = 1e-16
	logf := func(x float32) float32 { return float32(math.Log(float64(x))) }
	for _, p64 := range ps {
		p := float32(p64)
		for _, y := range []float32{0, 1, 0.25} {
			// XGBoost 3.2's EvalRowLogLoss, in float32.
			var want float32
			switch pneg := 1 - p; {
			case p < eps:
				want = -y*logf(eps) - (1-y)*logf(1-eps)
			case pneg < eps:
				want = -y*logf(1-eps) - (1-y)*logf(eps)
			default:
				want = -y*logf(p) - (1-y)*logf(pneg)
			}
			if got := LogLoss(float64(p), float64(y)); math.Float64bits(got) != math.Float64bits(float64(want)) {
				t.Fatalf("LogLoss(%v, %v) = %v, the two-term formula %v", p, y, got, want)
			}
		}
	}
}

// AUC counts ties half and is NaN without both classes, as XGBoost reports
// it (xgboost 3.2: `t-auc:nan` on a one-class set).
func TestAUC(t *testing.T) {
	if got := AUC([]float32{0.1, 0.4, 0.35, 0.8}, []float32{0, 0, 1, 1}); got != 0.75 {
		t.Errorf("AUC = %v, want 0.75", got)
	}
	if got := AUC([]float32{0.5, 0.5}, []float32{0, 1}); got != 0.5 {
		t.Errorf("AUC of a tie = %v, want 0.5", got)
	}
	for _, labels := range [][]float32{{1, 1}, {0, 0}, {}} {
		if got := AUC(make([]float32, len(labels)), labels); !math.IsNaN(got) {
			t.Errorf("AUC with labels %v = %v, want NaN", labels, got)
		}
	}
}

// Averaged metrics of an empty set are 0, as XGBoost prints them.
func TestMeanOfEmptySetIsZero(t *testing.T) {
	if got := Mean(3, 0); got != 0 {
		t.Errorf("Mean(3, 0) = %v, want 0", got)
	}
	if got := Mean(3, 4); got != 0.75 {
		t.Errorf("Mean(3, 4) = %v, want 0.75", got)
	}
}

func TestLookup(t *testing.T) {
	if s, ok := Lookup("auc"); !ok || !s.Maximize {
		t.Errorf("Lookup(auc) = %+v, %v; want a maximised metric", s, ok)
	}
	if s, ok := Lookup("logloss"); !ok || s.Maximize {
		t.Errorf("Lookup(logloss) = %+v, %v; want a minimised metric", s, ok)
	}
	if _, ok := Lookup("accuracy"); ok {
		t.Error("Lookup(accuracy) found a metric gotrain does not compute")
	}
}

func ExampleAUC() {
	scores := []float32{0.1, 0.4, 0.35, 0.8}
	labels := []float32{0, 0, 1, 1}
	fmt.Printf("%.2f\n", AUC(scores, labels))
	// Output: 0.75
}

// Sum's loops for unweighted logloss and error give the bits of Row's
// terms added in row order: predictions uniform and, every third row,
// within 1e-6 of 0 or 1 (logarithms near 0 and 1), 0 and 1 themselves,
// 0/1 labels and a few fractional ones, over a row count that is no
// multiple of logLossSum's block.
func TestSumSameBitsAsRows(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := 10001
	preds, labels := make([]float32, n), make([]float32, n)
	for i := range preds {
		preds[i] = float32(r.Float64())
		if i%3 == 0 {
			preds[i] = float32(r.IntN(2)) + float32(r.Float64()*2e-6-1e-6)
			preds[i] = min(max(preds[i], 0), 1)
		}
		labels[i] = float32(r.IntN(2))
		if i%97 == 0 {
			labels[i] = float32(r.Float64())
		}
	}
	preds[0], preds[1], preds[2], preds[4] = 0, 1, 0, 1
	labels[2], labels[4] = 1, 0
	for _, name := range []string{"logloss", "error"} {
		s, _ := Lookup(name)
		var want, wantW float64
		for i, y := range labels {
			t, m := s.Row(preds[i:i+1], y, nil)
			want += t
			wantW += m
		}
		got, gotW := s.Sum(preds, 1, labels, nil, nil)
		if math.Float64bits(got) != math.Float64bits(want) || gotW != wantW {
			t.Errorf("%s: Sum = %v, %v; the rows' terms add to %v, %v", name, got, gotW, want, wantW)
		}
	}
}

// BenchmarkSum sums logloss and error over 100,000 unweighted rows of
// 0/1 labels and predictions spread as a boosting round's are (the
// sigmoid of normal margins), as a worker does for each validation shard
// each round.
func BenchmarkSum(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	n := 100000
	preds, labels := make([]float32, n), make([]float32, n)
	for i := range preds {
		preds[i] = float32(1 / (1 + math.Exp(-r.NormFloat64()*1.5)))
		labels[i] = float32(r.IntN(2))
	}
	for _, name := range []string{"logloss", "error"} {
		s, _ := Lookup(name)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				s.Sum(preds, 1, labels, nil, nil)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
		})
	}
}
