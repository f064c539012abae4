package tune

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/gbdt/gbdttest"
)

// Training continuation on two spawned worker processes: 3 rounds
// continued for 4 more give, byte for byte, the model of 7 rounds in one
// go there and in process, with rows and columns sampled (what a resumed
// tuning trial relies on when its holders are a cluster).
func TestContinueOnWorkerProcesses(t *testing.T) {
	t.Setenv(cluster.BinEnv, workerBinary(t))
	dir := t.TempDir()
	train := writeCSVShards(t, dir, "train", 3, 900, 1)
	val := writeCSVShards(t, dir, "val", 2, 300, 2)
	ctx := context.Background()
	cl, err := cluster.Connect(ctx, cluster.Config{Spawn: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	opts := data.Options{Label: "y", BinaryLabel: true}
	for _, set := range []string{gbdt.TrainSet, "val"} {
		if err := cl.LoadGlob(ctx, set, filepath.Join(dir, set+"_*.csv"), opts); err != nil {
			t.Fatal(err)
		}
	}
	params := func(rounds int) gbdt.Params {
		p := gbdt.DefaultParams()
		p.NumBoostRound, p.Subsample, p.ColsampleTree, p.Seed = rounds, 0.8, 0.8, 9
		p.EvalMetric = []string{"error"}
		return p
	}
	opt := gbdt.Options{Evals: []string{"val"}}
	full, err := gbdt.Train(ctx, params(7), cl.Holders(), opt)
	if err != nil {
		t.Fatal(err)
	}
	part, err := gbdt.Train(ctx, params(3), cl.Holders(), opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.InitModel = part.Model
	rest, err := gbdt.Train(ctx, params(4), cl.Holders(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gbdttest.ModelBytes(t, rest.Model), gbdttest.ModelBytes(t, full.Model)) {
		t.Fatal("on two workers, 3 rounds continued for 4 differ from 7 rounds in one go")
	}
	var shards []gbdt.Shard
	for set, paths := range map[string][]string{gbdt.TrainSet: train, "val": val} {
		for i, p := range paths {
			d, err := data.LoadFile(ctx, p, opts)
			if err != nil {
				t.Fatal(err)
			}
			shards = append(shards, gbdt.Shard{Set: set, Index: i, Data: d})
		}
	}
	h, err := gbdt.NewLocalHolder(shards, 2)
	if err != nil {
		t.Fatal(err)
	}
	local, err := gbdt.Train(ctx, params(7), []gbdt.Holder{h}, gbdt.Options{Evals: []string{"val"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gbdttest.ModelBytes(t, rest.Model), gbdttest.ModelBytes(t, local.Model)) {
		t.Fatal("the model continued on two workers differs from 7 rounds in process")
	}
}

// workerBinary returns $GOTRAIN_BIN or a `gotrain worker` built from
// the cluster package's workerbin (the same code without the kernel).
func workerBinary(t *testing.T) string {
	if b := os.Getenv(cluster.BinEnv); b != "" {
		return b
	}
	bin := filepath.Join(t.TempDir(), "gotrain")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/gotrain/gotrain/trainlib/cluster/internal/workerbin")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build the worker: %v\n%s", err, out)
	}
	return bin
}

// writeCSVShards writes n seeded CSV shards of rows rows (6 features,
// label y) named <prefix>_<i>.csv and returns their paths in order.
func writeCSVShards(t *testing.T, dir, prefix string, n, rows int, seed uint64) []string {
	var paths []string
	for i := range n {
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		var b strings.Builder
		b.WriteString("a,b,c,d,e,f,y\n")
		for range rows {
			x := make([]float64, 6)
			for j := range x {
				x[j] = r.NormFloat64()
				fmt.Fprintf(&b, "%.5f,", x[j])
			}
			y := 0
			if x[0]+0.7*x[1]*x[2]+0.8*r.NormFloat64() > 0 {
				y = 1
			}
			fmt.Fprintf(&b, "%d\n", y)
		}
		p := filepath.Join(dir, fmt.Sprintf("%s_%d.csv", prefix, i))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}
