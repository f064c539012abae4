package data

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// A read error in the middle of a file comes back naming the file and the
// line being read, wrapping the cause.
func TestReadErrorMidFile(t *testing.T) {
	boom := errors.New("disk gone")
	r := io.MultiReader(strings.NewReader("a,b\n1,2\n3,4\n"), iotest.ErrReader(boom))
	_, err := ReadCSV(context.Background(), r, "shard.csv", Options{})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "shard.csv line 4") {
		t.Errorf("error %v, want one wrapping %v at shard.csv line 4", err, boom)
	}
}

// A reader that returns one byte at a time (and data with io.EOF) reads the
// same as a plain one: records never depend on read boundaries.
func TestOneByteReads(t *testing.T) {
	in := "\xef\xbb\xbfx,\"y\"\r\n1,\"2\n3\"\r\n4,NA\n"
	want, err := ReadCSV(context.Background(), strings.NewReader(in), "a", Options{OneHot: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(context.Background(), iotest.DataErrReader(iotest.OneByteReader(strings.NewReader(in))), "a", Options{OneHot: true})
	if err != nil {
		t.Fatal(err)
	}
	if !sameValues(got.Values, want.Values) || strings.Join(got.Names, "|") != strings.Join(want.Names, "|") {
		t.Errorf("one-byte reads give %v %q, want %v %q", got.Values, got.Names, want.Values, want.Names)
	}
}

// The cap on values stops a file before it allocates past it.
func TestMaxValues(t *testing.T) {
	in := "a,b\n1,2\n3,4\n5,6\n"
	_, err := ReadCSV(context.Background(), strings.NewReader(in), "big.csv", Options{MaxValues: 4})
	if err == nil || !strings.Contains(err.Error(), "big.csv:4:1: expected at most 4 values (rows × features) in one data set") {
		t.Errorf("error %v", err)
	}
	if _, err := ReadCSV(context.Background(), strings.NewReader("a\n1\n"), "x", Options{MaxColumns: 1}); err != nil {
		t.Errorf("one column under MaxColumns 1: %v", err)
	}
	_, err = ReadCSV(context.Background(), strings.NewReader("a,b\n1,2\n"), "wide.csv", Options{MaxColumns: 1})
	if err == nil || !strings.Contains(err.Error(), "wide.csv:1:3: expected at most 1 columns") {
		t.Errorf("error %v", err)
	}
}
