package data

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"slices"
)

// FromRows builds a Dataset from rows of numbers handed in from a notebook
// cell: names names the columns of every row, label names the label column
// ("" for none). NaN marks a missing feature value; a label cannot be NaN.
func FromRows(names []string, rows [][]float64, label string) (*Dataset, error) {
	li, err := checkNames(names, label)
	if err != nil {
		return nil, err
	}
	cols := len(names)
	if li >= 0 {
		cols--
	}
	if int64(len(rows))*int64(max(cols, 1)) > DefaultMaxValues {
		return nil, fmt.Errorf("data: FromRows: %d rows × %d features is more than %d values", len(rows), cols, int64(DefaultMaxValues))
	}
	d := newNamedDataset(names, li, len(rows))
	for i, r := range rows {
		if len(r) != len(names) {
			return nil, fmt.Errorf("data: FromRows: row %d has %d values, expected %d (one per name)", i, len(r), len(names))
		}
		out := d.Row(i)
		k := 0
		for j, v := range r {
			if j == li {
				if err := checkLabel(v, fmt.Sprintf("row %d", i)); err != nil {
					return nil, err
				}
				d.Label[i] = float32(v)
				continue
			}
			out[k] = float32(v)
			k++
		}
	}
	return d, nil
}

// FromColumns builds a Dataset from columns of numbers, one slice per name,
// all of the same length; label names the label column ("" for none).
func FromColumns(names []string, columns [][]float64, label string) (*Dataset, error) {
	li, err := checkNames(names, label)
	if err != nil {
		return nil, err
	}
	if len(columns) != len(names) {
		return nil, fmt.Errorf("data: FromColumns: %d columns for %d names: give one column per name", len(columns), len(names))
	}
	rows := 0
	if len(columns) > 0 {
		rows = len(columns[0])
	}
	for j, c := range columns {
		if len(c) != rows {
			return nil, fmt.Errorf("data: FromColumns: column %q has %d values, column %q has %d: columns must have the same length", names[j], len(c), names[0], rows)
		}
	}
	if int64(rows)*int64(len(names)) > DefaultMaxValues {
		return nil, fmt.Errorf("data: FromColumns: %d rows × %d columns is more than %d values", rows, len(names), int64(DefaultMaxValues))
	}
	d := newNamedDataset(names, li, rows)
	k := 0
	for j, c := range columns {
		if j == li {
			for i, v := range c {
				if err := checkLabel(v, fmt.Sprintf("row %d", i)); err != nil {
					return nil, err
				}
				d.Label[i] = float32(v)
			}
			continue
		}
		for i, v := range c {
			d.Values[i*d.Cols+k] = float32(v)
		}
		k++
	}
	return d, nil
}

// FromRecords builds a Dataset from rows of text, read exactly as CSV fields
// would be with o (missing markers, one-hot encoding, Label, Drop …). Errors
// name the row as "line" (1-based) of the input called name.
func FromRecords(ctx context.Context, name string, names []string, records [][]string, o Options) (*Dataset, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = rune(o.comma())
	if err := w.WriteAll(records); err != nil {
		return nil, fmt.Errorf("data: FromRecords: %w", err)
	}
	o.Names = names
	return ReadCSV(ctx, &buf, name, o)
}

func checkNames(names []string, label string) (int, error) {
	seen := make(map[string]bool, len(names))
	for i, n := range names {
		if n == "" {
			return 0, fmt.Errorf("data: column %d has no name: name every column", i)
		}
		if seen[n] {
			return 0, fmt.Errorf("data: two columns are called %q: names must be unique", n)
		}
		seen[n] = true
	}
	if label == "" {
		return -1, nil
	}
	li := slices.Index(names, label)
	if li < 0 {
		return 0, fmt.Errorf("data: label column %q is not among the names %s", label, listNames(names))
	}
	return li, nil
}

func checkLabel(v float64, where string) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("data: %s: label is %v, expected a finite number: remove the row or fill in its label", where, v)
	}
	return nil
}

func newNamedDataset(names []string, li, rows int) *Dataset {
	features := make([]string, 0, len(names))
	for j, n := range names {
		if j != li {
			features = append(features, n)
		}
	}
	d := &Dataset{Matrix: *NewMatrix(rows, len(features)), Names: features}
	if li >= 0 {
		d.Label = make([]float32, rows)
	}
	return d
}
