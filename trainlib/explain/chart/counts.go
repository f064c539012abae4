package chart

import (
	"fmt"
	"strconv"
	"strings"
)

// Count is how often one value occurs.
type Count struct {
	Value string
	N     int
}

// CountsOptions shape a value-count bar chart. The zero value shows the 20
// most frequent values.
type CountsOptions struct {
	// TopN is how many values to show, in the order given; 0 means 20 and
	// a negative value shows all.
	TopN int
	// Title replaces the default title "Value counts of <column>".
	Title string
	// Size is the chart's size; the height grows with the number of bars.
	Size Size
}

// Counts draws how often each value of a column occurs as horizontal bars,
// the first count (the most frequent, as ValueCounts orders them) at the
// top, each bar with its count and share.
func Counts(column string, counts []Count, opt CountsOptions) (*Chart, error) {
	if len(counts) == 0 {
		return nil, fmt.Errorf("chart: column %q has no values to count", column)
	}
	total := 0
	for _, c := range counts {
		if c.N < 0 {
			return nil, fmt.Errorf("chart: value %q of column %q has a negative count %d", c.Value, column, c.N)
		}
		total += c.N
	}
	top := opt.TopN
	if top == 0 {
		top = 20
	}
	if top < 0 || top > len(counts) {
		top = len(counts)
	}
	title := opt.Title
	if title == "" {
		title = "Value counts of " + column
		if top < len(counts) {
			title += fmt.Sprintf(" (top %d of %d values)", top, len(counts))
		}
	}
	size := opt.Size.withDefaults(DefaultWidth, 0)
	title = wrapTitle(title, size.Width-2*margin)
	tick := textStyle(tickSize)
	names := make([]string, top)
	values := make([]float64, top)
	ends := make([]string, top)
	maxLines := 1
	for i, c := range counts[:top] {
		lines := wrapLabel(nonEmpty(c.Value, "(empty)"), tick, 0.3*size.Width)
		maxLines = max(maxLines, len(lines))
		names[top-1-i] = strings.Join(lines, "\n")
		values[top-1-i] = float64(c.N)
		ends[top-1-i] = fmt.Sprintf("%d (%.1f%%)", c.N, 100*float64(c.N)/float64(max(total, 1)))
	}
	axis := "rows"
	size.Height = importanceHeight(opt.Size.Height, top, maxLines, title, axis)
	if err := size.check(); err != nil {
		return nil, fmt.Errorf("%w; show fewer values (TopN)", err)
	}
	p := barPlot(title, axis, names, &hbars{values: values, ends: ends, fill: barColor})
	p.Y.Padding = 0
	p.X.Min = 0
	p.X.Tick.Marker = niceTicks{maxLabels: labelsFor(0.7*size.Width, decimalLabel)}

	var summary strings.Builder
	fmt.Fprintf(&summary, "%s\n", title)
	for _, c := range counts[:top] {
		fmt.Fprintf(&summary, "  %s  %s\n", strconv.Quote(c.Value), strconv.Itoa(c.N))
	}
	return &Chart{size: size, title: title, summary: summary.String(), drawFn: padded(p.Draw)}, nil
}
