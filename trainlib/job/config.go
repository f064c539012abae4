package job

import (
	"fmt"
	"io"
	"runtime"

	"github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/datagen"
)

// Config says what a Job does. The zero value, with DataDir and OutDir set,
// is the reference workflow's defaults: 3 actors × 4 CPUs, 10 tuning samples.
type Config struct {
	// DataDir holds train_data_*.csv, validation_data_*.csv and
	// test_data.csv; OutDir receives every file the job writes.
	DataDir, OutDir string
	// Actors is how many workers to spawn (ray_actors, 3 when zero);
	// CPUsPerActor bounds each one's CPUs (cpus_per_actor, 4 when zero).
	Actors, CPUsPerActor int
	// Workers are host:port addresses of workers started elsewhere with
	// `gotrain worker`; when set nothing is spawned and the CPU check is
	// theirs. The secret comes from TokenFile, else GOTRAIN_TOKEN; TLS,
	// when set, encrypts the traffic (see cluster.TLSFiles).
	Workers   []string
	TokenFile string
	TLS       *cluster.TLSFiles
	// Ray, when set, runs the Actors workers of CPUsPerActor CPUs as actors
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
	DefaultActors       = 3
	DefaultCPUsPerActor = 4
	DefaultSamples      = 10
	DefaultRounds       = 10
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
	if c.Actors == 0 {
		c.Actors = DefaultActors
	}
	if c.CPUsPerActor == 0 {
		c.CPUsPerActor = DefaultCPUsPerActor
	}
	if c.Samples == 0 {
		c.Samples = DefaultSamples
	}
	if c.Rounds == 0 {
		c.Rounds = DefaultRounds
	}
	return c
}

// CPUError says that spawning Actors × CPUsPerActor CPUs needs more than
// this machine has, and what to run instead.
type CPUError struct {
	Actors, CPUsPerActor, Have int
}

func (e *CPUError) Error() string {
	a, c := Fit(e.Actors, e.Have)
	return fmt.Sprintf("%d actors × %d CPUs per actor need %d CPUs but this machine has %d; "+
		"run with --ray_actors %d --cpus_per_actor %d (or connect to bigger workers with --workers ADDR,…)",
		e.Actors, e.CPUsPerActor, e.Actors*e.CPUsPerActor, e.Have, a, c)
}

// Fit suggests actors and CPUs per actor that fit on cpus CPUs, keeping as
// many of the wanted actors as possible.
func Fit(actors, cpus int) (fitActors, cpusPerActor int) {
	if cpus < 1 {
		cpus = 1
	}
	fitActors = min(max(actors, 1), cpus)
	return fitActors, cpus / fitActors
}

// check validates c (after withDefaults) against this machine.
func (c Config) check() error {
	if c.DataDir == "" || c.OutDir == "" {
		return fmt.Errorf("job: set both the data folder and the output folder")
	}
	if c.Actors < 1 || c.CPUsPerActor < 1 || c.Samples < 1 || c.Rounds < 1 {
		return fmt.Errorf("job: actors (%d), CPUs per actor (%d), samples (%d) and rounds (%d) must be at least 1",
			c.Actors, c.CPUsPerActor, c.Samples, c.Rounds)
	}
	if c.Rounds > MaxRounds {
		return fmt.Errorf("job: rounds %d is out of range: give 1 to %d", c.Rounds, MaxRounds)
	}
	if c.spawnsHere() && !c.Oversubscribe && c.Actors*c.CPUsPerActor > runtime.NumCPU() {
		return &CPUError{Actors: c.Actors, CPUsPerActor: c.CPUsPerActor, Have: runtime.NumCPU()}
	}
	return nil
}

// spawnsHere reports whether the workers are spawned on this machine.
func (c Config) spawnsHere() bool { return len(c.Workers) == 0 && c.Ray == "" }

// CPUs is the total the tuner shares among its trials.
func (c Config) cpus() int {
	return c.Actors * c.CPUsPerActor
}
