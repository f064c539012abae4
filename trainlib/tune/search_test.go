package tune

import (
	"math"
	"reflect"
	"testing"
)

func suggestAll(t *testing.T, s Searcher, n int) []Config {
	t.Helper()
	var out []Config
	for i := 0; ; i++ {
		c, ok := s.Suggest(i)
		if !ok {
			break
		}
		out = append(out, c)
		s.Observe(i, c, float64(i%3))
	}
	if len(out) != n {
		t.Fatalf("got %d configs, want %d", len(out), n)
	}
	return out
}

func TestRandomSearchReproducibleBySeed(t *testing.T) {
	space := SeedSpace()
	space["objective"] = "binary:logistic"
	a, _ := NewRandomSearch(space, 10, 7)
	b, _ := NewRandomSearch(space, 10, 7)
	c, _ := NewRandomSearch(space, 10, 8)
	ca, cb, cc := suggestAll(t, a, 10), suggestAll(t, b, 10), suggestAll(t, c, 10)
	if !reflect.DeepEqual(ca, cb) {
		t.Fatalf("same seed, different configs:\n%v\n%v", ca, cb)
	}
	if reflect.DeepEqual(ca, cc) {
		t.Fatalf("seeds 7 and 8 gave the same configs")
	}
	for _, cfg := range ca {
		eta, depth := cfg["eta"].(float64), cfg["max_depth"].(int)
		if eta < 0.003 || eta >= 0.3 || depth < 2 || depth > 6 || cfg["objective"] != "binary:logistic" {
			t.Fatalf("config out of the space or fixed value changed: %v", cfg)
		}
	}
}

func TestTPEReproducibleBySeed(t *testing.T) {
	a, _ := NewTPE(SeedSpace(), 12, 3)
	b, _ := NewTPE(SeedSpace(), 12, 3)
	if ca, cb := suggestAll(t, a, 12), suggestAll(t, b, 12); !reflect.DeepEqual(ca, cb) {
		t.Fatalf("same seed and observations, different configs:\n%v\n%v", ca, cb)
	}
}

// TPE concentrates its suggestions where the good trials were: on a
// score minimised at eta = 0.03, its later suggestions are closer to it
// than random ones.
func TestTPEConcentratesNearTheOptimum(t *testing.T) {
	space := Space{"eta": LogUniform{0.003, 0.3}}
	dist := func(c Config) float64 {
		d := toFloat(c["eta"]) / 0.03
		if d < 1 {
			d = 1 / d
		}
		return d
	}
	mean := func(s Searcher) float64 {
		var sum float64
		for i := range 40 {
			c, _ := s.Suggest(i)
			s.Observe(i, c, dist(c))
			if i >= 20 {
				sum += dist(c)
			}
		}
		return sum / 20
	}
	tpe, _ := NewTPE(space, 40, 1)
	rnd, _ := NewRandomSearch(space, 40, 1)
	if mt, mr := mean(tpe), mean(rnd); mt >= mr {
		t.Fatalf("TPE's later suggestions are no closer to the optimum than random: %.3f vs %.3f", mt, mr)
	}
}

func TestIntRangeBounds(t *testing.T) {
	seen := map[string]map[int]bool{"inclusive": {}, "randint": {}}
	for i := range 400 {
		r := trialRand(1, i)
		seen["inclusive"][IntInclusive(2, 6).Sample(r).(int)] = true
		seen["randint"][RandInt(2, 6).Sample(r).(int)] = true
	}
	if len(seen["inclusive"]) != 5 || !seen["inclusive"][6] {
		t.Fatalf("IntInclusive(2, 6) gave %v, want 2..6", seen["inclusive"])
	}
	if len(seen["randint"]) != 4 || seen["randint"][6] {
		t.Fatalf("RandInt(2, 6) gave %v, want 2..5 as Ray's randint", seen["randint"])
	}
	if err := (Space{"max_depth": RandInt(3, 3)}).Validate(); err == nil {
		t.Fatal("RandInt(3, 3) is empty but validated")
	}
}

func TestGridSearchEnumerates(t *testing.T) {
	space := Space{"max_depth": Grid{[]any{2, 4}}, "eta": Grid{[]any{0.1, 0.3}}, "subsample": Uniform{0.5, 1}}
	g, _ := NewGridSearch(space, 2, 1)
	cs := suggestAll(t, g, 8)
	count := map[[2]any]int{}
	for _, c := range cs {
		count[[2]any{c["max_depth"], c["eta"]}]++
		if s := c["subsample"].(float64); s < 0.5 || s >= 1 {
			t.Fatalf("subsample %v out of range", s)
		}
	}
	if len(count) != 4 {
		t.Fatalf("grid combinations %v, want all 4 twice", count)
	}
	for k, n := range count {
		if n != 2 {
			t.Fatalf("combination %v ran %d times, want 2", k, n)
		}
	}
}

func TestSpaceErrorsNameTheParameter(t *testing.T) {
	err := (Space{"eta": LogUniform{0, 1}}).Validate()
	if err == nil || !contains(err.Error(), `"eta"`) {
		t.Fatalf("error %v does not name eta", err)
	}
}

// Each kernel of the Parzen estimator is renormalised over [0, 1], so the
// density integrates to 1 even with points at the domain's edges.
func TestParzenDensityIntegratesToOne(t *testing.T) {
	for _, pts := range [][]float64{{0.99}, {0.01, 0.02}, {0.3, 0.5, 0.97}, {0.5}} {
		p := newParzen(pts)
		const n = 20000
		var sum float64
		for i := range n {
			sum += p.density((float64(i) + 0.5) / n)
		}
		if got := sum / n; math.Abs(got-1) > 1e-3 {
			t.Fatalf("density of %v integrates to %.5f, want 1", pts, got)
		}
	}
}

// On a score that is best in a corner of the seed space (largest eta,
// deepest trees, as the credit task's val-error after 50 rounds), TPE's
// best over 10 trials beats random search's on average over 100 seeds
// and on most seeds, trials observed one after the other.
func TestTPEBeatsRandomOnACorner(t *testing.T) {
	space := SeedSpace()
	score := func(c Config) float64 {
		u := LogUniform{0.003, 0.3}.toUnit(c["eta"])
		d := float64(c["max_depth"].(int)-2) / 4
		return (1-u)*(1-u) + 0.5*(1-d)*(1-d)
	}
	best := func(s Searcher) float64 {
		b := math.Inf(1)
		for i := range 10 {
			c, _ := s.Suggest(i)
			v := score(c)
			s.Observe(i, c, v)
			b = min(b, v)
		}
		return b
	}
	var sumT, sumR float64
	wins := 0
	for seed := range uint64(100) {
		tpe, _ := NewTPE(space, 10, seed)
		rnd, _ := NewRandomSearch(space, 10, seed)
		bt, br := best(tpe), best(rnd)
		sumT += bt
		sumR += br
		if bt < br {
			wins++
		}
	}
	if sumT >= sumR || wins < 60 {
		t.Fatalf("TPE mean best %.4f vs random %.4f, better on %d of 100 seeds; want a lower mean and at least 60 wins", sumT/100, sumR/100, wins)
	}
	t.Logf("TPE mean best %.4f, random %.4f, TPE better on %d of 100 seeds", sumT/100, sumR/100, wins)
}
