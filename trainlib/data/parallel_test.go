package data

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// sameResult reports whether two loads agree: the same error text, or the
// same names, labels and value bits.
func sameResult(a *Dataset, aerr error, b *Dataset, berr error) bool {
	if aerr != nil || berr != nil {
		return aerr != nil && berr != nil && aerr.Error() == berr.Error()
	}
	bits := func(v []float32) []uint32 {
		out := make([]uint32, len(v))
		for i, x := range v {
			out[i] = math.Float32bits(x)
			if Missing(x) {
				out[i] = 0x7fc00000
			}
		}
		return out
	}
	return a.Rows == b.Rows && a.Cols == b.Cols && slices.Equal(a.Names, b.Names) &&
		slices.Equal(bits(a.Values), bits(b.Values)) && slices.Equal(bits(a.Label), bits(b.Label))
}

// Block-parallel parsing gives exactly what record-by-record parsing gives,
// errors included, whatever the block size: every test file, tiny blocks.
func TestParallelMatchesSequential(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.csv")
	options := []Options{{}, {Label: "label"}, {Label: "label", OneHot: true}, {Comma: ';', OneHot: true}, {MaxLineBytes: 64, Label: "label"}}
	for name, o := range badCases {
		files = append(files, "testdata/bad/"+name)
		options = append(options, o)
	}
	for _, f := range files {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range options {
			seq, serr := ReadCSV(context.Background(), bytes.NewReader(in), f, o)
			for _, bs := range []int{1, 5, 64} {
				po := o
				po.BlockBytes = bs
				par, perr := ReadCSV(context.Background(), bytes.NewReader(in), f, po)
				if !sameResult(seq, serr, par, perr) {
					t.Errorf("%s %+v, blocks of %d: parallel %v / %v, sequential %v / %v", f, o, bs, par, perr, seq, serr)
				}
			}
		}
	}
}

// A large generated shard loads the same both ways (the parallel path is
// the default for files of 8 MiB and more).
func TestParallelLargeShard(t *testing.T) {
	p := writeShard(t, t.TempDir(), 8_000, 17)
	par, err := LoadFile(context.Background(), p, Options{Label: "credit", BinaryLabel: true, BlockBytes: 1 << 13})
	if err != nil {
		t.Fatal(err)
	}
	in, _ := os.ReadFile(p)
	seq, err := ReadCSV(context.Background(), bytes.NewReader(in), p, Options{Label: "credit", BinaryLabel: true})
	if !sameResult(par, nil, seq, err) || par.Rows != 8_000 {
		t.Errorf("parallel %d rows, sequential %d rows (%v)", par.Rows, seq.Rows, err)
	}
}
