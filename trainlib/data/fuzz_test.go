package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadCSV feeds arbitrary bytes to the reader with several option sets:
// it must return a Dataset or an error, never panic, and a Dataset must be
// consistent with its shape.
func FuzzReadCSV(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.csv")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0))
		f.Add(b, uint8(3))
	}
	f.Add([]byte("a,b\n1,2\n"), uint8(1))
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		o := Options{MaxLineBytes: 4096, MaxLevels: 50, MaxValues: 1 << 20}
		if mode&1 != 0 {
			o.OneHot = true
		}
		if mode&2 != 0 {
			o.Label = "label"
			o.BinaryLabel = mode&4 != 0
		}
		if mode&8 != 0 {
			o.Comma = ';'
		}
		if mode&16 != 0 {
			o.Names = []string{"a", "label", "c"}
		}
		d, err := ReadCSV(context.Background(), bytes.NewReader(in), "fuzz", o)
		// Block-parallel parsing must agree with record-by-record parsing.
		po := o
		po.BlockBytes = 1 + int(mode>>5)
		pd, perr := ReadCSV(context.Background(), bytes.NewReader(in), "fuzz", po)
		if !sameResult(d, err, pd, perr) && !tooManyValues(err) && !tooManyValues(perr) {
			t.Fatalf("blocks of %d: parallel %v / %v, sequential %v / %v", po.BlockBytes, pd, perr, d, err)
		}
		if err != nil {
			var de *Error
			if !errors.As(err, &de) && err.Error() == "" {
				t.Fatalf("empty error")
			}
			return
		}
		if len(d.Values) != d.Rows*d.Cols || len(d.Names) != d.Cols || (d.Label != nil && len(d.Label) != d.Rows) {
			t.Fatalf("inconsistent dataset: %d×%d, %d values, %d names, %d labels", d.Rows, d.Cols, len(d.Values), len(d.Names), len(d.Label))
		}
	})
}

// tooManyValues reports the MaxValues error, whose position the parallel
// path does not know.
func tooManyValues(err error) bool {
	var de *Error
	return errors.As(err, &de) && strings.Contains(de.Expected, "values (rows × features)")
}
