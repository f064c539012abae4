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
// Models are MLflow 3 logged models, made the way mlflow.xgboost.log_model
// makes them over the REST API: a LoggedModel named after the artifact path,
// with the run as its source, the run's params, the source tags and the
// run's metrics at its latest step; linked to the run as an output at that
// step; the model directory (xgboost and python_function flavors, the model
// in XGBoost JSON) uploaded to the model's own artifact location; finalized
// READY, or UPLOAD_FAILED when an upload fails for good. Like MLflow 3, the
// run's own artifacts hold no copy: models:/<model_id> loads the model, and
// runs:/<run>/<name> finds it through the run. Registration makes a version
// with source models:/<model_id> and the model's id. A model call is one
// spool call; a retry resumes where the last attempt stopped, and a replay
// after a crash finds the model made before by its gotrain.model_key tag
// and the run's outputs, so a model is never made or linked twice. A server
// without logged models (MLflow 2) gets the model directory as the run's
// artifacts instead, registered from there. Artifacts
// go through the server's artifact proxy (/api/2.0/mlflow-artifacts/...),
// so the server needs --artifacts-destination or --serve-artifacts, and no
// shared filesystem. Checked against MLflow 3.17.
//
// Configuration follows MLflow's own environment variables (ConfigFromEnv);
// StartLocalServer runs `mlflow server` on 127.0.0.1 with a SQLite store
// when nothing is configured.
package track
