// Package trainlib is gotrain's training library: load sharded CSV data,
// train XGBoost-compatible gradient-boosted trees on one machine or across
// worker processes, tune hyperparameters, explain predictions and track
// experiments. It is plain Go: usable from any program, and from notebook
// cells through the gotrain kernel, which it never imports.
//
// The pieces live in sub-packages, lowest layer first:
//
//	data     CSV loading, the dense Matrix and Dataset types
//	model    a trained forest in XGBoost's shape: prediction, model files,
//	         importance and contributions
//	gbdt     the histogram boosting learner that produces a model
//	explain  importance charts and per-prediction explanations
//	cluster  driver and workers for training across processes
//	tune     hyperparameter search over a cluster
//	track    result files and MLflow tracking
package trainlib

// Version is gotrain's release version; workers and drivers compare it in
// their handshake.
const Version = "0.1.0-dev"
