package frame

import (
	"fmt"
	"strconv"
	"strings"
)

// shownRows is how many rows a frame shows: all of a frame this small,
// else the first and last shownRows/2.
const shownRows = 10

// HTML shows the frame in a notebook: its first and last rows, each
// column's type, the shape and how the label is read.
func (f *Frame) HTML() string { return f.table().html() }

// String shows the frame as plain text, as HTML does.
func (f *Frame) String() string { return f.table().text() }

func (f *Frame) table() *table {
	t := &table{head: append([]string{""}, f.Names()...), types: append([]string{""}, f.Types()...)}
	t.numeric = make([]bool, len(t.head))
	for i := range t.numeric {
		t.numeric[i] = i == 0 || !f.cols[i-1].isText
	}
	idx := rangeOf(0, f.rows)
	if f.rows > shownRows+shownRows/2 {
		idx = append(rangeOf(0, shownRows/2), rangeOf(f.rows-shownRows/2, f.rows)...)
		t.gap = shownRows / 2
	}
	for _, i := range idx {
		r := []string{strconv.Itoa(i)}
		for _, c := range f.cols {
			r = append(r, c.cell(i))
		}
		t.rows = append(t.rows, r)
	}
	numeric, text := 0, 0
	for _, c := range f.cols {
		if c.isText {
			text++
		} else {
			numeric++
		}
	}
	t.caption = fmt.Sprintf("%d rows × %d columns (%d numeric, %d text)", f.rows, len(f.cols), numeric, text)
	if note := f.LabelNote(); note != "" {
		t.caption += "; " + note
	}
	return t
}

// HTML shows the description as a table, one row per column.
func (d *Description) HTML() string { return d.table().html() }

// String shows the description as plain text.
func (d *Description) String() string { return d.table().text() }

func (d *Description) table() *table {
	t := &table{head: []string{"column", "type", "count", "missing", "mean", "std", "min", "25%", "50%", "75%", "max", "distinct", "top values"}}
	t.numeric = []bool{false, false, true, true, true, true, true, true, true, true, true, true, false}
	for _, s := range d.Columns {
		r := []string{s.Name, s.Type, strconv.Itoa(s.Count), strconv.Itoa(s.Missing)}
		for _, v := range []float64{s.Mean, s.Std, s.Min, s.Q25, s.Median, s.Q75, s.Max} {
			r = append(r, formatStat(v))
		}
		distinct, top := "", make([]string, len(s.Top))
		if s.Type == "text" {
			distinct = strconv.Itoa(s.Distinct)
		}
		for i, c := range s.Top {
			top[i] = fmt.Sprintf("%s (%d)", c.Value, c.N)
		}
		t.rows = append(t.rows, append(r, distinct, strings.Join(top, ", ")))
	}
	t.caption = fmt.Sprintf("%d rows, %d columns", d.Rows, len(d.Columns))
	if d.note != "" {
		t.caption += "; " + d.note
	}
	return t
}
