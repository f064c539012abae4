package cluster

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/gotrain/gotrain/trainlib/gbdt/gbdttest"
)

// TestSameModelAsInProcess trains on 1 to 4 spawned workers and compares
// the saved model and metric history with in-process training on the same
// shard lists, byte for byte.
func TestSameModelAsInProcess(t *testing.T) {
	dir := t.TempDir()
	train := writeShards(t, dir, "train_", 4, 700, 6, 1)
	val := writeShards(t, dir, "val_", 4, 200, 6, 2)
	p := testParams(6)
	want := inProcess(t, p, train, val)
	wantBytes := gbdttest.ModelBytes(t, want.Model)
	for n := 1; n <= 4; n++ {
		t.Run(fmt.Sprintf("workers=%d", n), func(t *testing.T) {
			c := connectLocal(t, Config{Spawn: n})
			res, err := trainCluster(context.Background(), c, p, train, val)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gbdttest.ModelBytes(t, res.Model), wantBytes) {
				t.Fatalf("model from %d workers differs from the in-process one", n)
			}
			if fmt.Sprint(res.History) != fmt.Sprint(want.History) {
				t.Fatalf("history differs:\n%v\n%v", res.History, want.History)
			}
		})
	}
}
