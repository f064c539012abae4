package trainlib

import (
	"context"

	"github.com/gotrain/gotrain/trainlib/cluster"
)

// Cluster says which workers to train on: Spawn (and CPUsPerWorker) to
// spawn on this machine, Addresses (with Secret or GOTRAIN_TOKEN) of
// workers started elsewhere, or Ray, a Ray cluster to run Spawn workers
// on as actors of a Ray job. See cluster.Config for every field.
type Cluster = cluster.Config

// Connect starts or reaches the workers c describes, for example
//
//	cl, err := trainlib.Connect(ctx, trainlib.Cluster{Spawn: 3, CPUsPerWorker: 1})
//	defer cl.Close()
//	err = cl.LoadGlob(ctx, "train", "data/train_data_*.csv", data.Options{Label: "credit"})
//	res, err := cl.Train(ctx, gbdt.DefaultParams(), gbdt.Options{})
//
// On an existing Ray cluster (its dashboard URL, or "auto" for
// RAY_ADDRESS, then RAY_HEAD_SERVICE_HOST; RAY_AUTH_TOKEN when the
// cluster requires a token):
//
//	cl, err := trainlib.Connect(ctx, trainlib.Cluster{Ray: "auto", Spawn: 3, CPUsPerWorker: 4})
//
// ctx bounds the connecting only: in a notebook, connect in one cell and
// train in the next. A nil ctx, there, is the running cell's (package
// cellctx), so an interrupt stops a slow start or a long training run
// without passing display.Context():
//
//	cl, err := trainlib.Connect(nil, trainlib.Cluster{Spawn: 2})
//	res, err := cl.Train(nil, params, gbdt.Options{Evals: []string{"train", "val"}})
//
// The workers live until Close, or until the kernel shuts down
// (spawned workers stop with this process). Close stops a Ray cluster's
// job and with it its workers.
func Connect(ctx context.Context, c Cluster) (*cluster.Cluster, error) {
	return cluster.Connect(ctx, c)
}
