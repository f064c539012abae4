package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/job"
	"github.com/gotrain/gotrain/trainlib/tune"
)

func init() {
	register(command{name: "train", summary: "the tutorial as a batch job: tune on workers, save the best model and its explanations", run: runTrain})
}

const trainHelp = `Usage: gotrain train [--spawn N --cpus-per-worker C | --addresses HOST:PORT,… | --ray URL] [--tune-samples S] [--data DIR] [--out DIR] [flags]

The tutorial notebook as a batch job (the reference workflow's train_model.py):
connect workers, load the sharded data of --data, tune eta and max_depth over
--tune-samples trials (best by val-error), score the best model on the test
set and write into --out:

  tune_best.json, tune_best.xgb     the best model (XGBoost JSON and UBJSON; load with xgboost.Booster)
  trial_results.json                every trial's parameters and final metrics
  feature_importance_{gain,weight,cover}.png
  explanation.html                  importance charts, weights and per-row explanations
  dominostats.json                  test Accuracy and AUC

When --data holds no shards, the default German credit data is generated there
first (as 'gotrain data generate --out DIR' would), and stderr says so.

Spawned workers need --spawn × --cpus-per-worker CPUs. When this machine has
fewer, train stops at once with a suggestion (on a 2-core machine: --spawn 2
--cpus-per-worker 1) unless --oversubscribe is given. With --addresses nothing
is spawned: the workers' secret comes from GOTRAIN_TOKEN or --token-file. With
--ray the workers run as --spawn actors of --cpus-per-worker CPUs in a job on
that Ray cluster (the binary is shipped with the job), and the CPU check is
Ray's. The reference script's --ray_actors, --cpus_per_actor and
--tune_samples are accepted as aliases.

Examples:
  gotrain train --spawn 2 --cpus-per-worker 1 --data out/data --out out/job
  gotrain train --ray_actors 3 --cpus_per_actor 4 --tune_samples 10     # the reference script's flags
  gotrain train --addresses 10.0.0.5:7070,10.0.0.6:7070 --token-file secret --data /shared/data
  gotrain train --spawn 2 --cpus-per-worker 1 --mlflow --mlflow-token-file mlflow.token

Exit status: 0 done, 1 failure, 2 bad usage or too few CPUs, 130 interrupted
(rerunning with the same --out resumes unfinished trials).
`

// trainExit carries train's exit status for main.
type trainExit struct {
	err  error
	code int
}

func (e trainExit) Error() string { return e.err.Error() }
func (e trainExit) Unwrap() error { return e.err }
func (e trainExit) ExitCode() int { return e.code }

func runTrain(ctx context.Context, args []string) error {
	cfg, o, err := parseTrain(args, os.Stderr)
	if err != nil {
		return err
	}
	o.Log = os.Stderr
	o.Progress = &tune.Terminal{W: os.Stderr, TTY: isTTY(os.Stderr)}
	sum, err := job.Run(ctx, cfg, o)
	if err != nil {
		return trainError(ctx, err)
	}
	fmt.Printf("best trial %s: eta %.4g, max_depth %v\n", sum.Best.ID, sum.Best.Config["eta"], sum.Best.Config["max_depth"])
	fmt.Printf("%s\n", sum.Scores)
	fmt.Printf("results in %s\n", cfg.OutDir)
	if sum.MLflowRun != "" && sum.MLflowUnsent == "" {
		fmt.Printf("MLflow run %s logged to %s (model registered as %s)\n", sum.MLflowRun, sum.MLflowURL, job.RegisteredModel)
	}
	return nil
}

