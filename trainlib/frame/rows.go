package frame

import (
	"fmt"
	"math"
	"strconv"
)

// Head returns the first n rows (all of them when there are fewer).
func (f *Frame) Head(n int) *Frame {
	return f.take(rangeOf(0, min(max(n, 0), f.rows)))
}

// Tail returns the last n rows (all of them when there are fewer).
func (f *Frame) Tail(n int) *Frame {
	return f.take(rangeOf(f.rows-min(max(n, 0), f.rows), f.rows))
}

func rangeOf(lo, hi int) []int {
	idx := make([]int, hi-lo)
	for i := range idx {
		idx[i] = lo + i
	}
	return idx
}

// Select returns the named columns, in the order named. The label stays
// the label when it is among them.
func (f *Frame) Select(names ...string) (*Frame, error) {
	out := &Frame{rows: f.rows, label: -1, opt: f.opt, source: f.source}
	for _, n := range names {
		i, err := f.col(n)
		if err != nil {
			return nil, err
		}
		if i == f.label {
			out.label, out.neg, out.pos = len(out.cols), f.neg, f.pos
		}
		out.cols = append(out.cols, f.cols[i])
	}
	if out.label < 0 {
		out.opt.Label = ""
	}
	return out.take(rangeOf(0, f.rows)), nil
}

// Filter returns the rows for which keep returns true, in order. keep
// reads a row's values by column name:
//
//	older := f.Filter(func(r frame.Row) bool { return r.Num("AGE") >= 60 })
func (f *Frame) Filter(keep func(r Row) bool) *Frame {
	var idx []int
	for i := 0; i < f.rows; i++ {
		if keep(Row{f: f, i: i}) {
			idx = append(idx, i)
		}
	}
	return f.take(idx)
}

// take returns a frame of rows idx of f, in that order.
func (f *Frame) take(idx []int) *Frame {
	out := &Frame{rows: len(idx), label: f.label, neg: f.neg, pos: f.pos, opt: f.opt, source: f.source}
	for _, c := range f.cols {
		n := &column{name: c.name, isText: c.isText, levels: c.levels}
		if c.isText {
			n.codes = make([]int32, len(idx))
			for j, i := range idx {
				n.codes[j] = c.codes[i]
			}
		} else {
			n.num = make([]float64, len(idx))
			for j, i := range idx {
				n.num[j] = c.num[i]
			}
		}
		out.cols = append(out.cols, n)
	}
	return out
}

// Row is one row of a Frame, as Filter hands it to its predicate.
type Row struct {
	f *Frame
	i int
}

// Index returns the row's position in the frame, from 0.
func (r Row) Index() int { return r.i }

// Num returns the value of a numeric column: NaN when it is missing, or
// when the column holds text or does not exist (Filter has no error to
// return; use Text for text columns).
func (r Row) Num(name string) float64 {
	i, err := r.f.col(name)
	if err != nil || r.f.cols[i].isText {
		return math.NaN()
	}
	return r.f.cols[i].num[r.i]
}

// Text returns the value of a column as text: a text column's value, a
// number as Go prints it, or "" when missing or there is no such column.
func (r Row) Text(name string) string {
	i, err := r.f.col(name)
	if err != nil {
		return ""
	}
	return r.f.cols[i].cell(r.i)
}

// cell returns row i's value as text; "" when missing.
func (c *column) cell(i int) string {
	if c.isText {
		if k := c.codes[i]; k >= 0 {
			return c.levels[k]
		}
		return ""
	}
	v := c.num[i]
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Column returns the values of a numeric column (NaN when missing), a copy.
func (f *Frame) Column(name string) ([]float64, error) {
	i, err := f.col(name)
	if err != nil {
		return nil, err
	}
	c := f.cols[i]
	if c.isText {
		return nil, fmt.Errorf("frame: column %q holds text; use TextColumn", c.name)
	}
	return append([]float64(nil), c.num...), nil
}

// TextColumn returns the values of any column as text ("" when missing).
func (f *Frame) TextColumn(name string) ([]string, error) {
	i, err := f.col(name)
	if err != nil {
		return nil, err
	}
	out := make([]string, f.rows)
	for r := range out {
		out[r] = f.cols[i].cell(r)
	}
	return out, nil
}
