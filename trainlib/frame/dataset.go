package frame

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"

	"github.com/gotrain/gotrain/trainlib/data"
)

// Dataset returns the frame as training data: every column but the label
// a feature (text columns one-hot encoded, as data.Options.OneHot does),
// the label read as 1 and 0 (a text label's positive value as LabelNote
// states). The rows go through package data's reader, so the features are
// exactly those that loading the same CSV with gotrain fit would make.
func (f *Frame) Dataset() (*data.Dataset, error) {
	d, _, err := f.DatasetWithSchema()
	return d, err
}

// DatasetWithSchema is Dataset that also returns the Schema used, to load
// more files (a test set) into the same features.
func (f *Frame) DatasetWithSchema() (*data.Dataset, *data.Schema, error) {
	if f.rows == 0 {
		return nil, nil, fmt.Errorf("frame: no rows to train on")
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(f.Names())
	rec := make([]string, len(f.cols))
	for i := 0; i < f.rows; i++ {
		for j, c := range f.cols {
			rec[j] = c.cell(i)
		}
		_ = w.Write(rec)
	}
	w.Flush()
	o := data.Options{Label: f.Label(), Positive: f.pos, OneHot: true, MissingValues: f.opt.MissingValues}
	name := f.source
	if name == "" {
		name = "frame"
	}
	return data.ReadCSVWithSchema(context.Background(), &buf, name, o)
}
