package cluster

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/gbdt/gbdttest"
)

func TestLoadGlobDealsFilesLikeXGBoostRay(t *testing.T) {
	dir := t.TempDir()
	train := writeShards(t, dir, "train_data_", 5, 100, 3, 7)
	writeShards(t, dir, "validation_data_", 1, 50, 3, 8)
	c := connectLocal(t, Config{Spawn: 2})
	ctx := context.Background()
	o := data.Options{Label: "label", BinaryLabel: true}
	if err := c.LoadGlob(ctx, gbdt.TrainSet, filepath.Join(dir, "train_data_*.csv"), o); err != nil {
		t.Fatal(err)
	}
	// Group r holds files r, r+2, r+4 (natural order), as shards of
	// those indexes.
	for g, want := range [][]int{{0, 2, 4}, {1, 3}} {
		infos, err := c.groups[g].Shards(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, s := range infos {
			got = append(got, s.Index)
		}
		if len(got) != len(want) || got[0] != want[0] || got[len(got)-1] != want[len(want)-1] {
			t.Fatalf("group %d holds shards %v, want %v (files %v)", g, got, want, train)
		}
	}
	err := c.LoadGlob(ctx, "val", filepath.Join(dir, "validation_data_*.csv"), o)
	mustFail(t, err, "1 val file(s) for 2 workers", "at least 2 files")
	err = c.LoadGlob(ctx, "val", filepath.Join(dir, "nothing_*.csv"), o)
	mustFail(t, err, "no file matches")
	err = c.LoadFiles(ctx, "val", []string{filepath.Join(dir, "absent_0.csv"), filepath.Join(dir, "absent_1.csv")}, o)
	mustFail(t, err, "absent_")
	st := c.Status(ctx)
	if st.Workers[0].Shards != 3 || st.Workers[1].Shards != 2 || st.Workers[0].Rows != 300 {
		t.Fatalf("status after loading:\n%s", st)
	}
	for _, s := range []string{st.String(), st.HTML()} {
		for _, w := range []string{st.Workers[0].Address, "idle", "300"} {
			if !strings.Contains(s, w) {
				t.Fatalf("status %q lacks %q", s, w)
			}
		}
	}
	if !strings.Contains(st.HTML(), "<table") {
		t.Fatal("HTML status is not a table")
	}
}

func TestBadCSVErrorNamesFileLineColumn(t *testing.T) {
	dir := t.TempDir()
	train := writeShards(t, dir, "train_", 2, 50, 3, 9)
	bad := filepath.Join(dir, "bad.csv")
	writeFile(t, bad, "f0,f1,f2,label\n1,2,3,1\n1,oops,3,0\n")
	c := connectLocal(t, Config{Spawn: 2})
	err := c.LoadFiles(context.Background(), gbdt.TrainSet, []string{train[0], bad}, data.Options{Label: "label", BinaryLabel: true})
	mustFail(t, err, "bad.csv:3:3", "oops")
}

func TestSendDatasetFromDriver(t *testing.T) {
	dir := t.TempDir()
	train := writeShards(t, dir, "train_", 1, 1200, 4, 10)
	ctx := context.Background()
	d, err := data.LoadFile(ctx, train[0], data.Options{Label: "label", BinaryLabel: true})
	if err != nil {
		t.Fatal(err)
	}
	p := testParams(4)
	p.EvalMetric = []string{"logloss"}
	// In process: the same 4 consecutive shards in one holder.
	var shards []gbdt.Shard
	for r := 0; r < 4; r++ {
		idx := make([]int, 0, 300)
		for i := r * 300; i < (r+1)*300; i++ {
			idx = append(idx, i)
		}
		shards = append(shards, gbdt.Shard{Set: gbdt.TrainSet, Index: r, Data: d.Subset(idx)})
	}
	h, err := gbdt.NewLocalHolder(shards, 1)
	if err != nil {
		t.Fatal(err)
	}
	want, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, gbdt.Options{Evals: []string{gbdt.TrainSet}, FeatureNames: d.Names})
	if err != nil {
		t.Fatal(err)
	}
	c := connectLocal(t, Config{Spawn: 3})
	mustFail(t, c.SendDataset(ctx, gbdt.TrainSet, d, 2), "2 shard(s) for 3 workers")
	if err := c.SendDataset(ctx, gbdt.TrainSet, d, 4); err != nil {
		t.Fatal(err)
	}
	got, err := c.Train(ctx, p, gbdt.Options{Evals: []string{gbdt.TrainSet}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gbdttest.ModelBytes(t, got.Model), gbdttest.ModelBytes(t, want.Model)) {
		t.Fatal("model from data sent by the driver differs from in-process training")
	}
}
