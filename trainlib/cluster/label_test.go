package cluster

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/gbdt/gbdttest"
)

// yesWhen labels a row Y when its score is above cut, N otherwise.
func yesWhen(cut float64) func(z float64) string {
	return func(z float64) string {
		if z > cut {
			return "Y"
		}
		return "N"
	}
}

// TestTextLabelReadAlikeOnEveryWorker: a Y/N label's positive value is the
// less frequent over all the training files, as in process, even when a
// worker's own files have the other one less often; and a set loaded later
// (val, whose files alone would choose the other value) reads the label the
// same way. Without this, each worker picked from its own files: the
// model silently differed from the in-process one.
func TestTextLabelReadAlikeOnEveryWorker(t *testing.T) {
	dir := t.TempDir()
	mostlyY := writeLabeled(t, dir, "a_", 1, 300, 4, 11, yesWhen(-1))
	mostlyN := writeLabeled(t, dir, "b_", 1, 500, 4, 12, yesWhen(1))
	train := append(mostlyY, mostlyN...)
	val := writeLabeled(t, dir, "val_", 2, 150, 4, 13, yesWhen(-1))
	o := data.Options{Label: "label", BinaryLabel: true}
	p := testParams(4)

	ctx := context.Background()
	parts, schema, err := data.LoadFiles(ctx, train, o)
	if err != nil {
		t.Fatal(err)
	}
	if pos, _, _ := schema.Positive(); pos != "Y" {
		t.Fatalf("in process the positive value is %q; the test needs Y (the less frequent overall)", pos)
	}
	vo := o
	vo.Schema = schema
	var shards []gbdt.Shard
	for i, d := range parts {
		shards = append(shards, gbdt.Shard{Set: gbdt.TrainSet, Index: i, Data: d})
	}
	for i, f := range val {
		d, err := data.LoadFile(ctx, f, vo)
		if err != nil {
			t.Fatal(err)
		}
		shards = append(shards, gbdt.Shard{Set: "val", Index: i, Data: d})
	}
	h, err := gbdt.NewLocalHolder(shards, 1)
	if err != nil {
		t.Fatal(err)
	}
	want, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}, FeatureNames: parts[0].Names})
	if err != nil {
		t.Fatal(err)
	}

	c := connectLocal(t, Config{Spawn: 2})
	if err := c.LoadFiles(ctx, gbdt.TrainSet, train, o); err != nil {
		t.Fatal(err)
	}
	if pos, neg, ok := c.Positive(); pos != "Y" || neg != "N" || !ok {
		t.Fatalf("Positive() = %q, %q, %v; want Y, N, true", pos, neg, ok)
	}
	if err := c.LoadFiles(ctx, "val", val, o); err != nil {
		t.Fatal(err)
	}
	got, err := c.Train(ctx, p, gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gbdttest.ModelBytes(t, got.Model), gbdttest.ModelBytes(t, want.Model)) {
		t.Fatalf("model from 2 workers differs from the in-process one:\n%v\n%v", got.History, want.History)
	}
	if fmt.Sprint(got.History) != fmt.Sprint(want.History) {
		t.Fatalf("history differs:\n%v\n%v", got.History, want.History)
	}

	no := o
	no.Positive = "N"
	err = c.LoadFiles(ctx, "val2", val, no)
	if err == nil || !strings.Contains(err.Error(), `Y = 1`) || !strings.Contains(err.Error(), `Positive "N"`) {
		t.Fatalf("a later load asking for the other positive value: %v", err)
	}
}

// TestTextLabelOnAWorkerWithOneValue: a worker whose files hold only one
// of the label's two values (N: the rare Y all in other files) loads them
// as in process, where the choice is made over every file; before, its
// load failed ("holds 1 distinct values").
func TestTextLabelOnAWorkerWithOneValue(t *testing.T) {
	dir := t.TempDir()
	mixed := writeLabeled(t, dir, "a_", 1, 300, 4, 21, yesWhen(1))
	onlyN := writeLabeled(t, dir, "b_", 1, 200, 4, 22, yesWhen(1e9))
	train := append(mixed, onlyN...)
	val := writeLabeled(t, dir, "val_", 2, 150, 4, 23, yesWhen(1))
	o := data.Options{Label: "label", BinaryLabel: true}
	p := testParams(3)
	ctx := context.Background()
	want := inProcessTextLabel(t, p, o, train, val)

	c := connectLocal(t, Config{Spawn: 2})
	if err := c.LoadFiles(ctx, gbdt.TrainSet, train, o); err != nil {
		t.Fatal(err)
	}
	if err := c.LoadFiles(ctx, "val", val, o); err != nil {
		t.Fatal(err)
	}
	got, err := c.Train(ctx, p, gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gbdttest.ModelBytes(t, got.Model), gbdttest.ModelBytes(t, want.Model)) {
		t.Fatalf("model from 2 workers differs from the in-process one:\n%v\n%v", got.History, want.History)
	}

	// Every file with one value: no choice can be made, as in process.
	c2 := connectLocal(t, Config{Spawn: 2})
	err = c2.LoadFiles(ctx, gbdt.TrainSet, []string{onlyN[0], onlyN[0]}, o)
	if err == nil || !strings.Contains(err.Error(), "holds 1 distinct values") {
		t.Fatalf("files with one label value only: %v", err)
	}
}

// inProcessTextLabel trains on the files in this process, the val files
// loaded with the training files' schema.
func inProcessTextLabel(t *testing.T, p gbdt.Params, o data.Options, train, val []string) *gbdt.Result {
	t.Helper()
	ctx := context.Background()
	parts, schema, err := data.LoadFiles(ctx, train, o)
	if err != nil {
		t.Fatal(err)
	}
	vo := o
	vo.Schema = schema
	var shards []gbdt.Shard
	for i, d := range parts {
		shards = append(shards, gbdt.Shard{Set: gbdt.TrainSet, Index: i, Data: d})
	}
	for i, f := range val {
		d, err := data.LoadFile(ctx, f, vo)
		if err != nil {
			t.Fatal(err)
		}
		shards = append(shards, gbdt.Shard{Set: "val", Index: i, Data: d})
	}
	h, err := gbdt.NewLocalHolder(shards, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gbdt.Train(ctx, p, []gbdt.Holder{h}, gbdt.Options{Evals: []string{gbdt.TrainSet, "val"}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}
