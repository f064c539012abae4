package cluster

import "slices"

// FeatureNames returns the names of the features of the loaded data, in
// order; nil before anything is loaded. Pass them to tune.Options (or use
// trainlib.Tune, which does) so tuned models name their features.
func (c *Cluster) FeatureNames() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.names)
}

// CPUs returns how many CPUs the spawned workers have altogether
// (Workers × CPUsPerWorker), or 0 when the workers were not spawned here.
func (c *Cluster) CPUs() int {
	if !c.local {
		return 0
	}
	return c.cfg.Spawn * c.cfg.CPUsPerWorker
}
