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
// Configuration follows MLflow's own environment variables (ConfigFromEnv);
// StartLocalServer runs `mlflow server` on 127.0.0.1 with a SQLite store
// when nothing is configured.
package track
