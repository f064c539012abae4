package cluster

import (
	"context"
	"fmt"
	"slices"

	"github.com/gotrain/gotrain/trainlib/tune"
)

// FeatureNames returns the names of the features of the loaded data, in
// order; nil before anything is loaded.
func (c *Cluster) FeatureNames() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.names)
}

// Tune runs a hyperparameter search over the shards loaded into the
// cluster, as tune.Run over Holders does, with the loaded data's feature
// names in every model (and so in every chart and explanation) unless opt
// names them, and the cluster's CPUs shared by the trials unless opt.CPUs
// says otherwise.
func (c *Cluster) Tune(ctx context.Context, opt tune.Options) (*tune.Results, error) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, fmt.Errorf("cluster: closed: connect again")
	}
	if len(opt.FeatureNames) == 0 {
		opt.FeatureNames = slices.Clone(c.names)
	}
	if opt.CPUs == 0 && c.local {
		opt.CPUs = c.cfg.Workers * c.cfg.CPUsPerWorker
	}
	c.mu.Unlock()
	return tune.Run(ctx, c.Holders(), opt)
}