// parseTrain reads train's flags into a job configuration.
func parseTrain(args []string, stderr io.Writer) (job.Config, job.RunOptions, error) {
	var cfg job.Config
	var o job.RunOptions
	var workers string
	var seed uint64
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&cfg.Spawn, "spawn", job.DefaultSpawn, "number of workers to spawn on this machine (or to run on --ray)")
	fs.IntVar(&cfg.CPUsPerWorker, "cpus-per-worker", job.DefaultCPUsPerWorker, "CPUs of each spawned worker")
	fs.IntVar(&cfg.Samples, "tune-samples", job.DefaultSamples, "number of tuning trials")
	// The reference script's names stay accepted, and so does the former
	// --workers (a count or addresses, see workersFlag).
	fs.IntVar(&cfg.Spawn, "ray_actors", job.DefaultSpawn, "alias of --spawn (the reference train_model.py's name)")
	fs.IntVar(&cfg.CPUsPerWorker, "cpus_per_actor", job.DefaultCPUsPerWorker, "alias of --cpus-per-worker")
	fs.IntVar(&cfg.Samples, "tune_samples", job.DefaultSamples, "alias of --tune-samples")
	fs.IntVar(&cfg.Rounds, "rounds", job.DefaultRounds, "boosting rounds of each trial")
	fs.StringVar(&cfg.DataDir, "data", "data", "`DIR` holding train_data_*.csv, validation_data_*.csv and test_data.csv (generated when empty)")
	fs.StringVar(&cfg.OutDir, "out", "results", "`DIR` for the result files (created if needed)")
	fs.StringVar(&cfg.Ray, "ray", "", "run the --ray_actors workers as actors of a job on the Ray cluster at `URL` (dashboard, e.g. http://head:8265) or 'auto' (RAY_ADDRESS, then RAY_HEAD_SERVICE_HOST)")
	fs.StringVar(&workers, "addresses", "", "comma-separated `HOST:PORT,…` of running 'gotrain worker's to use instead of spawning")
	fs.Var(workersFlag{&cfg.Spawn, &workers}, "workers", workersUsage)
	fs.StringVar(&cfg.TokenFile, "token-file", "", "file holding the cluster secret of the --addresses workers (default: $"+cluster.TokenEnv+")")
	tlsFlags := cluster.AddTLSFlags(fs, false)
	fs.BoolVar(&o.MLflow, "mlflow", false, "log the run tree and register the best model in MLflow (MLFLOW_TRACKING_URI, or a local server in OUT/mlflow)")
	tokens := addTokenFlags(fs, true)
	fs.DurationVar(&o.MLflowWait, "mlflow-wait", 0, "with --mlflow, how long to wait at the end for the server to take the run tree; what is left stays in OUT for 'gotrain mlflow sync' (0: $"+job.MLflowWaitEnv+", else 3m)")
	fs.BoolVar(&cfg.Oversubscribe, "oversubscribe", false, "spawn workers even when they ask for more CPUs than this machine has")
	fs.Uint64Var(&seed, "seed", job.DefaultSeed, "seed of the search, the training and generated data (the default matches 'gotrain data generate' and the notebooks)")
	if err := parseFlags(fs, trainHelp, args); err != nil {
		return cfg, o, err
	}
	if fs.NArg() > 0 {
		return cfg, o, badUsage(fs, "unexpected argument %q (flags only)", fs.Arg(0))
	}
	cfg.Seed = seed
	var err error
	if cfg.TLS, err = tlsFlags.Files(); err != nil {
		return cfg, o, badUsage(fs, "%v", err)
	}
	if err := tokens.apply(); err != nil {
		return cfg, o, err
	}
	for _, a := range strings.Split(workers, ",") {
		if a = strings.TrimSpace(a); a != "" {
			cfg.Addresses = append(cfg.Addresses, a)
		}
	}
	if cfg.Spawn < 1 || cfg.CPUsPerWorker < 1 || cfg.Samples < 1 || cfg.Rounds < 1 {
		return cfg, o, badUsage(fs, "--spawn, --cpus-per-worker, --tune-samples and --rounds must be at least 1")
	}
	if cfg.Rounds > job.MaxRounds {
		return cfg, o, badUsage(fs, "--rounds %d is out of range: give 1 to %d", cfg.Rounds, job.MaxRounds)
	}
	if len(cfg.Addresses) > 0 && cfg.Ray != "" {
		return cfg, o, badUsage(fs, "give --addresses or --ray, not both")
	}
	if len(cfg.Addresses) == 0 && cfg.Ray == "" && !cfg.Oversubscribe && cfg.Spawn*cfg.CPUsPerWorker > runtime.NumCPU() {
		return cfg, o, trainExit{err: &job.CPUError{Spawn: cfg.Spawn, CPUsPerWorker: cfg.CPUsPerWorker, Have: runtime.NumCPU()}, code: 2}
	}
	return cfg, o, nil
}

// trainError maps a failed run to its exit status: 130 when interrupted.
func trainError(ctx context.Context, err error) error {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return trainExit{err: fmt.Errorf("interrupted; rerun with the same --out to resume: %w", err), code: 130}
	}
	var cpu *job.CPUError
	if errors.As(err, &cpu) {
		return trainExit{err: err, code: 2}
	}
	return err
}

// isTTY reports whether f is a terminal.
func isTTY(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
