// Package track records what a training or tuning job did, in two places.
//
// Local result files are always written, atomically (a temporary file in the
// same directory, then a rename): dominostats.json, the flat key → value file
// a workspace's run view reads (WriteDominoStats), and trial_results.json, one
// object per tuning trial (WriteTrialResults, ReadTrialResults).
//
// Experiment tracking goes through the Tracker interface, which the tuner and
// the train command call: a parent run per job, a child run per trial,
// metrics per boosting round, artifacts, the best model as an MLflow model
// directory, and a Model Registry version. Nop discards everything; MLflow
// talks to a real MLflow tracking server over its REST API.
//
// The MLflow tracker never blocks training on the network. Every call is
// first appended to a spool (append-only JSONL in the job's output directory)
// and handed to one sender goroutine through a bounded queue. The sender
// batches metrics within MLflow's limits, retries with exponential back-off
// when the server is down or slow, reports the outage once, and appends an
// acknowledgement to the spool for each call the server accepted. Replaying
// a spool (Sync, or `gotrain mlflow sync DIR`) sends exactly the calls that
// were never acknowledged, so nothing is lost and nothing is logged twice.
//
// Models are logged as run artifacts (an MLflow model directory with the
// xgboost and python_function flavors, the model in XGBoost JSON) and
// registered with the run's artifact URI as source. Checked against MLflow
// 3.17: runs:/<run>/<path> and models:/<name>/<version> load them with
// mlflow.xgboost.load_model and mlflow.pyfunc.load_model (MLflow 3 looks for
// run artifacts first and falls back to its logged-model entities, which
// gotrain does not create, so the model is listed among the run's artifacts
// rather than in the UI's logged-models view). Artifacts go through the
// server's artifact proxy (/api/2.0/mlflow-artifacts/artifacts/...), so the
// server needs --artifacts-destination or --serve-artifacts, and no shared
// filesystem.
//
// Configuration follows MLflow's own environment variables (ConfigFromEnv);
// StartLocalServer runs `mlflow server` on 127.0.0.1 with a SQLite store
// when nothing is configured.
package track
