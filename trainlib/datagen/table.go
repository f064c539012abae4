package datagen

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/datasets"
)

// LabelName is the label column of every file datagen writes.
const LabelName = "credit"

// attribute is one column of the source data before it is written: numeric
// (a value min-max scaled to [0, 1]) or nominal (a level index).
type attribute struct {
	name    string
	nominal bool
	// oneHot nominal attributes are written as one 0/1 column per level,
	// named name_level; other nominal attributes as the level's value.
	oneHot bool
	levels []string  // level names, for one-hot attributes
	values []float64 // each level's written value, for the others
}

// table holds the source rows: x[i*len(attrs)+a] is row i's value of
// attribute a (a level index for a nominal one), label[i] is 0 or 1.
type table struct {
	attrs []attribute
	x     []float64
	label []uint8
}

func (t *table) rows() int               { return len(t.label) }
func (t *table) row(i int) []float64     { n := len(t.attrs); return t.x[i*n : (i+1)*n] }
func (t *table) nominalLevels(a int) int { return len(t.attrs[a].levels) + len(t.attrs[a].values) }

// header returns the CSV header: the features, then the label.
func (t *table) header() []string {
	var names []string
	for _, a := range t.attrs {
		if a.oneHot {
			for _, l := range a.levels {
				names = append(names, a.name+"_"+l)
			}
		} else {
			names = append(names, a.name)
		}
	}
	return append(names, LabelName)
}

// appendRow appends the CSV line of a row (attribute values x, label y).
func (t *table) appendRow(b []byte, x []float64, y uint8) []byte {
	for a, at := range t.attrs {
		switch {
		case at.oneHot:
			for l := range at.levels {
				if int(x[a]) == l {
					b = append(b, '1', ',')
				} else {
					b = append(b, '0', ',')
				}
			}
		case at.nominal:
			b = strconv.AppendFloat(b, float64(float32(at.values[int(x[a])])), 'g', -1, 32)
			b = append(b, ',')
		default:
			b = strconv.AppendFloat(b, float64(float32(x[a])), 'g', -1, 32)
			b = append(b, ',')
		}
	}
	b = append(b, '0'+y, '\n')
	return b
}

// loadTable reads an embedded data set into a table, numeric attributes
// min-max scaled over all its rows.
func loadTable(ctx context.Context, name string) (*table, error) {
	switch name {
	case "german":
		return germanTable(ctx)
	case "uci":
		return uciTable(ctx)
	}
	return nil, fmt.Errorf("datagen: unknown dataset %q: use german or uci", name)
}

func germanTable(ctx context.Context) (*table, error) {
	d, s, err := data.ReadCSVWithSchema(ctx, bytes.NewReader(datasets.GermanCredit), "german.data", data.Options{
		Comma: ' ', Names: datasets.GermanCreditColumns, Label: "credit", OneHot: true})
	if err != nil {
		return nil, fmt.Errorf("datagen: the embedded German credit data: %w", err)
	}
	labels := make([]uint8, d.Rows)
	for i, c := range d.Label {
		switch c {
		case 1: // good
			labels[i] = 1
		case 2: // bad
			labels[i] = 0
		default:
			return nil, fmt.Errorf("datagen: german.data row %d: class %v, expected 1 (good) or 2 (bad)", i+1, c)
		}
	}
	return fromDataset(d, s, labels, nil), nil
}

// uciNominal lists UCI credit's code columns, treated as nominal by the
// oversampler (their written values stay on the codes' scaled grid).
var uciNominal = []string{"SEX", "EDUCATION", "MARRIAGE", "PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6"}

func uciTable(ctx context.Context) (*table, error) {
	d, s, err := data.ReadCSVWithSchema(ctx, bytes.NewReader(datasets.UCICreditCard), "UCI_Credit_Card.csv", data.Options{
		Label: "default.payment.next.month", Drop: []string{"ID"}, BinaryLabel: true})
	if err != nil {
		return nil, fmt.Errorf("datagen: the embedded UCI credit data: %w", err)
	}
	labels := make([]uint8, d.Rows)
	for i, c := range d.Label {
		labels[i] = uint8(c)
	}
	return fromDataset(d, s, labels, uciNominal), nil
}

// fromDataset turns a loaded data set into a table: one-hot groups of the
// schema become one-hot nominal attributes, columns named in nominal become
// nominal attributes over their distinct scaled values, the rest numeric.
func fromDataset(d *data.Dataset, s *data.Schema, labels []uint8, nominal []string) *table {
	t := &table{label: labels}
	type source struct{ col, width int }
	var srcs []source
	col := 0
	for _, c := range s.Columns {
		switch {
		case c.Role != data.RoleFeature:
		case c.Categorical:
			t.attrs = append(t.attrs, attribute{name: c.Name, nominal: true, oneHot: true, levels: c.Levels})
			srcs = append(srcs, source{col, len(c.Levels)})
			col += len(c.Levels)
		default:
			t.attrs = append(t.attrs, attribute{name: c.Name, nominal: slices.Contains(nominal, c.Name)})
			srcs = append(srcs, source{col, 1})
			col++
		}
	}
	n := len(t.attrs)
	t.x = make([]float64, d.Rows*n)
	for a, src := range srcs {
		at := &t.attrs[a]
		if at.oneHot {
			for i := range d.Rows {
				level := 0
				for l := range src.width {
					if d.At(i, src.col+l) == 1 {
						level = l
					}
				}
				t.x[i*n+a] = float64(level)
			}
			continue
		}
		lo, hi := minMax(d, src.col)
		for i := range d.Rows {
			v := float64(d.At(i, src.col))
			if hi > lo {
				v = (v - lo) / (hi - lo)
			} else {
				v = 0
			}
			t.x[i*n+a] = v
		}
		if at.nominal {
			toLevels(t, a)
		}
	}
	return t
}

// minMax returns the smallest and largest value of column j.
func minMax(d *data.Dataset, j int) (lo, hi float64) {
	lo, hi = float64(d.At(0, j)), float64(d.At(0, j))
	for i := 1; i < d.Rows; i++ {
		v := float64(d.At(i, j))
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

// toLevels replaces attribute a's scaled values by indexes into its sorted
// distinct values.
func toLevels(t *table, a int) {
	n := len(t.attrs)
	var vals []float64
	for i := range t.rows() {
		vals = append(vals, t.x[i*n+a])
	}
	slices.Sort(vals)
	vals = slices.Compact(vals)
	t.attrs[a].values = vals
	for i := range t.rows() {
		idx, _ := slices.BinarySearch(vals, t.x[i*n+a])
		t.x[i*n+a] = float64(idx)
	}
}
