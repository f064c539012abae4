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
	"strconv"
	"strings"
	"syscall"
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
	prof := flag.String("cpuprofile", "", "write the driver's CPU profile of each cluster training to this path plus .<workers>")
	repeat := flag.Int("repeat", 1, "run the three configurations this many times, interleaved")
	configs := flag.String("configs", "0,1,2", "which configurations to run: 0 in process, n on n workers")
	flag.Parse()
	var cs []int
	for _, f := range strings.Split(*configs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			fmt.Fprintf(os.Stderr, "bench/cluster: -configs %q: want worker counts like 0,1,2 (0: in process)\n", *configs)
			os.Exit(2)
		}
		cs = append(cs, n)
	}
	if err := run(context.Background(), *dir, *shards, *rows, *rounds, *depth, *bin, *prof, *repeat, cs); err != nil {
		fmt.Fprintln(os.Stderr, "bench/cluster:", err)
		os.Exit(1)
	}
}

// outcome is one configuration's result.
type outcome struct {
	name    string
	seconds float64
	cpu     float64 // CPU seconds of the driver and its workers
	driver  float64 // CPU seconds of the driver alone
	maxW    float64 // CPU seconds of the busiest worker
	load    string  // /proc/loadavg's 1-minute figure when the run started
	model   []byte
	perTree float64 // bytes on the wire per tree (cluster runs)
	estTree float64 // gbdt's protobuf-size estimate per tree
}

func run(ctx context.Context, dir string, shards, rows, rounds, depth int, bin, prof string, repeat int, configs []int) error {
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
	for range max(repeat, 1) {
		for _, n := range configs {
			var out outcome
			var err error
			if n == 0 {
				out, err = inProcess(ctx, p, files, o)
			} else {
				out, err = onWorkers(ctx, p, files, o, n, bin, prof)
			}
			if err != nil {
				return err
			}
			outs = append(outs, out)
		}
	}
	fmt.Println()
	fmt.Println("| run | load avg at start | train time | CPU time (driver + workers) | bytes/tree (wire) | bytes/tree (protobuf est.) | same model |")
	fmt.Println("|-----|-----:|-----------:|------:|------------------:|---------------------------:|:----------:|")
	for _, r := range outs {
		fmt.Printf("| %s | %s | %.2f s | %.2f s | %s | %s | %v |\n", r.name, r.load, r.seconds, r.cpu,
			kb(r.perTree), kb(r.estTree), bytes.Equal(r.model, outs[0].model))
	}
	if len(configs) != 3 || configs[0] != 0 || configs[1] != 1 || configs[2] != 2 {
		return nil
	}
	for k := 0; k+2 < len(outs); k += 3 {
		in, one, two := outs[k], outs[k+1], outs[k+2]
		fmt.Printf("\nround %d: 1 worker / in-process: time %.3f, CPU %.3f (goal ≤ 1.15)\n", k/3+1, one.seconds/in.seconds, one.cpu/in.cpu)
		fmt.Printf("round %d: speed-up of 2 workers over 1: time %.2f×; on idle cores (CPU of driver + busiest worker) %.2f× (goal ≥ 1.8, issue 16)\n",
			k/3+1, one.seconds/two.seconds, (one.driver+one.maxW)/(two.driver+two.maxW))
	}
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
	load := loadAvg()
	cpu0 := cpuSeconds(syscall.RUSAGE_SELF)
	start := time.Now()
	res, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, gbdt.Options{Evals: []string{gbdt.TrainSet}, FeatureNames: parts[0].Names})
	if err != nil {
		return outcome{}, err
	}
	sec := time.Since(start).Seconds()
	cpu := cpuSeconds(syscall.RUSAGE_SELF) - cpu0
	fmt.Printf("in-process, nthread 1: %.2f s, CPU %.2f s\n", sec, cpu)
	return outcome{name: "in-process, nthread 1", seconds: sec, cpu: cpu, load: load, model: save(res.Model)}, nil
}

// onWorkers trains on n spawned workers of one CPU each; with prof set,
// it writes the driver's CPU profile of the training to prof.<n>.
func onWorkers(ctx context.Context, p gbdt.Params, files []string, o data.Options, n int, bin, prof string) (outcome, error) {
	c, err := cluster.Connect(ctx, cluster.Config{Spawn: n, CPUsPerWorker: 1, Binary: bin})
	if err != nil {
		return outcome{}, err
	}
	defer c.Close()
	if err := c.LoadFiles(ctx, gbdt.TrainSet, files, o); err != nil {
		return outcome{}, err
	}
	before := traffic(c.Status(ctx))
	load := loadAvg()
	cpu0 := cpuSeconds(syscall.RUSAGE_SELF)
	busy0 := workerCPU(c)
	if prof != "" {
		f, err := os.Create(fmt.Sprintf("%s.%d", prof, n))
		if err != nil {
			return outcome{}, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return outcome{}, err
		}
	}
	start := time.Now()
	res, err := c.Train(ctx, p, gbdt.Options{Evals: []string{gbdt.TrainSet}})
	if prof != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return outcome{}, err
	}
	sec := time.Since(start).Seconds()
	driver := cpuSeconds(syscall.RUSAGE_SELF) - cpu0
	busy1 := workerCPU(c)
	var sum, maxW float64
	for i := range busy1 {
		sum += busy1[i] - busy0[i]
		maxW = max(maxW, busy1[i]-busy0[i])
	}
	cpu := driver + sum
	wire := traffic(c.Status(ctx)) - before
	name := fmt.Sprintf("%d worker(s) × 1 CPU", n)
	fmt.Printf("%s: %.2f s, CPU %.2f s (driver %.2f s, busiest worker %.2f s)\n", name, sec, cpu, driver, maxW)
	trees := float64(len(res.Model.Trees))
	return outcome{name: name, seconds: sec, cpu: cpu, driver: driver, maxW: maxW, load: load, model: save(res.Model), perTree: float64(wire) / trees, estTree: res.Traffic.PerTree()}, nil
}

// cpuSeconds returns the user+system CPU time of who.
func cpuSeconds(who int) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// workerCPU returns the CPU time of each of c's worker processes, from
// /proc.
func workerCPU(c *cluster.Cluster) []float64 {
	var out []float64
	for _, w := range c.Status(context.Background()).Workers {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", w.PID))
		if err != nil {
			out = append(out, 0)
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		// utime and stime are fields 14 and 15 of stat (11 and 12 here).
		u, _ := strconv.ParseFloat(f[11], 64)
		k, _ := strconv.ParseFloat(f[12], 64)
		out = append(out, (u+k)/100) // clock ticks (USER_HZ = 100 on Linux)
	}
	return out
}

// loadAvg returns the 1-minute load average.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
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
