// Command cluster benchmarks training across worker processes against
// in-process training on the same shards: German-credit-shaped data (61
// features) from trainlib/datagen, 8 shards × 100,000 rows by default, 50
// rounds of depth 6, in process with one thread, then on 1 worker × 1 CPU
// and 2 workers × 1 CPU. It prints the training time of each, the ratios
// the goals are stated in, the bytes exchanged per tree, and whether the
// three models are identical. Run it with bench/cluster/run.sh.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/datagen"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/model"
)

func main() {
	dir := flag.String("dir", filepath.Join(os.TempDir(), "gotrain-bench-cluster"), "data directory (generated when absent)")
	shards := flag.Int("shards", 8, "training shards")
	rows := flag.Int("rows", 100_000, "rows per shard")
	rounds := flag.Int("rounds", 50, "boosting rounds")
	depth := flag.Int("depth", 6, "max_depth")
	bin := flag.String("bin", os.Getenv(cluster.BinEnv), "gotrain binary for the workers")
	prof := flag.String("cpuprofile", "", "write the driver's CPU profile of the cluster runs here")
	flag.Parse()
	if err := run(context.Background(), *dir, *shards, *rows, *rounds, *depth, *bin, *prof); err != nil {
		fmt.Fprintln(os.Stderr, "bench/cluster:", err)
		os.Exit(1)
	}
}

// outcome is one configuration's result.
type outcome struct {
	name    string
	seconds float64
	model   []byte
	perTree float64 // bytes on the wire per tree (cluster runs)
	estTree float64 // gbdt's protobuf-size estimate per tree
}

func run(ctx context.Context, dir string, shards, rows, rounds, depth int, bin, prof string) error {
	files, err := ensureData(ctx, dir, shards, rows)
	if err != nil {
		return err
	}
	p := gbdt.DefaultParams()
	p.NumBoostRound, p.MaxDepth, p.NThread, p.Seed = rounds, depth, 1, 1
	p.EvalMetric = []string{"logloss"}
	o := data.Options{Label: "credit", BinaryLabel: true}
	fmt.Printf("data: %d shards × %d rows in %s; %d rounds, max_depth %d\n", shards, rows, dir, rounds, depth)

	var outs []outcome
	in, err := inProcess(ctx, p, files, o)
	if err != nil {
		return err
	}
	outs = append(outs, in)
	if prof != "" {
		f, err := os.Create(prof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	for _, n := range []int{1, 2} {
		out, err := onWorkers(ctx, p, files, o, n, bin)
		if err != nil {
			return err
		}
		outs = append(outs, out)
	}
	fmt.Println()
	fmt.Println("| run | train time | vs in-process | bytes/tree (wire) | bytes/tree (protobuf est.) | same model |")
	fmt.Println("|-----|-----------:|--------------:|------------------:|---------------------------:|:----------:|")
	for _, r := range outs {
		fmt.Printf("| %s | %.2f s | %.2f× | %s | %s | %v |\n", r.name, r.seconds, r.seconds/outs[0].seconds,
			kb(r.perTree), kb(r.estTree), bytes.Equal(r.model, outs[0].model))
	}
	fmt.Printf("\n1 worker / in-process: %.3f (goal ≤ 1.15)\n", outs[1].seconds/outs[0].seconds)
	fmt.Printf("speed-up of 2 workers over 1: %.2f× (goal ≥ 1.7)\n", outs[1].seconds/outs[2].seconds)
	return nil
}

func kb(b float64) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f KiB", b/1024)
}

// ensureData generates the shards unless they exist.
func ensureData(ctx context.Context, dir string, shards, rows int) ([]string, error) {
	files := make([]string, shards)
	missing := false
	for i := range files {
		files[i] = filepath.Join(dir, fmt.Sprintf("train_data_%d.csv", i))
		if _, err := os.Stat(files[i]); err != nil {
			missing = true
		}
	}
	if !missing {
		return files, nil
	}
	start := time.Now()
	_, err := datagen.Generate(ctx, datagen.Config{Dir: dir, Seed: 1, TrainShards: shards, ValidationShards: 1,
		RowsPerShard: rows, Force: true})
	if err != nil {
		return nil, err
	}
	fmt.Printf("generated %d shards in %v\n", shards, time.Since(start).Round(time.Millisecond))
	return files, nil
}

// inProcess trains with one LocalHolder and one thread.
func inProcess(ctx context.Context, p gbdt.Params, files []string, o data.Options) (outcome, error) {
	parts, _, err := data.LoadFiles(ctx, files, o)
	if err != nil {
		return outcome{}, err
	}
	var shards []gbdt.Shard
	for i, d := range parts {
		shards = append(shards, gbdt.Shard{Set: gbdt.TrainSet, Index: i, Data: d})
	}
	h, err := gbdt.NewLocalHolder(shards, 1)
	if err != nil {
		return outcome{}, err
	}
	start := time.Now()
	res, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, gbdt.Options{Evals: []string{gbdt.TrainSet}, FeatureNames: parts[0].Names})
	if err != nil {
		return outcome{}, err
	}
	sec := time.Since(start).Seconds()
	fmt.Printf("in-process, nthread 1: %.2f s\n", sec)
	return outcome{name: "in-process, nthread 1", seconds: sec, model: save(res.Model)}, nil
}

// onWorkers trains on n spawned workers of one CPU each.
func onWorkers(ctx context.Context, p gbdt.Params, files []string, o data.Options, n int, bin string) (outcome, error) {
	c, err := cluster.Connect(ctx, cluster.Config{Workers: n, CPUsPerWorker: 1, Binary: bin})
	if err != nil {
		return outcome{}, err
	}
	defer c.Close()
	if err := c.LoadFiles(ctx, gbdt.TrainSet, files, o); err != nil {
		return outcome{}, err
	}
	before := traffic(c.Status(ctx))
	start := time.Now()
	res, err := c.Train(ctx, p, gbdt.Options{Evals: []string{gbdt.TrainSet}})
	if err != nil {
		return outcome{}, err
	}
	sec := time.Since(start).Seconds()
	wire := traffic(c.Status(ctx)) - before
	name := fmt.Sprintf("%d worker(s) × 1 CPU", n)
	fmt.Printf("%s: %.2f s\n", name, sec)
	trees := float64(len(res.Model.Trees))
	return outcome{name: name, seconds: sec, model: save(res.Model), perTree: float64(wire) / trees, estTree: res.Traffic.PerTree()}, nil
}

// traffic sums the payload bytes the driver sent and received.
func traffic(s cluster.Status) int64 {
	var n int64
	for _, w := range s.Workers {
		n += w.BytesSent + w.BytesReceived
	}
	return n
}

// save returns m as XGBoost JSON bytes.
func save(m *model.Model) []byte {
	f, err := os.CreateTemp("", "bench-model-*.json")
	if err != nil {
		panic(err)
	}
	f.Close()
	defer os.Remove(f.Name())
	if err := m.Save(f.Name()); err != nil {
		panic(err)
	}
	b, _ := os.ReadFile(f.Name())
	return b
}
