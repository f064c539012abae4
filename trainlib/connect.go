package trainlib

import (
	"context"

	"github.com/gotrain/gotrain/trainlib/cluster"
)

// Cluster says which workers to train on: Workers (and CPUsPerWorker) to
// spawn on this machine, or Addresses (with Secret or GOTRAIN_TOKEN) of
// workers started elsewhere. See cluster.Config for every field.
type Cluster = cluster.Config

// Connect starts or reaches the workers c describes, for example
//
//	cl, err := trainlib.Connect(ctx, trainlib.Cluster{Workers: 3, CPUsPerWorker: 1})
//	defer cl.Close()
//	err = cl.LoadGlob(ctx, "train", "data/train_data_*.csv", data.Options{Label: "credit"})
//	res, err := cl.Train(ctx, gbdt.DefaultParams(), gbdt.Options{})
//
// Spawned workers stop on Close, when ctx is cancelled, and when this
// process dies.
func Connect(ctx context.Context, c Cluster) (*cluster.Cluster, error) {
	return cluster.Connect(ctx, c)
}
