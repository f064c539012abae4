package tune

import (
	"fmt"
	"math/rand/v2"
)

// Searcher proposes the parameters of each trial.
type Searcher interface {
	// Suggest returns the parameters of trial i (0, 1, … in order), or
	// false when the searcher has proposed all it will.
	Suggest(i int) (Config, bool)
	// Observe reports trial i's final score, lower is better (the tuner
	// negates a metric it maximises). Searchers that learn use it.
	Observe(i int, c Config, score float64)
}

// RandomSearch samples every trial independently. Trial i's parameters
// depend only on the seed and i, so a run is reproducible whatever order
// trials finish in.
type RandomSearch struct {
	space   Space
	seed    uint64
	samples int
}

// NewRandomSearch returns a searcher of samples trials over space.
func NewRandomSearch(space Space, samples int, seed uint64) (*RandomSearch, error) {
	if err := checkSearch(space, samples); err != nil {
		return nil, err
	}
	return &RandomSearch{space: space, seed: seed, samples: samples}, nil
}

// Suggest implements Searcher.
func (s *RandomSearch) Suggest(i int) (Config, bool) {
	if i >= s.samples {
		return nil, false
	}
	return sampleConfig(s.space, trialRand(s.seed, i)), true
}

// Observe implements Searcher; random search learns nothing.
func (s *RandomSearch) Observe(int, Config, float64) {}

// trialRand is the random source of trial i.
func trialRand(seed uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(i)*0x9e3779b97f4a7c15+1))
}

// sampleConfig draws every Domain of space (Grid entries included, at
// random) and copies fixed values.
func sampleConfig(space Space, r *rand.Rand) Config {
	c := Config{}
	for _, k := range space.names() {
		if d, ok := space[k].(Domain); ok {
			c[k] = d.Sample(r)
		} else {
			c[k] = space[k]
		}
	}
	return c
}

func checkSearch(space Space, samples int) error {
	if samples < 1 {
		return fmt.Errorf("tune: num_samples is %d; give at least 1", samples)
	}
	if len(space) == 0 {
		return fmt.Errorf("tune: the search space is empty; give at least one parameter, e.g. tune.SeedSpace()")
	}
	return space.Validate()
}
