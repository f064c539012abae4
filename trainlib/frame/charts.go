package frame

import (
	"fmt"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
)

// Histograms draws a histogram of each named numeric column, or of every
// numeric column when none is named, in a grid of small panels.
func (f *Frame) Histograms(names ...string) (*chart.Chart, error) {
	var cols []chart.Column
	if len(names) == 0 {
		for _, c := range f.cols {
			if !c.isText {
				cols = append(cols, chart.Column{Name: c.name, Values: c.num})
			}
		}
		if len(cols) == 0 {
			return nil, fmt.Errorf("frame: no numeric columns to draw; ValueCounts(name).Chart() draws a text column")
		}
	}
	for _, n := range names {
		i, err := f.col(n)
		if err != nil {
			return nil, err
		}
		if f.cols[i].isText {
			return nil, fmt.Errorf("frame: column %q holds text; draw its ValueCounts(%q).Chart() instead", f.cols[i].name, f.cols[i].name)
		}
		cols = append(cols, chart.Column{Name: f.cols[i].name, Values: f.cols[i].num})
	}
	return chart.Histograms(cols, chart.HistogramOptions{})
}

// BarChart draws the value counts of one column as bars, the 20 most
// frequent values.
func (f *Frame) BarChart(name string) (*chart.Chart, error) {
	vc, err := f.ValueCounts(name)
	if err != nil {
		return nil, err
	}
	return vc.Chart()
}

// Scatter draws numeric column y against numeric column x, one point per
// row, coloured by the label's value when the frame has a label.
func (f *Frame) Scatter(x, y string) (*chart.Chart, error) {
	var xy [2]chart.Column
	for k, n := range []string{x, y} {
		i, err := f.col(n)
		if err != nil {
			return nil, err
		}
		if f.cols[i].isText {
			return nil, fmt.Errorf("frame: column %q holds text; a scatter plot needs two numeric columns", f.cols[i].name)
		}
		xy[k] = chart.Column{Name: f.cols[i].name, Values: f.cols[i].num}
	}
	var groups []string
	opt := chart.ScatterOptions{}
	if f.label >= 0 {
		groups, _ = f.TextColumn(f.cols[f.label].name)
		opt.GroupName = f.cols[f.label].name
	}
	return chart.Scatter(xy[0], xy[1], groups, opt)
}
