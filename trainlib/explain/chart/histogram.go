package chart

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Column is one named column of numbers to draw; NaN marks a missing value,
// which histograms leave out and count in their summary.
type Column struct {
	Name   string
	Values []float64
}

// HistogramOptions shape histograms. The zero value draws 20 bins per
// column, four panels to a row.
type HistogramOptions struct {
	// Bins is the number of equal-width bins; 0 means 20.
	Bins int
	// Title replaces the default title.
	Title string
	// Size is the chart's size; zero height grows with the number of rows
	// of panels.
	Size Size
}

// Histogram bounds.
const (
	defaultBins     = 20
	maxBins         = 1000
	histPerRow      = 4
	histPanelHeight = 2.1 * vg.Inch
)

// Histograms draws one histogram per column in a grid of small panels, as
// pandas' DataFrame.hist does: the distribution of every numeric column at
// a glance. Bin counts are computed here, one pass per column.
func Histograms(cols []Column, opt HistogramOptions) (*Chart, error) {
	if len(cols) == 0 {
		return nil, fmt.Errorf("chart: no columns to draw histograms of")
	}
	bins := opt.Bins
	if bins == 0 {
		bins = defaultBins
	}
	if bins < 1 || bins > maxBins {
		return nil, fmt.Errorf("chart: %d bins is outside [1, %d]", bins, maxBins)
	}
	perRow := min(len(cols), histPerRow)
	rows := (len(cols) + perRow - 1) / perRow
	size := opt.Size.withDefaults(DefaultWidth, vg.Length(rows)*histPanelHeight+0.5*vg.Inch)
	if err := size.check(); err != nil {
		return nil, fmt.Errorf("%w; draw fewer columns at a time", err)
	}
	title := opt.Title
	if title == "" {
		title = "Distribution of each numeric column"
		if len(cols) == 1 {
			title = "Distribution of " + cols[0].Name
		}
	}
	title = wrapTitle(title, size.Width-2*margin)
	grid := make([][]*plot.Plot, rows)
	for r := range grid {
		grid[r] = make([]*plot.Plot, perRow)
	}
	var summary strings.Builder
	fmt.Fprintf(&summary, "%s (%d bins)\n", title, bins)
	panelW := (size.Width - 2*margin) / vg.Length(perRow)
	for i, c := range cols {
		h, err := histogram(c.Values, bins)
		if err != nil {
			return nil, fmt.Errorf("chart: column %q: %w", c.Name, err)
		}
		grid[i/perRow][i%perRow] = h.panel(c.Name, panelW)
		fmt.Fprintf(&summary, "  %s: %d values in [%s, %s]", c.Name, h.n, formatValue(h.lo), formatValue(h.hi))
		if h.missing > 0 {
			fmt.Fprintf(&summary, ", %d missing", h.missing)
		}
		summary.WriteString("\n")
	}
	return &Chart{size: size, title: title, summary: summary.String(), drawFn: padded(titledGrid(title, grid))}, nil
}

// titledGrid draws title centred at the top and the panels of grid under
// it (nil panels stay blank).
func titledGrid(title string, grid [][]*plot.Plot) func(draw.Canvas) {
	sty := textStyle(titleSize)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
	titleH := sty.Height(title) + vg.Points(10)
	return func(c draw.Canvas) {
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, title)
		body := draw.Crop(c, 0, 0, 0, -titleH)
		tiles := draw.Tiles{Rows: len(grid), Cols: len(grid[0]), PadX: vg.Points(12), PadY: vg.Points(12)}
		canvases := plot.Align(grid, tiles, body)
		for r := range grid {
			for k, p := range grid[r] {
				if p != nil {
					p.Draw(canvases[r][k])
				}
			}
		}
	}
}

// hist is one column's bin counts over [lo, hi].
type hist struct {
	lo, hi     float64
	counts     []float64
	n, missing int
}

// histogram counts values into bins equal-width bins from the smallest to
// the largest; a column of one value gets one unit-wide bin around it.
func histogram(values []float64, bins int) (*hist, error) {
	h := &hist{lo: math.Inf(1), hi: math.Inf(-1)}
	for _, v := range values {
		switch {
		case math.IsNaN(v):
			h.missing++
		case math.IsInf(v, 0):
			return nil, fmt.Errorf("value %v cannot be drawn; every value must be finite or missing (NaN)", v)
		default:
			h.lo, h.hi = min(h.lo, v), max(h.hi, v)
			h.n++
		}
	}
	if h.n == 0 {
		return nil, fmt.Errorf("no values to draw (%d missing)", h.missing)
	}
	if h.lo == h.hi {
		h.lo, h.hi, bins = h.lo-0.5, h.hi+0.5, 1
	}
	h.counts = make([]float64, bins)
	scale := float64(bins) / (h.hi - h.lo)
	for _, v := range values {
		if v == v {
			h.counts[min(int((v-h.lo)*scale), bins-1)]++
		}
	}
	return h, nil
}

// panel draws the histogram as a small plot titled name.
func (h *hist) panel(name string, w vg.Length) *plot.Plot {
	p := newPlot(wrapAxisLabel(name, w-10), "", "")
	p.Title.TextStyle.Font.Size = labelSize
	p.Title.Padding = vg.Points(3)
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal = gridStyle()
	width := (h.hi - h.lo) / float64(len(h.counts))
	bins := make([]plotter.HistogramBin, len(h.counts))
	for i, c := range h.counts {
		lo := h.lo + float64(i)*width
		bins[i] = plotter.HistogramBin{Min: lo, Max: lo + width, Weight: c}
	}
	bars := &plotter.Histogram{Bins: bins, Width: width, FillColor: barColor,
		LineStyle: draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}}
	p.Add(grid, bars)
	p.X.Tick.Marker = compactTicks{niceTicks{maxLabels: labelsFor(w, shortLabel)}}
	p.Y.Tick.Marker = compactTicks{niceTicks{maxLabels: 5}}
	p.Y.Min = 0
	return p
}

// compactTicks is niceTicks with large values written short (20k, 1.5M), so
// narrow panels keep their labels apart.
type compactTicks struct{ niceTicks }

// Ticks implements plot.Ticker.
func (t compactTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := t.niceTicks.Ticks(lo, hi)
	top := 0.0
	for _, k := range ticks {
		top = max(top, math.Abs(k.Value))
	}
	unit, suffix := 1.0, ""
	switch {
	case top >= 1e9:
		unit, suffix = 1e9, "G"
	case top >= 1e6:
		unit, suffix = 1e6, "M"
	case top >= 1e4:
		unit, suffix = 1e3, "k"
	default:
		return ticks
	}
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = formatFixed(ticks[i].Value/unit, 2) + suffix
		}
	}
	return ticks
}
