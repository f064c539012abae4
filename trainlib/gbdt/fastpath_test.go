package gbdt

import (
	"math"
	"testing"

	"github.com/gotrain/gotrain/trainlib/model"
)

// quantisePow2 gives math.Round's integers for every power-of-two scale
// the driver can choose and float32 values of every magnitude, halves
// (ties) and their neighbours among them.
func TestQuantisePow2MatchesRound(t *testing.T) {
	var vals []float32
	for u := uint32(0); u < 1<<31; u += 7919 {
		x := math.Float32frombits(u)
		if x != x || math.IsInf(float64(x), 0) {
			continue
		}
		vals = append(vals, x, -x)
	}
	for _, x := range []float32{0.5, 1.5, 2.5, 0.25, 0.75, 1 << 23, 1<<23 + 1, 1 << 24, 3 << 22} {
		vals = append(vals, x, -x, math.Nextafter32(x, 0), math.Nextafter32(x, 1e30))
	}
	for e := -2; e <= 50; e++ {
		scale := math.Ldexp(1, e)
		grad := make([]float32, len(vals))
		hess := make([]float32, len(vals))
		for i, v := range vals {
			grad[i] = v * float32(math.Ldexp(1, -e)) // a tie at the scale's half unit
			hess[i] = v
		}
		gh := make([]int64, 2*len(vals))
		quantisePow2(gh, grad, hess, scale)
		for i := range vals {
			wg := int64(math.Round(float64(grad[i]) * scale))
			wh := int64(math.Round(float64(hess[i]) * scale))
			if gh[2*i] != wg || gh[2*i+1] != wh {
				t.Fatalf("scale 2^%d: %g → %d (math.Round %d), %g → %d (math.Round %d)", e, grad[i], gh[2*i], wg, hess[i], gh[2*i+1], wh)
			}
		}
	}
}

// logisticRound gives what sigmoid, logisticGradients and the maxima
// loop give one after the other, bit for bit, with and without
// scale_pos_weight, over margins of every size (the exponent's clamp and
// math.Exp's side of fastmath.Exp among them); given current predictions
// (a round after the training rows were evaluated) it leaves them and
// gives the same gradients and maxima.
func TestLogisticRoundMatchesSteps(t *testing.T) {
	n := 5000
	margin, lab := make([]float32, n), make([]float32, n)
	for i := range margin {
		margin[i] = float32(i-n/2) / 25 // -100 … 100
		lab[i] = float32(i % 2)
	}
	margin[3], margin[4] = 0, float32(math.Copysign(0, -1))
	s := &session{obj: model.BinaryLogistic, objf: mustObjective(t, model.BinaryLogistic), k: 1}
	for _, spw := range []float32{1, 3.5} {
		pred, g, h := make([]float32, n), make([]float32, n), make([]float32, n)
		mg, mh := logisticRound(margin, pred, lab, g, h, spw, true)
		wp, wg, wh := make([]float32, n), make([]float32, n), make([]float32, n)
		for r, m := range margin {
			wp[r] = sigmoid(m) // predictRows's sigmoidTo, element by element
		}
		rp := make([]float32, n)
		s.predictRows(margin, rp)
		for r := range margin {
			if math.Float32bits(rp[r]) != math.Float32bits(wp[r]) {
				t.Fatalf("margin %g: predictRows gives %g, sigmoid %g", margin[r], rp[r], wp[r])
			}
		}
		logisticGradients(wg, wh, wp, lab, spw)
		var wmg, wmh float32
		for r := range wg {
			wmg = max(wmg, float32(math.Abs(float64(wg[r]))))
			wmh = max(wmh, wh[r])
		}
		for r := range margin {
			if math.Float32bits(pred[r]) != math.Float32bits(wp[r]) || math.Float32bits(g[r]) != math.Float32bits(wg[r]) || math.Float32bits(h[r]) != math.Float32bits(wh[r]) {
				t.Fatalf("spw %g, margin %g: pred %g, g %g, h %g; the steps give %g, %g, %g", spw, margin[r], pred[r], g[r], h[r], wp[r], wg[r], wh[r])
			}
		}
		if mg != wmg || mh != wmh {
			t.Errorf("spw %g: maxima %g, %g; the steps give %g, %g", spw, mg, mh, wmg, wmh)
		}
		// Predictions current: margins that disagree with them are not read.
		stale := make([]float32, n)
		clear(g)
		clear(h)
		mg, mh = logisticRound(stale, pred, lab, g, h, spw, false)
		for r := range margin {
			if math.Float32bits(pred[r]) != math.Float32bits(wp[r]) || math.Float32bits(g[r]) != math.Float32bits(wg[r]) || math.Float32bits(h[r]) != math.Float32bits(wh[r]) {
				t.Fatalf("spw %g, margin %g, predictions given: pred %g, g %g, h %g; the steps give %g, %g, %g", spw, margin[r], pred[r], g[r], h[r], wp[r], wg[r], wh[r])
			}
		}
		if mg != wmg || mh != wmh {
			t.Errorf("spw %g, predictions given: maxima %g, %g; the steps give %g, %g", spw, mg, mh, wmg, wmh)
		}
	}
}

func mustObjective(t *testing.T, name string) *objective {
	t.Helper()
	o, err := objectiveOf(name)
	if err != nil {
		t.Fatal(err)
	}
	return o
}
