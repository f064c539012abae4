package cluster

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// testBin is the worker program the tests spawn: $GOTRAIN_BIN (the real
// gotrain) when set, otherwise internal/workerbin (the same
// cluster.WorkerCommand without the kernel), built once by TestMain.
var (
	testBin string
)

func TestMain(m *testing.M) {
	if os.Getenv(driverEnv) != "" {
		os.Exit(actAsDriver())
	}
	dir, err := os.MkdirTemp("", "cluster-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	testBin = filepath.Join(dir, "gotrain")
	if b := os.Getenv(BinEnv); b != "" {
		testBin = b
	} else {
		cmd := exec.Command("go", "build", "-o", testBin, "github.com/gotrain/gotrain/trainlib/cluster/internal/workerbin")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "build gotrain:", err)
			os.Exit(1)
		}
	}
	code := m.Run()
	if code == 0 {
		if left := livePIDs(); len(left) > 0 {
			fmt.Fprintf(os.Stderr, "worker processes left after the tests: %v\n", left)
			code = 1
		}
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// pids records every worker PID a test saw.
var pids = map[int]bool{}

// livePIDs returns the recorded PIDs that still run (zombies excluded).
func livePIDs() []int {
	var out []int
	for pid := range pids {
		if syscall.Kill(pid, 0) != nil {
			continue
		}
		st, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err == nil && strings.Contains(string(st), ") Z ") {
			continue
		}
		out = append(out, pid)
	}
	return out
}

// binaryOptions load the shards writeShards writes.
var binaryOptions = data.Options{Label: "label", BinaryLabel: true}

// writeShards writes n CSV shards of a seeded synthetic binary problem
// (rows each, nf features, some values missing) and returns their paths.
func writeShards(t *testing.T, dir, prefix string, n, rows, nf int, seed uint64) []string {
	t.Helper()
	return writeLabeled(t, dir, prefix, n, rows, nf, seed, func(z float64) string {
		if z > 0 {
			return "1"
		}
		return "0"
	})
}

// writeLabeled is writeShards with each row's label made by label from
// the row's noisy score z (standard deviation about sqrt(nf/3+1)).
func writeLabeled(t *testing.T, dir, prefix string, n, rows, nf int, seed uint64, label func(z float64) string) []string {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	var paths []string
	for s := 0; s < n; s++ {
		var b bytes.Buffer
		for f := 0; f < nf; f++ {
			fmt.Fprintf(&b, "f%d,", f)
		}
		b.WriteString("label\n")
		for r := 0; r < rows; r++ {
			score := 0.0
			for f := 0; f < nf; f++ {
				v := rng.NormFloat64()
				score += v * float64(f%3-1)
				if rng.IntN(20) == 0 {
					b.WriteString(",")
					continue
				}
				fmt.Fprintf(&b, "%.4f,", v)
			}
			b.WriteString(label(score + rng.NormFloat64()))
			b.WriteString("\n")
		}
		p := filepath.Join(dir, fmt.Sprintf("%s%d.csv", prefix, s))
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// testParams are small, fast, and exercise sampling and every metric.
func testParams(rounds int) gbdt.Params {
	p := gbdt.DefaultParams()
	p.NumBoostRound = rounds
	p.MaxDepth = 4
	p.Subsample = 0.8
	p.Seed = 5
	p.NThread = 1
	p.EvalMetric = []string{"auc", "logloss", "error"}
	return p
}

// inProcess trains on the same shard lists in this process.
func inProcess(t *testing.T, p gbdt.Params, train, val []string) *gbdt.Result {
	t.Helper()
	return inProcessWith(t, p, binaryOptions, train, val)
}

// inProcessWith is inProcess loading the files with o.
func inProcessWith(t *testing.T, p gbdt.Params, o data.Options, train, val []string) *gbdt.Result {
	t.Helper()
	ctx := context.Background()
	var shards []gbdt.Shard
	var names []string
	for _, set := range []struct {
		name  string
		files []string
	}{{gbdt.TrainSet, train}, {"val", val}} {
		for i, f := range set.files {
			d, err := data.LoadFile(ctx, f, o)
			if err != nil {
				t.Fatal(err)
			}
			names = d.Names
			shards = append(shards, gbdt.Shard{Set: set.name, Index: i, Data: d})
		}
	}
	h, err := gbdt.NewLocalHolder(shards, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}, FeatureNames: names})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// connectLocal spawns n workers for the test and closes them at its end.
func connectLocal(t *testing.T, cfg Config) *Cluster {
	t.Helper()
	cfg.Binary = testBin
	if cfg.HangTimeout == 0 {
		cfg.HangTimeout = 3 * time.Second
	}
	c, err := Connect(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	recordPIDs(c)
	return c
}

// recordPIDs notes the PIDs of c's workers.
func recordPIDs(c *Cluster) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, w := range c.workers {
		pids[w.pid] = true
	}
}

// trainCluster loads the shards into c and trains.
func trainCluster(ctx context.Context, c *Cluster, p gbdt.Params, train, val []string) (*gbdt.Result, error) {
	o := data.Options{Label: "label", BinaryLabel: true}
	if err := c.LoadFiles(ctx, gbdt.TrainSet, train, o); err != nil {
		return nil, err
	}
	if err := c.LoadFiles(ctx, "val", val, o); err != nil {
		return nil, err
	}
	return c.Train(ctx, p, gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}})
}

// connectRemote starts n workers with a shared secret as if started
// elsewhere and connects to them by address.
func connectRemote(t *testing.T, n int, cfg Config) *Cluster {
	t.Helper()
	secret, err := NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	for range n {
		p, addr := startWorker(t, secret)
		pids[p.pid()] = true
		cfg.Addresses = append(cfg.Addresses, addr)
	}
	cfg.Secret = secret
	c, err := Connect(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// startWorker starts one worker process with secret, killed at the test's
// end.
func startWorker(t *testing.T, secret string, extra ...string) (*process, string) {
	t.Helper()
	p, addr, err := spawnArgs(context.Background(), testBin, secret, append([]string{"--lease", "1m"}, extra...))
	if err != nil {
		t.Fatal(err)
	}
	pids[p.pid()] = true
	t.Cleanup(p.kill)
	return p, addr
}

// badData claims more rows than it has values.
var badData = data.Dataset{Matrix: data.Matrix{Rows: 1000, Cols: 3, Values: []float32{1, 2}}}

// writeFile writes s to path.
func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// stopProcess sends SIGSTOP to pid and waits until every thread of it is
// stopped: kill returns when the signal is queued, and a loopback call can
// finish before a busy machine gets round to stopping the target.
func stopProcess(t *testing.T, pid int) {
	t.Helper()
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !allThreadsStopped(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("process %d not stopped 10s after SIGSTOP", pid)
		}
		time.Sleep(time.Millisecond)
	}
}

// allThreadsStopped reports whether /proc shows every thread of pid in
// state T (stopped).
func allThreadsStopped(pid int) bool {
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/stat", pid))
	if err != nil || len(tasks) == 0 {
		return false
	}
	for _, f := range tasks {
		b, err := os.ReadFile(f)
		if err != nil {
			return false
		}
		// The state follows the command name's closing parenthesis.
		i := bytes.LastIndexByte(b, ')')
		if i < 0 || i+2 >= len(b) || b[i+2] != 'T' {
			return false
		}
	}
	return true
}
