package tune

import "fmt"

// Points is a searcher that runs a fixed list of configurations, in
// order, one trial each (Ray's points_to_evaluate with num_samples equal to
// the list's length). Use it to evaluate exactly the same configurations
// as another tool, or to rerun chosen ones. It learns nothing.
type Points struct {
	configs []Config
}

// NewPoints returns a searcher over configs, which it copies. Every config
// must be non-empty; a key the space samples but a config lacks is not
// filled in, so give complete configs.
func NewPoints(configs []Config) (*Points, error) {
	if len(configs) == 0 {
		return nil, fmt.Errorf("tune: NewPoints got no configurations; give at least one")
	}
	p := &Points{configs: make([]Config, len(configs))}
	for i, c := range configs {
		if len(c) == 0 {
			return nil, fmt.Errorf("tune: NewPoints: configuration %d is empty; give its parameters, e.g. eta and max_depth", i)
		}
		p.configs[i] = Config{}
		for k, v := range c {
			p.configs[i][k] = v
		}
	}
	return p, nil
}

// Trials is the number of configurations, the trials the searcher runs.
func (p *Points) Trials() int { return len(p.configs) }

// Suggest implements Searcher: configuration i, a copy.
func (p *Points) Suggest(i int) (Config, bool) {
	if i < 0 || i >= len(p.configs) {
		return nil, false
	}
	c := Config{}
	for k, v := range p.configs[i] {
		c[k] = v
	}
	return c, true
}

// Observe implements Searcher; a fixed list learns nothing.
func (p *Points) Observe(int, Config, float64) {}
