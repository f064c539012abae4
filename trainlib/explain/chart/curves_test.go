package chart

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// decay returns n rounds of a metric falling from start towards floor.
func decay(n int, start, floor, rate float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = floor + (start-floor)*math.Exp(-rate*float64(i))
	}
	return out
}

// overfit bends a decay upwards after round turn, like a validation loss.
func overfit(vs []float64, turn int, slope float64) []float64 {
	out := append([]float64(nil), vs...)
	for i := turn; i < len(out); i++ {
		out[i] += slope * float64(i-turn)
	}
	return out
}

func TestLearningCurveGolden(t *testing.T) {
	evals := EvalsResult{
		"validation": {"logloss": overfit(decay(60, 0.69, 0.43, 0.09), 35, 0.0012), "error": decay(60, 0.22, 0.18, 0.1)},
		"train":      {"logloss": decay(60, 0.69, 0.36, 0.08), "error": decay(60, 0.22, 0.15, 0.1)},
	}
	c, err := LearningCurve(evals, CurveOptions{Metric: "logloss", MarkBest: true, BestIteration: 35})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "learning_curve")
	if !strings.HasPrefix(c.String(), "Learning curve (logloss)\n  train: 60 rounds") {
		t.Errorf("summary does not list train first:\n%s", c)
	}
}

func TestTrialCurvesGolden(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var trials []Series
	for i := range 12 {
		eta := 0.003 * math.Pow(100, rng.Float64())
		depth := 2 + rng.IntN(5)
		trials = append(trials, Series{
			Name:   fmt.Sprintf("trial %02d  eta=%.4f max_depth=%d", i, eta, depth),
			Values: decay(50, 0.69, 0.42+0.03*rng.Float64(), eta*2),
		})
	}
	c, err := TrialCurves(trials, CurveOptions{Metric: "validation logloss"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Size().Width <= DefaultWidth {
		t.Errorf("width %v did not grow for a wide legend", c.Size().Width)
	}
	checkGolden(t, c, "trial_curves")
}

func TestCurvesRefuseBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		evals EvalsResult
		opt   CurveOptions
		want  string
	}{
		{"empty", nil, CurveOptions{}, "no evaluation results"},
		{"ambiguous", EvalsResult{"train": {"auc": {1}, "error": {1}}}, CurveOptions{}, "[auc error]"},
		{"missing metric", EvalsResult{"train": {"auc": {1}}}, CurveOptions{Metric: "logloss"}, `no metric "logloss"`},
		{"nan", EvalsResult{"val": {"auc": {0.5, nan()}}}, CurveOptions{}, `"val" round 2`},
		{"no rounds", EvalsResult{"val": {"auc": {}}}, CurveOptions{}, "no values"},
		{"log of zero", EvalsResult{"val": {"error": {0.2, 0}}}, CurveOptions{LogY: true}, "log scale"},
		{"best outside", EvalsResult{"val": {"auc": {0.5, 0.6}}}, CurveOptions{MarkBest: true, BestIteration: 2}, "outside the 2 recorded rounds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LearningCurve(tc.evals, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one mentioning %s", err, tc.want)
			}
		})
	}
}

func TestManyTrialsLegendColumnsGolden(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	var trials []Series
	for i := range 32 {
		trials = append(trials, Series{
			Name:   fmt.Sprintf("trial %02d", i),
			Values: decay(40, 0.69, 0.4+0.08*rng.Float64(), 0.02+0.2*rng.Float64()),
		})
	}
	c, err := TrialCurves(trials, CurveOptions{Metric: "validation logloss", Size: Size{Height: 4 * 72}})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "trial_curves_32")
}
