package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/datasets"
)

// SplitCSV puts every record where Split puts its row: loading the parts
// gives exactly the parts of the loaded file.
func TestSplitCSVMatchesSplit(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "uci.csv", datasets.UCICreditCard)
	outs := []string{filepath.Join(dir, "train.csv"), filepath.Join(dir, "valid.csv"), filepath.Join(dir, "test.csv")}
	fr := []float64{0.7, 0.15, 0.15}
	o := Options{Label: "default.payment.next.month", Drop: []string{"ID"}}
	if err := SplitCSV(context.Background(), in, outs, fr, 42, false, o); err != nil {
		t.Fatal(err)
	}
	all, err := LoadFile(context.Background(), in, o)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Split(all, fr, 42)
	if err != nil {
		t.Fatal(err)
	}
	for k, p := range outs {
		got, err := LoadFile(context.Background(), p, o)
		if err != nil {
			t.Fatal(err)
		}
		if got.Rows != want[k].Rows || !sameValues(got.Values, want[k].Values) || !sameValues(got.Label, want[k].Label) {
			t.Errorf("%s: %d rows differ from Split's part %d (%d rows)", p, got.Rows, k, want[k].Rows)
		}
	}
	err = SplitCSV(context.Background(), in, outs, fr, 42, false, o)
	if err == nil || !strings.Contains(err.Error(), "train.csv already exists: pass --force") {
		t.Errorf("second split: %v", err)
	}
	if err := SplitCSV(context.Background(), in, outs, fr, 43, true, o); err != nil {
		t.Errorf("with force: %v", err)
	}
}

func TestSplitCSVBadInput(t *testing.T) {
	dir := t.TempDir()
	outs := []string{filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")}
	err := SplitCSV(context.Background(), "testdata/bad/ragged_short.csv", outs, []float64{0.5, 0.5}, 1, false, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "testdata/bad/ragged_short.csv:3:4: expected 3 fields like the header, found 2") {
		t.Errorf("error %v", err)
	}
	if _, err := os.Stat(outs[0]); err == nil {
		t.Error("a part was written although the input is bad")
	}
	err = SplitCSV(context.Background(), "testdata/bad/header_only.csv", outs, []float64{0.5, 0.5}, 1, false, Options{})
	if err == nil || !strings.Contains(err.Error(), "expected data rows to split") {
		t.Errorf("error %v", err)
	}
}
