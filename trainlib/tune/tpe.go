package tune

import (
	"math"
	"math/rand/v2"
	"slices"
)

// TPE is a tree-structured Parzen estimator (Bergstra et al. 2011), one
// dimension at a time as hyperopt does: after Startup random trials it
// splits the observed trials into the best fraction Gamma and the rest,
// fits a kernel density to each in the unit-scaled space (log scale for
// LogUniform), draws Candidates points from the good density and keeps
// the one with the highest ratio good/bad.
//
// Its suggestions depend on the seed and on the scores observed before
// each Suggest: with concurrent trials, on the order trials finish.
type TPE struct {
	space      Space
	seed       uint64
	samples    int
	Startup    int     // random trials before modelling, default max(3, samples/4)
	Gamma      float64 // fraction of trials counted good, default 0.25
	Candidates int     // candidates scored per suggestion, default 24
	obs        []observation
}

type observation struct {
	c     Config
	score float64
}

// NewTPE returns a TPE searcher of samples trials over space.
func NewTPE(space Space, samples int, seed uint64) (*TPE, error) {
	if err := checkSearch(space, samples); err != nil {
		return nil, err
	}
	return &TPE{space: space, seed: seed, samples: samples, Startup: max(3, samples/4), Gamma: 0.25, Candidates: 24}, nil
}

// Observe implements Searcher.
func (t *TPE) Observe(_ int, c Config, score float64) {
	if math.IsNaN(score) || math.IsInf(score, 0) {
		return
	}
	t.obs = append(t.obs, observation{c, score})
}

// Suggest implements Searcher.
func (t *TPE) Suggest(i int) (Config, bool) {
	if i >= t.samples {
		return nil, false
	}
	r := trialRand(t.seed, i)
	c := sampleConfig(t.space, r)
	if i < t.Startup || len(t.obs) < 2 {
		return c, true
	}
	obs := slices.Clone(t.obs)
	slices.SortStableFunc(obs, func(a, b observation) int { return cmpFloat(a.score, b.score) })
	nGood := max(1, int(math.Ceil(t.Gamma*float64(len(obs)))))
	good, bad := obs[:nGood], obs[nGood:]
	for _, k := range t.space.names() {
		switch d := t.space[k].(type) {
		case numeric:
			c[k] = bestNumeric(r, d, unitValues(d, k, good), unitValues(d, k, bad), t.Candidates)
		case Choice:
			c[k] = bestChoice(d.Values, good, bad, k)
		case Grid:
			c[k] = bestChoice(d.Values, good, bad, k)
		}
	}
	return c, true
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func unitValues(d numeric, k string, obs []observation) []float64 {
	u := make([]float64, 0, len(obs))
	for _, o := range obs {
		if v, ok := o.c[k]; ok {
			u = append(u, d.toUnit(v))
		}
	}
	return u
}

// parzen is a Gaussian kernel density on [0, 1] with a uniform prior
// component of weight 1/(n+1).
type parzen struct {
	pts   []float64
	sigma float64
}

func newParzen(pts []float64) parzen {
	n := float64(len(pts))
	sd := 0.0
	if len(pts) > 1 {
		var m float64
		for _, p := range pts {
			m += p
		}
		m /= n
		for _, p := range pts {
			sd += (p - m) * (p - m)
		}
		sd = math.Sqrt(sd / (n - 1))
	}
	sigma := 1.06 * sd * math.Pow(n+1, -0.2)
	return parzen{pts: pts, sigma: min(0.5, max(0.08, sigma))}
}

func (p parzen) density(u float64) float64 {
	w := 1 / float64(len(p.pts)+1)
	d := w // the uniform prior on [0, 1]
	for _, x := range p.pts {
		z := (u - x) / p.sigma
		d += w * math.Exp(-0.5*z*z) / (p.sigma * math.Sqrt(2*math.Pi))
	}
	return d
}

func (p parzen) sample(r *rand.Rand) float64 {
	k := r.IntN(len(p.pts) + 1)
	if k == len(p.pts) {
		return r.Float64()
	}
	for {
		u := p.pts[k] + p.sigma*r.NormFloat64()
		if u >= 0 && u < 1 {
			return u
		}
	}
}

func bestNumeric(r *rand.Rand, d numeric, good, bad []float64, n int) any {
	l, g := newParzen(good), newParzen(bad)
	var best any
	bestRatio := math.Inf(-1)
	for range n {
		v := d.fromUnit(l.sample(r))
		u := d.toUnit(v)
		if ratio := math.Log(l.density(u)) - math.Log(g.density(u)); ratio > bestRatio {
			best, bestRatio = v, ratio
		}
	}
	return best
}

// bestChoice picks the value with the highest ratio of smoothed counts
// among good and bad trials.
func bestChoice(values []any, good, bad []observation, k string) any {
	count := func(obs []observation, v any) float64 {
		n := 1.0
		for _, o := range obs {
			if o.c[k] == v {
				n++
			}
		}
		return n / float64(len(obs)+len(values))
	}
	best, bestRatio := values[0], math.Inf(-1)
	for _, v := range values {
		if ratio := count(good, v) / count(bad, v); ratio > bestRatio {
			best, bestRatio = v, ratio
		}
	}
	return best
}
