package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Trial is one finished tuning trial: the parameter values it tried and the
// score it reached.
type Trial struct {
	Name   string
	Params map[string]float64
	Score  float64
}

// TuningOptions shape a tuning chart.
type TuningOptions struct {
	// Metric names the score, e.g. "validation logloss".
	Metric string
	// Maximize says a higher score is better (auc); otherwise lower is
	// (logloss, error). The best trial is highlighted.
	Maximize bool
	// LogParams and LinearParams force a parameter's axis scale. Otherwise
	// a parameter gets a log axis when its values are all positive and it
	// is a rate or a penalty (eta, learning_rate, lambda, alpha…) or its
	// values span a factor of 50 or more.
	LogParams, LinearParams []string
	// Title replaces the default title.
	Title string
	// Size is the chart's size; zero width grows with the number of
	// parameters.
	Size Size
}

// logNamed lists parameters searched on a log scale by convention.
var logNamed = []string{"eta", "learning_rate", "lambda", "alpha", "reg_lambda", "reg_alpha", "min_child_weight"}

// maxPanelsPerRow is how many parameter panels share a row.
const maxPanelsPerRow = 3

// Tuning draws the score against each tuned parameter, one panel per
// parameter in name order, the best trial in a contrasting colour.
func Tuning(trials []Trial, opt TuningOptions) (*Chart, error) {
	params, err := checkTrials(trials)
	if err != nil {
		return nil, err
	}
	metric := nonEmpty(opt.Metric, "score")
	best := 0
	for i, t := range trials {
		if (opt.Maximize && t.Score > trials[best].Score) || (!opt.Maximize && t.Score < trials[best].Score) {
			best = i
		}
	}
	title := opt.Title
	if title == "" {
		title = fmt.Sprintf("%s by parameter, %d trials; best (orange triangle): %s, %s", metric, len(trials),
			nonEmpty(trials[best].Name, fmt.Sprintf("trial %d", best)), formatValue(trials[best].Score))
	}
	cols := min(len(params), maxPanelsPerRow)
	rows := (len(params) + cols - 1) / cols
	size := opt.Size.withDefaults(max(DefaultWidth, vg.Length(cols)*3.2*vg.Inch), vg.Length(rows)*3.6*vg.Inch)
	if err := size.check(); err != nil {
		return nil, fmt.Errorf("%w; tune fewer parameters per chart", err)
	}

	grid := make([][]*plot.Plot, rows)
	for r := range grid {
		grid[r] = make([]*plot.Plot, cols)
	}
	for i, name := range params {
		p, err := paramPanel(trials, name, wrapAxisLabel(metric, size.Height/vg.Length(rows)-90), best, useLog(name, trials, opt), panelWidth(size.Width, cols))
		if err != nil {
			return nil, err
		}
		grid[i/cols][i%cols] = p
	}
	for i := len(params); i < rows*cols; i++ {
		grid[i/cols][i%cols] = nil
	}

	titleSty := textStyle(titleSize)
	titleSty.XAlign, titleSty.YAlign = draw.XCenter, draw.YTop
	title = wrapTitle(title, size.Width-2*margin)
	titleH := titleSty.Height(title) + vg.Points(10)
	return &Chart{
		size:    size,
		title:   title,
		summary: tuningSummary(title, trials, params, best),
		drawFn: padded(func(c draw.Canvas) {
			c.FillText(titleSty, vg.Point{X: c.Center().X, Y: c.Max.Y}, title)
			body := draw.Crop(c, 0, 0, 0, -titleH)
			tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Points(14), PadY: vg.Points(14)}
			canvases := plot.Align(grid, tiles, body)
			for r := range grid {
				for k, p := range grid[r] {
					if p != nil {
						p.Draw(canvases[r][k])
					}
				}
			}
		}),
	}, nil
}

// checkTrials returns the sorted union of parameter names, refusing
// trials without parameters and values that cannot be drawn.
func checkTrials(trials []Trial) ([]string, error) {
	if len(trials) == 0 {
		return nil, fmt.Errorf("chart: no trials to draw")
	}
	seen := map[string]bool{}
	for i, t := range trials {
		if math.IsNaN(t.Score) || math.IsInf(t.Score, 0) {
			return nil, fmt.Errorf("chart: trial %d (%q) has score %v; every score must be finite", i, t.Name, t.Score)
		}
		for name, v := range t.Params {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("chart: trial %d (%q) parameter %s is %v; every value must be finite", i, t.Name, name, v)
			}
			seen[name] = true
		}
	}
	if len(seen) == 0 {
		return nil, fmt.Errorf("chart: the trials record no parameters; nothing was tuned")
	}
	params := make([]string, 0, len(seen))
	for name := range seen {
		params = append(params, name)
	}
	slices.Sort(params)
	return params, nil
}

