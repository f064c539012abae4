package trainlib

import (
	"context"

	"github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// Tune runs a hyperparameter search over the shards loaded into cl, as
// tune.Run over cl.Holders() does, with the loaded data's feature names in
// every model (and so in every chart and explanation) unless opt names
// them, and the spawned workers' CPUs shared by the trials unless opt.CPUs
// says otherwise:
//
//	tuned, err := trainlib.Tune(nil, cl, tune.Options{Samples: 10, Metric: "val-logloss"}) // nil: the cell's context
func Tune(ctx context.Context, cl *cluster.Cluster, opt tune.Options) (*tune.Results, error) {
	if len(opt.FeatureNames) == 0 {
		opt.FeatureNames = cl.FeatureNames()
	}
	if opt.CPUs == 0 {
		opt.CPUs = cl.CPUs()
	}
	return tune.Run(ctx, cl.Holders(), opt)
}
