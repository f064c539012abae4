package datagen

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

// small is a quick configuration: 3 training and 2 validation shards of 400
// rows.
func small(dir string, seed uint64) Config {
	return Config{Dir: dir, Seed: seed, TrainShards: 3, ValidationShards: 2, RowsPerShard: 400}
}

func generate(t *testing.T, c Config) *Result {
	t.Helper()
	res, err := Generate(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func readAll(t *testing.T, files []string) [][]byte {
	t.Helper()
	out := make([][]byte, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = b
	}
	return out
}

func TestDeterministicForASeed(t *testing.T) {
	a := small(t.TempDir(), 7)
	a.Parallel = 1
	b := small(t.TempDir(), 7)
	b.Parallel = 4
	c := small(t.TempDir(), 8)
	ra, rb, rc := generate(t, a), generate(t, b), generate(t, c)
	fa, fb, fc := readAll(t, ra.Files), readAll(t, rb.Files), readAll(t, rc.Files)
	if len(fa) != 6 {
		t.Fatalf("%d files, want 6", len(fa))
	}
	for i := range fa {
		if !bytes.Equal(fa[i], fb[i]) {
			t.Errorf("%s differs between runs with the same seed (parallel 1 and 4)", filepath.Base(ra.Files[i]))
		}
	}
	if bytes.Equal(fa[1], fc[1]) || bytes.Equal(fa[0], fc[0]) {
		t.Error("seeds 7 and 8 wrote the same files")
	}
}

func load(t *testing.T, pattern string) []*data.Dataset {
	t.Helper()
	ds, _, err := data.LoadGlob(context.Background(), pattern, data.Options{Label: LabelName, BinaryLabel: true})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestGermanLayout(t *testing.T) {
	dir := t.TempDir()
	res := generate(t, small(dir, 42))
	if len(res.Features) != 61 {
		t.Fatalf("%d features, want 61", len(res.Features))
	}
	train := load(t, filepath.Join(dir, "train_data_*.csv"))
	valid := load(t, filepath.Join(dir, "validation_data_*.csv"))
	test := load(t, filepath.Join(dir, TestFile))
	if len(train) != 3 || len(valid) != 2 || len(test) != 1 {
		t.Fatalf("%d train, %d validation, %d test files", len(train), len(valid), len(test))
	}
	if test[0].Rows != 200 {
		t.Errorf("test_data.csv has %d rows, want 200 (20%% of 1,000)", test[0].Rows)
	}
	good := 0
	for _, l := range test[0].Label {
		good += int(l)
	}
	// German credit is 70% good; a random 20% stays near that.
	if good < 110 || good > 170 {
		t.Errorf("test_data.csv has %d good rows of 200, far from German credit's 70%%", good)
	}
	groups := oneHotGroups(train[0].Names)
	if len(groups) != 13 {
		t.Fatalf("%d one-hot groups, want 13", len(groups))
	}
	for _, d := range append(append(train, valid...), test...) {
		if d.Cols != 61 || !slicesEqual(d.Names, res.Features) {
			t.Fatalf("shape %d×%d names %v", d.Rows, d.Cols, d.Names)
		}
		checkRanges(t, d)
		checkOneHot(t, d, groups)
	}
	for i, d := range append(train, valid...) {
		if d.Rows != 400 {
			t.Errorf("shard %d has %d rows, want 400", i, d.Rows)
		}
		ones := 0
		for _, l := range d.Label {
			ones += int(l)
		}
		if ones != 200 {
			t.Errorf("shard %d has %d good rows of 400, want a balanced 200", i, ones)
		}
	}
}

func slicesEqual(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// oneHotGroups maps each categorical attribute to its one-hot columns.
func oneHotGroups(names []string) map[string][]int {
	groups := map[string][]int{}
	for j, n := range names {
		if i := strings.LastIndex(n, "_A"); i > 0 {
			groups[n[:i]] = append(groups[n[:i]], j)
		}
	}
	return groups
}

func checkRanges(t *testing.T, d *data.Dataset) {
	t.Helper()
	for i, v := range d.Values {
		if !(v >= 0 && v <= 1) {
			t.Fatalf("row %d column %s holds %v, outside [0, 1]", i/d.Cols, d.Names[i%d.Cols], v)
		}
	}
}

func checkOneHot(t *testing.T, d *data.Dataset, groups map[string][]int) {
	t.Helper()
	for g, cols := range groups {
		for i := range d.Rows {
			sum := float32(0)
			for _, j := range cols {
				if v := d.At(i, j); v != 0 && v != 1 {
					t.Fatalf("row %d %s holds %v, want 0 or 1", i, d.Names[j], v)
				}
				sum += d.At(i, j)
			}
			if sum != 1 {
				t.Fatalf("row %d: one-hot group %s sums to %v, want 1", i, g, sum)
			}
		}
	}
}

func TestRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	c := small(dir, 1)
	first := generate(t, c)
	before := readAll(t, first.Files)
	c.Seed = 2
	_, err := Generate(context.Background(), c)
	want := filepath.Join(dir, TestFile) + " already exists: pass --force"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v, want one containing %q", err, want)
	}
	after := readAll(t, first.Files)
	for i := range before {
		if !bytes.Equal(before[i], after[i]) {
			t.Errorf("%s changed although the run was refused", first.Files[i])
		}
	}
	c.Force = true
	generate(t, c)
	if bytes.Equal(before[1], readAll(t, first.Files[1:2])[0]) {
		t.Error("--force did not rewrite train_data_0.csv")
	}
}

func TestStaleShards(t *testing.T) {
	dir := t.TempDir()
	c := small(dir, 1)
	generate(t, c)
	c.TrainShards, c.ValidationShards = 2, 1
	other := filepath.Join(t.TempDir(), "x")
	os.RemoveAll(other)
	// Only stale shards left: refused without Force, removed with it.
	for _, f := range []string{TestFile, "train_data_0.csv", "train_data_1.csv", "validation_data_0.csv"} {
		os.Remove(filepath.Join(dir, f))
	}
	_, err := Generate(context.Background(), c)
	if err == nil || !strings.Contains(err.Error(), "train_data_2.csv is a shard of an earlier run") {
		t.Fatalf("error %v", err)
	}
	c.Force = true
	res := generate(t, c)
	if len(res.Removed) != 2 {
		t.Errorf("removed %v, want train_data_2.csv and validation_data_1.csv", res.Removed)
	}
	if n := len(load(t, filepath.Join(dir, "train_data_*.csv"))); n != 2 {
		t.Errorf("%d training shards after --force, want 2", n)
	}
}

func TestUCILayout(t *testing.T) {
	dir := t.TempDir()
	c := small(dir, 3)
	c.Dataset = "uci"
	c.Pool = 300 // keeps the race-detector run short
	res := generate(t, c)
	if len(res.Features) != 23 || res.TestRows != 6000 {
		t.Fatalf("%d features, %d test rows; want 23 and 6000", len(res.Features), res.TestRows)
	}
	for _, d := range load(t, filepath.Join(dir, "*.csv")) {
		checkRanges(t, d)
	}
	// Nominal code columns keep values of the real grid (SEX is 1 or 2,
	// scaled to 0 or 1).
	train := load(t, filepath.Join(dir, "train_data_0.csv"))[0]
	for i := range train.Rows {
		if v := train.At(i, 1); v != 0 && v != 1 {
			t.Fatalf("row %d SEX = %v, want 0 or 1", i, v)
		}
	}
}

func TestBadConfig(t *testing.T) {
	for _, c := range []Config{
		{Dir: t.TempDir(), Dataset: "iris"},
		{},
		{Dir: t.TempDir(), TrainShards: 1000, RowsPerShard: 100_000},
		{Dir: t.TempDir(), TestFraction: 1.5},
	} {
		if _, err := Generate(context.Background(), c); err == nil {
			t.Errorf("%+v accepted", c)
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	if _, err := Generate(ctx, small(dir, 1)); err == nil {
		t.Fatal("a cancelled run succeeded")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