// useLog decides the scale of parameter name's axis.
func useLog(name string, trials []Trial, opt TuningOptions) bool {
	if slices.Contains(opt.LinearParams, name) {
		return false
	}
	if slices.Contains(opt.LogParams, name) {
		return true
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, t := range trials {
		if v, ok := t.Params[name]; ok {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo <= 0 {
		return false
	}
	return slices.Contains(logNamed, name) || hi/lo >= 50
}

// paramPanel is one parameter's scatter of scores.
func paramPanel(trials []Trial, name, metric string, best int, logX bool, axisW vg.Length) (*plot.Plot, error) {
	var pts, top plotter.XYs
	integer := true
	for i, t := range trials {
		v, ok := t.Params[name]
		if !ok {
			continue
		}
		integer = integer && v == math.Trunc(v)
		if i == best {
			top = append(top, plotter.XY{X: v, Y: t.Score})
			continue
		}
		pts = append(pts, plotter.XY{X: v, Y: t.Score})
	}
	if logX {
		for _, t := range trials {
			if v, ok := t.Params[name]; ok && v <= 0 {
				return nil, fmt.Errorf("chart: parameter %s has value %v, which a log axis cannot show; list it in LinearParams", name, v)
			}
		}
	}
	xLabel := name
	if logX {
		xLabel += " (log scale)"
	}
	p := newPlot("", wrapAxisLabel(xLabel, axisW), metric)
	grid := plotter.NewGrid()
	grid.Vertical, grid.Horizontal = gridStyle(), gridStyle()
	p.Add(grid)
	for _, set := range []struct {
		xys    plotter.XYs
		colour int
		radius vg.Length
		shape  draw.GlyphDrawer
	}{{pts, 0, 3.2, draw.CircleGlyph{}}, {top, 1, 5, draw.PyramidGlyph{}}} {
		if len(set.xys) == 0 {
			continue
		}
		s, err := plotter.NewScatter(set.xys)
		if err != nil {
			return nil, fmt.Errorf("chart: parameter %s: %w", name, err)
		}
		s.GlyphStyle = draw.GlyphStyle{Color: cycle[set.colour], Radius: vg.Points(float64(set.radius)), Shape: set.shape}
		p.Add(s)
	}
	padAxis(&p.X, logX)
	padAxis(&p.Y, false)
	p.Y.Tick.Marker = niceTicks{maxLabels: 8}
	p.X.Tick.Marker = niceTicks{maxLabels: labelsFor(axisW, decimalLabel)}
	switch {
	case logX:
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = logTicks{maxLabels: labelsFor(axisW, shortLabel)}
	case integer && p.X.Max-p.X.Min <= 16:
		p.X.Tick.Marker = intTicks{maxLabels: labelsFor(axisW, intLabel)}
	}
	return p, nil
}

// panelWidth is the x axis length of a panel in a chart w wide with cols
// panels per row, the y axis taking about 70pt.
func panelWidth(w vg.Length, cols int) vg.Length {
	return (w-2*margin)/vg.Length(cols) - 70
}

// padAxis widens an axis range a little so glyphs at the ends stay whole:
// by 8% of the range, or by a factor on a log axis.
func padAxis(a *plot.Axis, log bool) {
	if log {
		a.Min, a.Max = a.Min/1.25, a.Max*1.25
		return
	}
	d := (a.Max - a.Min) * 0.08
	if d == 0 {
		d = math.Max(math.Abs(a.Max)*0.1, 0.5)
	}
	a.Min, a.Max = a.Min-d, a.Max+d
}

// tuningSummary lists the trials as text, best first marked.
func tuningSummary(title string, trials []Trial, params []string, best int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", title)
	for i, t := range trials {
		mark := " "
		if i == best {
			mark = "*"
		}
		fmt.Fprintf(&b, "%s %s: score %s", mark, nonEmpty(t.Name, fmt.Sprintf("trial %d", i)), formatValue(t.Score))
		for _, name := range params {
			if v, ok := t.Params[name]; ok {
				fmt.Fprintf(&b, ", %s=%s", name, formatValue(v))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
