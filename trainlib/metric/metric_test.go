package metric

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// The one-logarithm logloss of a 0/1 label has the bits of the two-term
// formula, clamps included.
func TestLogLossOneTermSameBits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ps := []float64{0, 1, 1e-20, 1 - 1e-17, 0.5, float64(float32(0.3))}
	for range 10000 {
		ps = append(ps, float64(float32(r.Float64())))
	}
	const eps = 1e-16
	for _, p := range ps {
		for _, y := range []float64{0, 1, 0.25} {
			want := -(y*math.Log(math.Max(p, eps)) + (1-y)*math.Log(math.Max(1-p, eps)))
			if got := LogLoss(p, y); math.Float64bits(got) != math.Float64bits(want) {
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
