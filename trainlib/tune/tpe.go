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
// The densities are hyperopt's adaptive Parzen estimators: each point's
// kernel is as wide as the larger gap to its neighbours (the domain's
// ends count as neighbours), so a lone good trial is explored widely and
// a cluster narrowly, and each kernel is renormalised over the domain,
// so a good trial at an edge is not undervalued by the half of its kernel
// that falls outside. Startup is half the budget, at least 3 and at most
// 10: with budgets of 10 to 40 that beat shorter and longer start-ups on
// the credit task (bench/RESULTS.md, Tuning).
//
// Its suggestions depend on the seed and on the scores observed before
// each Suggest: with concurrent trials, on the order trials finish.
type TPE struct {
	space      Space
	seed       uint64
	samples    int
	Startup    int     // random trials before modelling, default min(10, max(3, samples/2))
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
	return &TPE{space: space, seed: seed, samples: samples, Startup: min(10, max(3, samples/2)), Gamma: 0.25, Candidates: 24}, nil
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

// parzen is a mixture on [0, 1] of a uniform prior (weight 1) and one
// truncated Gaussian per point (weight 1 each), hyperopt's adaptive
// Parzen estimator.
type parzen struct {
	pts []float64
	// sig is each point's kernel width, mass the part of its kernel
	// inside [0, 1].
	sig, mass []float64
}

func newParzen(pts []float64) parzen {
	n := len(pts)
	p := parzen{pts: pts, sig: make([]float64, n), mass: make([]float64, n)}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(pts[a], pts[b]) })
	minSig := 1 / math.Min(100, float64(n+1))
	for k, i := range order {
		lo, hi := 0.0, 1.0
		if k > 0 {
			lo = pts[order[k-1]]
		}
		if k < n-1 {
			hi = pts[order[k+1]]
		}
		s := math.Min(1, math.Max(minSig, math.Max(pts[i]-lo, hi-pts[i])))
		p.sig[i] = s
		p.mass[i] = 0.5 * (math.Erf((1-pts[i])/(s*math.Sqrt2)) - math.Erf(-pts[i]/(s*math.Sqrt2)))
	}
	return p
}

func (p parzen) density(u float64) float64 {
	d := 1.0 // the uniform prior on [0, 1]
	for i, x := range p.pts {
		z := (u - x) / p.sig[i]
		d += math.Exp(-0.5*z*z) / (p.sig[i] * math.Sqrt(2*math.Pi) * p.mass[i])
	}
	return d / float64(len(p.pts)+1)
}

func (p parzen) sample(r *rand.Rand) float64 {
	k := r.IntN(len(p.pts) + 1)
	if k == len(p.pts) {
		return r.Float64()
	}
	for {
		u := p.pts[k] + p.sig[k]*r.NormFloat64()
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
