// Command ours is gotrain's side of the tuning benchmark (bench/tune/run.sh):
// end to end, it connects workers spawned on this machine, loads the
// sharded CSV files (each worker its own shards), runs a tuning job over
// the reference space and saves the best model, then prints one JSON line
// with the wall time, the best val-error and each trial's final val-error.
// With -points FILE it runs exactly the configurations listed there (see
// writePoints, -write-points) instead of a searcher's.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/tune"
)

func main() {
	dir := flag.String("data", "", "folder of train_data_*.csv and validation_data_*.csv (label credit)")
	out := flag.String("out", "", "experiment directory to create (must not exist)")
	samples := flag.Int("samples", 10, "trials")
	rounds := flag.Int("rounds", 50, "boosting rounds per trial")
	workers := flag.Int("workers", 2, "workers to spawn")
	cpus := flag.Int("cpus", 1, "CPUs per worker")
	seed := flag.Uint64("seed", 1, "search seed")
	searcher := flag.String("searcher", "random", "random or tpe")
	cpuprofile := flag.String("cpuprofile", "", "write the driver's CPU profile to this file")
	sched := flag.String("scheduler", "fifo", "fifo or asha")
	grace := flag.Int("grace", 5, "ASHA grace period (rounds)")
	reduction := flag.Float64("reduction", 3, "ASHA reduction factor")
	concurrent := flag.Int("concurrent", 0, "trials at a time (0: tune's default, two per CPU of the workers)")
	points := flag.String("points", "", "JSON list of {eta, max_depth} to evaluate, one trial each, instead of -searcher")
	writePts := flag.String("write-points", "", "draw -samples configurations from the seed's space with -seed, write them to this file and exit")
	flag.Parse()
	if *writePts != "" {
		if err := writePoints(*writePts, *samples, *seed); err != nil {
			fmt.Fprintln(os.Stderr, "bench/tune/ours:", err)
			os.Exit(1)
		}
		return
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench/tune/ours:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	b := bench{dir: *dir, out: *out, samples: *samples, rounds: *rounds, workers: *workers, cpus: *cpus,
		seed: *seed, searcher: *searcher, scheduler: *sched, grace: *grace, reduction: *reduction,
		concurrent: *concurrent, points: *points}
	if err := b.run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "bench/tune/ours:", err)
		os.Exit(1)
	}
}

// bench is one benchmark run's settings.
type bench struct {
	dir, out                       string
	samples, rounds, workers, cpus int
	seed                           uint64
	searcher, scheduler, points    string
	grace, concurrent              int
	reduction                      float64
}

func (b bench) run(ctx context.Context) error {
	dir, out, samples, rounds, workers, cpus, seed, searcher := b.dir, b.out, b.samples, b.rounds, b.workers, b.cpus, b.seed, b.searcher
	if dir == "" || out == "" {
		return fmt.Errorf("give -data and -out")
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists: a fresh directory keeps the run from resuming an earlier one", out)
	}
	space := tune.SeedSpace()
	var s tune.Searcher
	var err error
	switch {
	case b.points != "":
		var cs []tune.Config
		if cs, err = readPoints(b.points); err == nil {
			var p *tune.Points
			p, err = tune.NewPoints(cs)
			s, samples, searcher = p, len(cs), "points"
		}
	case searcher == "random":
		s, err = tune.NewRandomSearch(space, samples, seed)
	case searcher == "tpe":
		s, err = tune.NewTPE(space, samples, seed)
	default:
		err = fmt.Errorf("-searcher %q: give random or tpe", searcher)
	}
	if err != nil {
		return err
	}
	var sched tune.Scheduler = tune.FIFO{}
	switch b.scheduler {
	case "fifo":
	case "asha":
		a, err := tune.NewASHA(b.grace, b.reduction, rounds)
		if err != nil {
			return err
		}
		sched = a
	default:
		return fmt.Errorf("-scheduler %q: give fifo or asha", b.scheduler)
	}
	start := time.Now()
	cl, err := cluster.Connect(ctx, cluster.Config{Spawn: workers, CPUsPerWorker: cpus})
	if err != nil {
		return err
	}
	defer cl.Close()
	opts := data.Options{Label: "credit", BinaryLabel: true}
	for _, set := range []struct{ name, pattern string }{{gbdt.TrainSet, "train_data_*.csv"}, {"val", "validation_data_*.csv"}} {
		if err := cl.LoadGlob(ctx, set.name, filepath.Join(dir, set.pattern), opts); err != nil {
			return err
		}
	}
	loaded := time.Since(start)
	p := gbdt.DefaultParams()
	p.NumBoostRound = rounds
	p.EvalMetric = []string{"logloss", "error"}
	res, err := tune.Run(ctx, cl.Holders(), tune.Options{Space: space, Samples: samples, Seed: seed, Searcher: s,
		Base: p, Dir: out, CPUs: workers * cpus, MaxConcurrent: b.concurrent, Scheduler: sched})
	if err != nil {
		return err
	}
	wall := time.Since(start)
	fmt.Fprint(os.Stderr, res.String())
	var per []map[string]any
	for _, t := range res.Trials {
		per = append(per, map[string]any{"eta": t.Config["eta"], "max_depth": t.Config["max_depth"],
			"rounds": t.Rounds, "val_error": t.Last("val-error")})
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"impl": "gotrain", "searcher": searcher, "scheduler": b.scheduler, "seed": seed, "trials": len(res.Trials),
		"seconds": wall.Seconds(), "load_seconds": loaded.Seconds(),
		"best_val_error": res.Best.Last("val-error"), "best": res.Best.Config, "per_trial": per,
	})
}
