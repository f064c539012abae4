package data

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestFromRowsAndColumnsAgree(t *testing.T) {
	names := []string{"a", "y", "b"}
	r, err := FromRows(names, [][]float64{{1, 0, 2}, {math.NaN(), 1, 4}}, "y")
	if err != nil {
		t.Fatal(err)
	}
	c, err := FromColumns(names, [][]float64{{1, math.NaN()}, {0, 1}, {2, 4}}, "y")
	if err != nil {
		t.Fatal(err)
	}
	want := []float32{1, 2, nan(), 4}
	for _, d := range []*Dataset{r, c} {
		if !sameValues(d.Values, want) || !slices.Equal(d.Label, []float32{0, 1}) || !slices.Equal(d.Names, []string{"a", "b"}) {
			t.Errorf("got %+v", d)
		}
	}
}

func TestFromRowsErrors(t *testing.T) {
	cases := []struct {
		names []string
		rows  [][]float64
		label string
		want  string
	}{
		{[]string{"a", "b"}, [][]float64{{1, 2}, {3}}, "", "row 1 has 1 values, expected 2"},
		{[]string{"a", "a"}, nil, "", `two columns are called "a"`},
		{[]string{"a"}, nil, "y", `label column "y" is not among the names a`},
		{[]string{"a", "y"}, [][]float64{{1, math.NaN()}}, "y", "row 0: label is NaN"},
	}
	for _, c := range cases {
		_, err := FromRows(c.names, c.rows, c.label)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("FromRows(%v): error %v, want %q", c.rows, err, c.want)
		}
	}
	_, err := FromColumns([]string{"a", "b"}, [][]float64{{1}, {1, 2}}, "")
	if err == nil || !strings.Contains(err.Error(), `column "b" has 2 values, column "a" has 1`) {
		t.Errorf("FromColumns: %v", err)
	}
}

func TestFromRecords(t *testing.T) {
	d, err := FromRecords(context.Background(), "cell", []string{"purpose", "amount", "credit"},
		[][]string{{"A43", "5.00E+05", "1"}, {"A40", "NA", "0"}}, Options{Label: "credit", OneHot: true, BinaryLabel: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Names, []string{"purpose_A40", "purpose_A43", "amount"}) || !sameValues(d.Values, []float32{0, 1, 500000, 1, 0, nan()}) {
		t.Errorf("%+v", d)
	}
	_, err = FromRecords(context.Background(), "cell", []string{"x", "credit"}, [][]string{{"1", "2"}}, Options{Label: "credit", BinaryLabel: true})
	if err == nil || !strings.HasPrefix(err.Error(), `cell:1:3: column "credit": got "2"`) {
		t.Errorf("error %v", err)
	}
}

func TestSplitDeterministicAndComplete(t *testing.T) {
	parts, err := SplitIndices(30000, []float64{0.7, 0.15, 0.15}, 42)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts[0]) != 21000 || len(parts[1]) != 4500 || len(parts[2]) != 4500 {
		t.Fatalf("sizes %d %d %d", len(parts[0]), len(parts[1]), len(parts[2]))
	}
	seen := make([]bool, 30000)
	for _, p := range parts {
		for _, i := range p {
			if seen[i] {
				t.Fatalf("row %d in two parts", i)
			}
			seen[i] = true
		}
	}
	again, _ := SplitIndices(30000, []float64{0.7, 0.15, 0.15}, 42)
	other, _ := SplitIndices(30000, []float64{0.7, 0.15, 0.15}, 43)
	if !slices.Equal(parts[1], again[1]) {
		t.Error("same seed, different split")
	}
	if slices.Equal(parts[1], other[1]) {
		t.Error("different seeds, same split")
	}
	for _, bad := range [][]float64{{0.5, 0.4}, {1.2, -0.2}, {}} {
		if _, err := SplitIndices(10, bad, 1); err == nil {
			t.Errorf("fractions %v accepted", bad)
		}
	}
	d, _ := FromRows([]string{"x", "y"}, [][]float64{{0, 0}, {1, 1}, {2, 0}, {3, 1}}, "y")
	s, err := Split(d, []float64{0.5, 0.5}, 7)
	if err != nil || s[0].Rows != 2 || s[1].Rows != 2 {
		t.Fatalf("%v %v", s, err)
	}
	for _, p := range s {
		for i := range p.Rows {
			if float32(int(p.At(i, 0))%2) != p.Label[i] {
				t.Errorf("row %v lost its label %v", p.Row(i), p.Label[i])
			}
		}
	}
}

func TestNaturalLess(t *testing.T) {
	got := []string{"train_data_10.csv", "train_data_9.csv", "train_data_1.csv", "train_data_0.csv", "train_data_20.csv", "train_data_2.csv"}
	slices.SortFunc(got, func(a, b string) int {
		if NaturalLess(a, b) {
			return -1
		}
		if NaturalLess(b, a) {
			return 1
		}
		return 0
	})
	want := []string{"train_data_0.csv", "train_data_1.csv", "train_data_2.csv", "train_data_9.csv", "train_data_10.csv", "train_data_20.csv"}
	if !slices.Equal(got, want) {
		t.Errorf("%q", got)
	}
	if NaturalLess("a7", "a07") == NaturalLess("a07", "a7") {
		t.Error("7 and 07 are not ordered")
	}
}
