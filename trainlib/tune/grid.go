package tune

// GridSearch runs every combination of the space's Grid entries, samples
// times over, as Ray's grid_search with num_samples: other domains are
// sampled at random (seeded) for each trial.
type GridSearch struct {
	space   Space
	seed    uint64
	samples int
	grid    []string // names of Grid entries, sorted
	size    int      // combinations per sample
}

// NewGridSearch returns a grid searcher; a space without Grid entries
// gives samples random trials.
func NewGridSearch(space Space, samples int, seed uint64) (*GridSearch, error) {
	if err := checkSearch(space, samples); err != nil {
		return nil, err
	}
	g := &GridSearch{space: space, seed: seed, samples: samples, size: 1}
	for _, k := range space.names() {
		if d, ok := space[k].(Grid); ok {
			g.grid = append(g.grid, k)
			g.size *= len(d.Values)
		}
	}
	return g, nil
}

// Trials is the number of trials the grid runs.
func (g *GridSearch) Trials() int { return g.size * g.samples }

// Suggest implements Searcher: combinations in order, the last Grid
// entry (by name) varying fastest.
func (g *GridSearch) Suggest(i int) (Config, bool) {
	if i >= g.Trials() {
		return nil, false
	}
	c := sampleConfig(g.space, trialRand(g.seed, i))
	k := i % g.size
	for j := len(g.grid) - 1; j >= 0; j-- {
		vals := g.space[g.grid[j]].(Grid).Values
		c[g.grid[j]] = vals[k%len(vals)]
		k /= len(vals)
	}
	return c, true
}

// Observe implements Searcher; a grid learns nothing.
func (g *GridSearch) Observe(int, Config, float64) {}
