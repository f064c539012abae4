package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A Y/N label reads as 1/0 with the less frequent value positive, the same
// on every shard (the second shard holds only N), unless Positive says
// otherwise.
func TestTextLabelMapsToOneAndZero(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a_1.csv": "x,default \n1, Y\n2,N\n3,N\n",
		"a_2.csv": "x,default \n4,N\n",
	})
	ds, s, err := LoadGlob(context.Background(), filepath.Join(dir, "a_*.csv"), Options{Label: "default"})
	if err != nil {
		t.Fatal(err)
	}
	if pos, neg, ok := s.Positive(); !ok || pos != "Y" || neg != "N" {
		t.Fatalf("Positive() = %q, %q, %v; want Y, N", pos, neg, ok)
	}
	if !slices.Equal(ds[0].Label, []float32{1, 0, 0}) || !slices.Equal(ds[1].Label, []float32{0}) {
		t.Fatalf("labels %v %v", ds[0].Label, ds[1].Label)
	}
	d, err := Load(context.Background(), filepath.Join(dir, "a_*.csv"), Options{Label: "default ", Positive: "N"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Label, []float32{0, 1, 1, 1}) {
		t.Fatalf("Positive N: labels %v", d.Label)
	}
}

func TestTextLabelErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"three.csv": "x,y\n1,yes\n2,no\n3,maybe\n",
		"one.csv":   "x,y\n1,yes\n2,yes\n",
	})
	for _, c := range []struct {
		file, positive, want string
	}{
		{"three.csv", "", `three.csv:4:3: column "y": got "maybe", expected one of the label's two values: no, yes`},
		{"one.csv", "", `label column "y" holds 1 distinct values (yes)`},
		{"three.csv", "si", `three.csv:4:3`},
	} {
		_, err := LoadFile(context.Background(), filepath.Join(dir, c.file), Options{Label: "y", Positive: c.positive})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want it to contain %q", c.file, err, c.want)
		}
	}
	dir = writeFiles(t, map[string]string{"two.csv": "x,y\n1,yes\n2,no\n"})
	_, err := LoadFile(context.Background(), filepath.Join(dir, "two.csv"), Options{Label: "y", Positive: "si"})
	if err == nil || !strings.Contains(err.Error(), `Positive "si" is not a value of label column "y", which holds no and yes`) {
		t.Errorf("unknown Positive: %v", err)
	}
}

// Positive names one of two numbers too: German credit's class is 1 (good)
// or 2 (bad).
func TestPositiveNamesANumber(t *testing.T) {
	dir := writeFiles(t, map[string]string{"g.csv": "x,class\n1,1\n2,2\n3,1\n"})
	d, err := LoadFile(context.Background(), filepath.Join(dir, "g.csv"), Options{Label: "class", Positive: "2", BinaryLabel: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Label, []float32{0, 1, 0}) {
		t.Fatalf("labels %v", d.Label)
	}
}

// A part of the data holding one of the label's two values (a worker's
// shards) reads as the whole does when Positive and Negative name both;
// without them its one value is reported (OneLabelValueError) so a caller
// holding the other parts can choose; a value outside the two is refused.
func TestNegativeNamesTheOtherValue(t *testing.T) {
	dir := writeFiles(t, map[string]string{"only_n.csv": "x,default\n1,N\n2,N\n3,N\n", "three.csv": "x,default\n1,N\n2,Y\n3,M\n"})
	ctx := context.Background()
	only := filepath.Join(dir, "only_n.csv")
	d, err := LoadFile(ctx, only, Options{Label: "default", Positive: "Y", Negative: " N"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Label, []float32{0, 0, 0}) {
		t.Fatalf("labels %v", d.Label)
	}
	_, s, err := LoadFiles(ctx, []string{only}, Options{Label: "default", Positive: "Y", Negative: "N"})
	if pos, neg, ok := s.Positive(); err != nil || pos != "Y" || neg != "N" || !ok {
		t.Fatalf("Positive() = %q, %q, %v (%v)", pos, neg, ok, err)
	}
	for _, o := range []Options{{Label: "default"}, {Label: "default", Positive: "Y"}} {
		_, err = LoadFile(ctx, only, o)
		var one *OneLabelValueError
		if !errors.As(err, &one) || one.Value != "N" || one.Count != 3 || !strings.Contains(err.Error(), "holds 1 distinct values (N)") {
			t.Fatalf("%+v: %v", o, err)
		}
	}
	_, err = LoadFile(ctx, filepath.Join(dir, "three.csv"), Options{Label: "default", Positive: "Y", Negative: "N"})
	if err == nil || !strings.Contains(err.Error(), "M") {
		t.Fatalf("a third value: %v", err)
	}
	_, err = LoadFile(ctx, only, Options{Label: "default", Negative: "N"})
	if err == nil || !strings.Contains(err.Error(), `Negative "N" needs Positive`) {
		t.Fatalf("Negative alone: %v", err)
	}
}

// ScanSchema records a Y/N label's reading in the Schema, chosen over every
// file as the loaders choose it, so that workers loading their own files
// with it (one-hot encoding on workers) read the label alike; labels of
// numbers (0/1, classes) are left to the loaders.
func TestScanSchemaRecordsATextLabel(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.csv": "x,c,default \n1,u,Y\n2,v,Y\n3,u,N\n",
		"b.csv": "x,c,default \n4,v,N\n5,u,N\n6,v,N\n",
		"n.csv": "x,c,y\n1,u,0\n2,v,1\n3,u,1\n",
		"k.csv": "x,c,y\n1,u,0\n2,v,1\n3,u,2\n",
	})
	ctx := context.Background()
	files := []string{filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")}
	for _, o := range []Options{{Label: " default", OneHot: true}, {Label: "default", OneHot: true, Positive: "N"}} {
		s, err := ScanSchema(ctx, files, o)
		if err != nil {
			t.Fatal(err)
		}
		want := "Y"
		if o.Positive != "" {
			want = "N"
		}
		if pos, _, ok := s.Positive(); !ok || pos != want {
			t.Fatalf("%+v: Positive() = %q, %v; want %q", o, pos, ok, want)
		}
		// Each file alone, read with the Schema, as a worker reads it.
		o.Schema = s
		b, err := LoadFile(ctx, files[1], o)
		if err != nil {
			t.Fatal(err)
		}
		if want == "Y" && !slices.Equal(b.Label, []float32{0, 0, 0}) || want == "N" && !slices.Equal(b.Label, []float32{1, 1, 1}) {
			t.Fatalf("%+v: b.csv's labels %v", o, b.Label)
		}
	}
	for _, f := range []string{"n.csv", "k.csv"} {
		s, err := ScanSchema(ctx, []string{filepath.Join(dir, f)}, Options{Label: "y", OneHot: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, ok := s.Positive(); ok {
			t.Fatalf("%s: a label of numbers got levels", f)
		}
	}
}
