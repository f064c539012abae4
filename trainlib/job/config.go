package job

import (
	"fmt"
	"io"
	"runtime"

	"github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/datagen"
)

// Config says what a Job does. The zero value, with DataDir and OutDir set,
// is the reference workflow's defaults: 3 workers × 4 CPUs, 10 tuning samples.
type Config struct {
	// DataDir holds train_data_*.csv, validation_data_*.csv and
	// test_data.csv; OutDir receives every file the job writes.
	DataDir, OutDir string
	// Spawn is how many workers to spawn (--spawn, alias --ray_actors; 3
	// when zero); CPUsPerWorker bounds each one's CPUs (--cpus-per-worker,
	// alias --cpus_per_actor; 4 when zero). The names are cluster.Config's.
	Spawn, CPUsPerWorker int
	// Addresses are host:port of workers started elsewhere with
	// `gotrain worker`; when set nothing is spawned and the CPU check is
	// theirs. The secret comes from TokenFile, else GOTRAIN_TOKEN; TLS,
	// when set, encrypts the traffic (see cluster.TLSFiles).
	Addresses []string
	TokenFile string
	TLS       *cluster.TLSFiles
	// Ray, when set, runs the Spawn workers of CPUsPerWorker CPUs as actors
	// of a job on that Ray cluster instead of spawning them here: its
	// dashboard URL (http://head:8265) or "auto" (RAY_ADDRESS, then
	// RAY_HEAD_SERVICE_HOST); the CPU check is then the cluster's.
	Ray string
	// Samples is the number of tuning trials (tune_samples, 10 when zero).
	Samples int
	// Rounds is each trial's boosting rounds (10 when zero, as xgboost.train).
	Rounds int
	// Seed seeds the search, the training and data generated into an empty
	// DataDir (DefaultSeed when zero, which it is).
	Seed uint64
	// Oversubscribe allows more spawned CPUs than this machine has.
	Oversubscribe bool
	// Log, when set, receives a line for every worker lost during the job
	// and what took its shards over (Run sets it to RunOptions.Log).
	Log io.Writer
}

// Defaults of the reference workflow's train_model.py.
const (
	DefaultSpawn         = 3
	DefaultCPUsPerWorker = 4
	DefaultSamples       = 10
	DefaultRounds        = 10
)

// MaxRounds is the most boosting rounds a trial may ask for (XGBoost's
// num_boost_round range as gbdt.ParseParams checks it).
const MaxRounds = 1_000_000

// DefaultSeed is the seed the tutorial uses everywhere: the data that
// `gotrain data generate` writes by default is the data a job with a zero
// Seed generates, so the notebooks, `gotrain train` and the CLI agree.
const DefaultSeed = datagen.DefaultSeed

// withDefaults fills the zero fields.
func (c Config) withDefaults() Config {
	if c.Spawn == 0 {
		c.Spawn = DefaultSpawn
	}
	if c.CPUsPerWorker == 0 {
		c.CPUsPerWorker = DefaultCPUsPerWorker
	}
	if c.Samples == 0 {
		c.Samples = DefaultSamples
	}
	if c.Rounds == 0 {
		c.Rounds = DefaultRounds
	}
	return c
}

// CPUError says that spawning Spawn × CPUsPerWorker CPUs needs more than
// this machine has, and what to run instead.
type CPUError struct {
	Spawn, CPUsPerWorker, Have int
}

func (e *CPUError) Error() string {
	a, c := Fit(e.Spawn, e.Have)
	return fmt.Sprintf("%d workers × %d CPUs per worker need %d CPUs but this machine has %d; "+
		"run with --spawn %d --cpus-per-worker %d (or connect to bigger workers with --addresses HOST:PORT,…)",
		e.Spawn, e.CPUsPerWorker, e.Spawn*e.CPUsPerWorker, e.Have, a, c)
}

// Fit suggests a spawn count and CPUs per worker that fit on cpus CPUs,
// keeping as many of the wanted workers as possible.
func Fit(spawn, cpus int) (fitSpawn, cpusPerWorker int) {
	if cpus < 1 {
		cpus = 1
	}
	fitSpawn = min(max(spawn, 1), cpus)
	return fitSpawn, cpus / fitSpawn
}

// check validates c (after withDefaults) against this machine.
func (c Config) check() error {
	if c.DataDir == "" || c.OutDir == "" {
		return fmt.Errorf("job: set both the data folder and the output folder")
	}
	if c.Spawn < 1 || c.CPUsPerWorker < 1 || c.Samples < 1 || c.Rounds < 1 {
		return fmt.Errorf("job: spawn (%d), CPUs per worker (%d), samples (%d) and rounds (%d) must be at least 1",
			c.Spawn, c.CPUsPerWorker, c.Samples, c.Rounds)
	}
	if c.Rounds > MaxRounds {
		return fmt.Errorf("job: rounds %d is out of range: give 1 to %d", c.Rounds, MaxRounds)
	}
	if c.spawnsHere() && !c.Oversubscribe && c.Spawn*c.CPUsPerWorker > runtime.NumCPU() {
		return &CPUError{Spawn: c.Spawn, CPUsPerWorker: c.CPUsPerWorker, Have: runtime.NumCPU()}
	}
	return nil
}

// spawnsHere reports whether the workers are spawned on this machine.
func (c Config) spawnsHere() bool { return len(c.Addresses) == 0 && c.Ray == "" }

// CPUs is the total the tuner shares among its trials.
func (c Config) cpus() int {
	return c.Spawn * c.CPUsPerWorker
}
