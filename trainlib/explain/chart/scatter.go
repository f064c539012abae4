package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ScatterOptions shape a scatter plot.
type ScatterOptions struct {
	// GroupName names what Groups holds (the label column, say); it heads
	// the legend.
	GroupName string
	// Title replaces the default title "<y> against <x>".
	Title string
	// Size is the chart's size.
	Size Size
}

// maxGroups caps the colours of one scatter plot.
const maxGroups = 10

// Scatter draws y against x, one point per row, coloured by groups[i] (the
// label's value, say) when groups is not nil; rows where x or y is missing
// (NaN) are left out and counted in the summary.
func Scatter(x, y Column, groups []string, opt ScatterOptions) (*Chart, error) {
	if len(x.Values) != len(y.Values) || (groups != nil && len(groups) != len(x.Values)) {
		return nil, fmt.Errorf("chart: scatter of %q (%d values) against %q (%d values) with %d groups: give as many of each",
			y.Name, len(y.Values), x.Name, len(x.Values), len(groups))
	}
	var names []string
	index := map[string]int{}
	var pts []plotter.XYs
	missing := 0
	for i := range x.Values {
		xv, yv := x.Values[i], y.Values[i]
		if math.IsNaN(xv) || math.IsNaN(yv) {
			missing++
			continue
		}
		if math.IsInf(xv, 0) || math.IsInf(yv, 0) {
			return nil, fmt.Errorf("chart: row %d holds an infinite value; every value must be finite or missing (NaN)", i)
		}
		g := ""
		if groups != nil {
			g = groups[i]
		}
		k, ok := index[g]
		if !ok {
			if len(names) == maxGroups {
				return nil, fmt.Errorf("chart: more than %d groups to colour by (%s); colour by a column with fewer values", maxGroups, opt.GroupName)
			}
			k = len(names)
			index[g] = k
			names = append(names, g)
			pts = append(pts, nil)
		}
		pts[k] = append(pts[k], plotter.XY{X: xv, Y: yv})
	}
	// Colours by group name, not by which row came first.
	order := make([]int, len(names))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(names[a], names[b]) })
	sortedNames, sortedPts := make([]string, len(names)), make([]plotter.XYs, len(names))
	for k, j := range order {
		sortedNames[k], sortedPts[k] = names[j], pts[j]
	}
	names, pts = sortedNames, sortedPts
	if len(names) == 0 {
		return nil, fmt.Errorf("chart: no rows where both %q and %q have values", x.Name, y.Name)
	}
	title := nonEmpty(opt.Title, fmt.Sprintf("%s against %s", y.Name, x.Name))
	size := opt.Size.withDefaults(DefaultWidth, DefaultHeight)
	if err := size.check(); err != nil {
		return nil, err
	}
	title = wrapTitle(title, size.Width-2*margin)
	p := newPlot(title, x.Name, y.Name)
	grid := plotter.NewGrid()
	grid.Vertical, grid.Horizontal = gridStyle(), gridStyle()
	p.Add(grid)
	var summary strings.Builder
	fmt.Fprintf(&summary, "%s: %d points", title, len(x.Values)-missing)
	if missing > 0 {
		fmt.Fprintf(&summary, " (%d rows with a missing value left out)", missing)
	}
	summary.WriteString("\n")
	for k, name := range names {
		s, err := plotter.NewScatter(pts[k])
		if err != nil {
			return nil, fmt.Errorf("chart: scatter: %w", err)
		}
		rgb := cycle[k%len(cycle)]
		c := color.NRGBA{R: rgb.R, G: rgb.G, B: rgb.B, A: 0xc0}
		s.GlyphStyle = draw.GlyphStyle{Color: c, Radius: vg.Points(2.2), Shape: draw.CircleGlyph{}}
		p.Add(s)
		if groups != nil {
			label := name
			if opt.GroupName != "" {
				label = opt.GroupName + " = " + name
			}
			p.Legend.Add(label, s)
			fmt.Fprintf(&summary, "  %s: %d points\n", label, len(pts[k]))
		}
	}
	p.Legend.Top = true
	p.X.Tick.Marker = niceTicks{maxLabels: labelsFor(size.Width, decimalLabel)}
	p.Y.Tick.Marker = niceTicks{}
	return &Chart{size: size, title: title, summary: summary.String(), drawFn: padded(p.Draw)}, nil
}
