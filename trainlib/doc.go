// Package trainlib is gotrain's training library: load sharded CSV data,
// train XGBoost-compatible gradient-boosted trees on one machine or across
// worker processes, tune hyperparameters, explain predictions and track
// experiments. It is plain Go: usable from any program, and from notebook
// cells through the gotrain kernel, which it never imports.
//
// The pieces live in sub-packages, lowest layer first; each imports only
// packages above it in this list (layers_test.go checks it with go list):
//
//	cellctx   a nil context in a cell-facing call means the running
//	          notebook cell's (the kernel installs it)
//	metric    evaluation metrics (AUC, logloss, error, rmse) as XGBoost
//	          defines them
//	data      CSV loading, the dense Matrix and Dataset types
//	datasets  the bundled public data sets; datagen makes shards from them
//	model     a trained forest in XGBoost's shape: prediction, model files,
//	          importance and contributions
//	gbdt      the histogram boosting learner that produces a model, over
//	          Holders of the data (in process, or a cluster's workers)
//	track     result files and MLflow tracking
//	explain   importance charts and per-prediction explanations
//	          (drawing in explain/chart)
//	frame     a CSV as a table to look at: Describe, ValueCounts, Filter,
//	          histograms and scatter plots (over data and explain/chart)
//	tune      hyperparameter search over any Holders
//	cluster   driver and workers for training across processes (gRPC)
//	job       the tutorial's flow, shared by notebooks and gotrain train
//
// This root package is the front door (Connect) over cluster. Nothing
// here imports the kernel: values that notebooks show satisfy small
// display interfaces (HTML, PNG) instead.
package trainlib

import "github.com/gotrain/gotrain/trainlib/internal/version"

// Version is gotrain's release version; workers and drivers compare it in
// their handshake.
const Version = version.Version
