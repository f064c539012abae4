package frame

import (
	"fmt"
	"strconv"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
)

// Counts is ValueCounts' result: how often each value of one column
// occurs, most frequent first. It shows as a table; Chart draws it.
type Counts struct {
	Column string
	Values []chart.Count
	// Missing is the number of rows where the column has no value.
	Missing int
	note    string
}

// ValueCounts counts the values of one column (text, or numbers as Go
// prints them), most frequent first, ties in byte order; missing values are
// counted apart.
func (f *Frame) ValueCounts(name string) (*Counts, error) {
	i, err := f.col(name)
	if err != nil {
		return nil, err
	}
	c := f.cols[i]
	vc := c.valueCounts()
	present := 0
	for _, n := range vc {
		present += n.N
	}
	out := &Counts{Column: c.name, Values: vc, Missing: f.rows - present}
	if i == f.label {
		out.note = f.LabelNote()
	}
	return out, nil
}

// Chart draws the counts as horizontal bars, the 20 most frequent values.
func (c *Counts) Chart() (*chart.Chart, error) {
	return chart.Counts(c.Column, c.Values, chart.CountsOptions{})
}

// String lists the counts as text, at most 20 values.
func (c *Counts) String() string {
	t := c.table(20)
	return t.text()
}

// HTML shows the counts as a table, at most 20 values.
func (c *Counts) HTML() string {
	t := c.table(20)
	return t.html()
}

func (c *Counts) table(limit int) *table {
	total := c.Missing
	for _, v := range c.Values {
		total += v.N
	}
	t := &table{head: []string{c.Column, "count", "share"}, numeric: []bool{false, true, true}}
	for _, v := range c.Values[:min(limit, len(c.Values))] {
		t.rows = append(t.rows, []string{v.Value, strconv.Itoa(v.N), share(v.N, total)})
	}
	if c.Missing > 0 {
		t.rows = append(t.rows, []string{"(missing)", strconv.Itoa(c.Missing), share(c.Missing, total)})
	}
	t.caption = fmt.Sprintf("%d distinct values of %q in %d rows", len(c.Values), c.Column, total)
	if len(c.Values) > limit {
		t.caption += fmt.Sprintf(", the %d most frequent shown", limit)
	}
	if c.note != "" {
		t.caption += "; " + c.note
	}
	return t
}

func share(n, total int) string {
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(max(total, 1)))
}
