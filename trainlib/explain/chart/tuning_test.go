package chart

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// searchTrials imitates a 10-sample search over eta (log-uniform) and
// max_depth (integer), seeded.
func searchTrials(n int) []Trial {
	rng := rand.New(rand.NewPCG(11, 3))
	trials := make([]Trial, n)
	for i := range trials {
		eta := 0.003 * math.Pow(100, rng.Float64())
		depth := float64(2 + rng.IntN(5))
		score := 0.43 + 0.02*math.Abs(math.Log10(eta/0.1)) + 0.004*math.Abs(depth-4) + 0.003*rng.Float64()
		trials[i] = Trial{Name: fmt.Sprintf("trial %d", i), Params: map[string]float64{"eta": eta, "max_depth": depth}, Score: score}
	}
	return trials
}

func TestTuningGolden(t *testing.T) {
	c, err := Tuning(searchTrials(10), TuningOptions{Metric: "validation logloss"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "tuning")
	if strings.Count(c.String(), "*") != 1 {
		t.Errorf("summary should mark exactly one best trial:\n%s", c)
	}
}

func TestTuningScaleChoice(t *testing.T) {
	trials := searchTrials(5)
	if !useLog("eta", trials, TuningOptions{}) {
		t.Error("eta should get a log axis")
	}
	if useLog("max_depth", trials, TuningOptions{}) {
		t.Error("max_depth should get a linear axis")
	}
	if useLog("eta", trials, TuningOptions{LinearParams: []string{"eta"}}) {
		t.Error("LinearParams should force a linear axis")
	}
}

func TestTuningRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		trials []Trial
		opt    TuningOptions
		want   string
	}{
		{"empty", nil, TuningOptions{}, "no trials"},
		{"no params", []Trial{{Score: 1}}, TuningOptions{}, "no parameters"},
		{"nan score", []Trial{{Name: "t", Params: map[string]float64{"eta": 0.1}, Score: nan()}}, TuningOptions{}, `trial 0 ("t")`},
		{"log of zero", []Trial{{Params: map[string]float64{"gamma": 0}, Score: 1}, {Params: map[string]float64{"gamma": 1}, Score: 1}}, TuningOptions{LogParams: []string{"gamma"}}, "LinearParams"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Tuning(tc.trials, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one mentioning %s", err, tc.want)
			}
		})
	}
}

func TestTuningLongTitleWraps(t *testing.T) {
	trials := searchTrials(4)
	trials[0].Name = "a trial with a remarkably long and descriptive name that would not fit"
	trials[0].Score = 0.1
	c, err := Tuning(trials, TuningOptions{Metric: "validation logloss", Size: Size{Width: 4 * 72}})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "tuning_long_title")
}
