// Command tpesim compares tune's searchers on a lookup of the credit
// task's val-error, many seeds in seconds: it trains once per point of a
// grid over the seed space (25 log-spaced eta values in [0.003, 0.3] × max_depth
// 2..6, 50 rounds, in process), saves the grid, and then runs random
// search and TPE against the grid (val-error linear in log eta between
// grid points) for each seed, two trials at a time as the benchmark runs
// them (the searcher sees a trial's score when it ends). It prints the
// mean best val-error of each and how often TPE wins. bench/tune/run.sh's
// SEARCHERS mode checks the result with real tuning runs.
//
//	go run ./bench/tune/tpesim -data /tmp/gotrain-tune-bench-10000/shards -grid /tmp/grid.txt
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// steps is the number of eta grid intervals.
const steps = 24

// grid holds val-error by max_depth and eta step.
type grid map[int][steps + 1]float64

func main() {
	dir := flag.String("data", "", "folder of train_data_*.csv and validation_data_*.csv, to compute the grid")
	file := flag.String("grid", "", "grid file: read when it exists, else computed from -data and written")
	seeds := flag.Int("seeds", 500, "seeds to compare")
	samples := flag.Int("samples", 10, "trials per run")
	conc := flag.Int("concurrent", 2, "trials at a time")
	flag.Parse()
	if err := run(*dir, *file, *seeds, *samples, *conc); err != nil {
		fmt.Fprintln(os.Stderr, "tpesim:", err)
		os.Exit(1)
	}
}

func run(dir, file string, seeds, samples, conc int) error {
	if file == "" {
		return fmt.Errorf("give -grid")
	}
	g, err := readGrid(file)
	if os.IsNotExist(err) {
		if g, err = computeGrid(dir); err == nil {
			err = writeGrid(file, g)
		}
	}
	if err != nil {
		return err
	}
	var sumR, sumT float64
	wins := 0
	for seed := 1; seed <= seeds; seed++ {
		r, err := tune.NewRandomSearch(tune.SeedSpace(), samples, uint64(seed))
		if err != nil {
			return err
		}
		t, err := tune.NewTPE(tune.SeedSpace(), samples, uint64(seed))
		if err != nil {
			return err
		}
		a, b := g.search(r, samples, conc), g.search(t, samples, conc)
		sumR += a
		sumT += b
		if b < a {
			wins++
		}
	}
	fmt.Printf("%d seeds, %d trials, %d at a time: mean best val-error random %.5f, TPE %.5f; TPE better on %d seeds\n",
		seeds, samples, conc, sumR/float64(seeds), sumT/float64(seeds), wins)
	return nil
}

// value is the val-error of c, linear in log eta between grid points.
func (g grid) value(c tune.Config) float64 {
	row := g[c["max_depth"].(int)]
	u := (math.Log(c["eta"].(float64)) - math.Log(0.003)) / (math.Log(0.3) - math.Log(0.003)) * steps
	k := min(steps-1, max(0, int(math.Floor(u))))
	f := u - float64(k)
	return row[k]*(1-f) + row[k+1]*f
}

// search runs one search of samples trials, conc at a time, ending in
// index order, and returns the best value.
func (g grid) search(s tune.Searcher, samples, conc int) float64 {
	best := math.Inf(1)
	var running []int
	cfgs := map[int]tune.Config{}
	next := 0
	launch := func() {
		for len(running) < conc && next < samples {
			c, _ := s.Suggest(next)
			cfgs[next] = c
			running = append(running, next)
			next++
		}
	}
	launch()
	for len(running) > 0 {
		i := running[0]
		running = running[1:]
		v := g.value(cfgs[i])
		s.Observe(i, cfgs[i], v)
		best = min(best, v)
		launch()
	}
	return best
}

func computeGrid(dir string) (grid, error) {
	if dir == "" {
		return nil, fmt.Errorf("no grid file yet: give -data to compute it")
	}
	ctx := context.Background()
	opts := data.Options{Label: "credit", BinaryLabel: true}
	var shards []gbdt.Shard
	for _, set := range []struct{ name, pattern string }{{gbdt.TrainSet, "train_data_*.csv"}, {"val", "validation_data_*.csv"}} {
		files, err := filepath.Glob(filepath.Join(dir, set.pattern))
		if err != nil || len(files) == 0 {
			return nil, fmt.Errorf("no %s in %s", set.pattern, dir)
		}
		for i, f := range files {
			d, err := data.LoadFile(ctx, f, opts)
			if err != nil {
				return nil, err
			}
			shards = append(shards, gbdt.Shard{Set: set.name, Index: i, Data: d})
		}
	}
	h, err := gbdt.NewLocalHolder(shards, 0)
	if err != nil {
		return nil, err
	}
	g := grid{}
	for depth := 2; depth <= 6; depth++ {
		var row [steps + 1]float64
		for k := range row {
			p := gbdt.DefaultParams()
			p.NumBoostRound, p.MaxDepth = 50, depth
			p.Eta = math.Exp(math.Log(0.003) + float64(k)/steps*(math.Log(0.3)-math.Log(0.003)))
			p.EvalMetric = []string{"logloss", "error"}
			res, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, gbdt.Options{Evals: []string{"val"}})
			if err != nil {
				return nil, err
			}
			e := res.History["val"]["error"]
			row[k] = e[len(e)-1]
		}
		g[depth] = row
	}
	return g, nil
}

func writeGrid(file string, g grid) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	for depth := 2; depth <= 6; depth++ {
		for k, v := range g[depth] {
			fmt.Fprintf(f, "%d %d %.6f\n", depth, k, v)
		}
	}
	return f.Close()
}

func readGrid(file string) (grid, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g := grid{}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var depth, k int
		var v float64
		if _, err := fmt.Sscan(sc.Text(), &depth, &k, &v); err != nil || k < 0 || k > steps || depth < 2 || depth > 6 {
			return nil, fmt.Errorf("%s line %d: want \"depth step val-error\" (depth 2..6, step 0..%d): %q", file, n+1, steps, sc.Text())
		}
		row := g[depth]
		row[k] = v
		g[depth] = row
		n++
	}
	if n != 5*(steps+1) {
		return nil, fmt.Errorf("%s has %d grid points, want %d; delete it to recompute", file, n, 5*(steps+1))
	}
	return g, sc.Err()
}
