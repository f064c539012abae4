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

// Series is a named sequence of per-round values: one data set's metric
// during training, or one trial's validation metric.
type Series struct {
	Name   string
	Values []float64
}

// EvalsResult holds the metrics recorded while training, shaped like
// XGBoost's evals_result: data set name (train, validation…) → metric
// name (logloss, error, auc…) → one value per boosting round. A
// gbdt.History has the same shape and converts directly:
// chart.EvalsResult(history).
type EvalsResult map[string]map[string][]float64

// CurveOptions shape a learning-curve chart.
type CurveOptions struct {
	// Metric picks the metric from an EvalsResult (required when it holds
	// several) and labels the value axis.
	Metric string
	// Title replaces the default title.
	Title string
	// MarkBest draws a dashed line at BestIteration, counted from 0 as
	// XGBoost's best_iteration (round BestIteration+1 on the axis).
	MarkBest      bool
	BestIteration int
	// LogY puts the metric on a log scale (every value must be positive).
	LogY bool
	// Size is the chart's size; the width grows when the legend needs it.
	Size Size
}

// maxLegendShare is the largest share of the width the legend may take
// before the chart grows wider.
const maxLegendShare = 0.35

// LearningCurve draws one model's metric per round for each data set in
// evals, training data first.
func LearningCurve(evals EvalsResult, opt CurveOptions) (*Chart, error) {
	if len(evals) == 0 {
		return nil, fmt.Errorf("chart: no evaluation results to draw; train with at least one evaluation set")
	}
	sets := make([]string, 0, len(evals))
	for name := range evals {
		sets = append(sets, name)
	}
	slices.SortFunc(sets, func(a, b string) int {
		ta, tb := strings.Contains(a, "train"), strings.Contains(b, "train")
		if ta != tb {
			if ta {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	metric := opt.Metric
	if metric == "" {
		metrics := map[string]bool{}
		for _, m := range evals {
			for name := range m {
				metrics[name] = true
			}
		}
		if len(metrics) != 1 {
			names := make([]string, 0, len(metrics))
			for n := range metrics {
				names = append(names, n)
			}
			slices.Sort(names)
			return nil, fmt.Errorf("chart: evaluation results hold metrics %v; set CurveOptions.Metric to one of them", names)
		}
		for name := range metrics {
			metric = name
		}
	}
	series := make([]Series, 0, len(sets))
	for _, set := range sets {
		vs, ok := evals[set][metric]
		if !ok {
			return nil, fmt.Errorf("chart: data set %q has no metric %q", set, metric)
		}
		series = append(series, Series{Name: set, Values: vs})
	}
	opt.Metric = metric
	if opt.Title == "" {
		opt.Title = fmt.Sprintf("Learning curve (%s)", metric)
	}
	return curves(series, opt)
}

// TrialCurves draws every trial of a tuning run on one chart, one line per
// trial, with a legend beside the plot in as many columns as it needs.
func TrialCurves(trials []Series, opt CurveOptions) (*Chart, error) {
	if len(trials) == 0 {
		return nil, fmt.Errorf("chart: no trials to draw")
	}
	if opt.Title == "" {
		opt.Title = fmt.Sprintf("%s per round, %d trials", nonEmpty(opt.Metric, "metric"), len(trials))
	}
	return curves(trials, opt)
}

// nonEmpty returns s, or def when s is empty.
func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// curves draws series against rounds 1, 2, … with a side legend.
func curves(series []Series, opt CurveOptions) (*Chart, error) {
	if err := checkSeries(series, opt.LogY); err != nil {
		return nil, err
	}
	size := opt.Size.withDefaults(DefaultWidth, DefaultHeight)
	if err := size.check(); err != nil {
		return nil, err
	}
	p := newPlot(opt.Title, "boosting round", wrapAxisLabel(nonEmpty(opt.Metric, "metric"), size.Height-2*margin-80))
	grid := plotter.NewGrid()
	grid.Vertical, grid.Horizontal = gridStyle(), gridStyle()
	p.Add(grid)
	leg := &sideLegend{sty: textStyle(tickSize), top: p.Title.TextStyle.Height(opt.Title) + p.Title.Padding}
	rounds := 0
	for i, s := range series {
		xys := make(plotter.XYs, len(s.Values))
		for r, v := range s.Values {
			xys[r] = plotter.XY{X: float64(r + 1), Y: v}
		}
		rounds = max(rounds, len(s.Values))
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, fmt.Errorf("chart: series %q: %w", s.Name, err)
		}
		line.LineStyle = seriesStyle(i)
		p.Add(line)
		leg.names = append(leg.names, nonEmpty(s.Name, fmt.Sprintf("series %d", i+1)))
		leg.styles = append(leg.styles, line.LineStyle)
	}
	if opt.MarkBest {
		if opt.BestIteration < 0 || opt.BestIteration >= rounds {
			return nil, fmt.Errorf("chart: best iteration %d is outside the %d recorded rounds (count from 0)", opt.BestIteration, rounds)
		}
		p.Add(&vline{x: float64(opt.BestIteration + 1), style: draw.LineStyle{
			Color: ink, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(4), vg.Points(3)},
		}})
		leg.names = append(leg.names, fmt.Sprintf("best iteration %d", opt.BestIteration))
		leg.styles = append(leg.styles, draw.LineStyle{Color: ink, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}})
	}
	p.X.Min = 1
	p.X.Max = math.Max(float64(rounds), 2)
	p.Y.Tick.Marker = niceTicks{maxLabels: 8}
	if opt.LogY {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{maxLabels: 8}
	}

	legW := leg.fit(size.Height)
	if legW > maxLegendShare*size.Width {
		size.Width = vg.Length(math.Ceil(float64(legW / maxLegendShare)))
		if err := size.check(); err != nil {
			return nil, fmt.Errorf("%w: the legend of %d series is too wide; shorten the names or draw fewer series", err, len(leg.names))
		}
	}
	p.X.Tick.Marker = roundTicks{maxLabels: labelsFor(size.Width-legW-80, intLabel)}
	p.Title.Text = wrapTitle(opt.Title, size.Width-2*margin-legW)
	leg.top = p.Title.TextStyle.Height(p.Title.Text) + p.Title.Padding
	legW = leg.fit(size.Height)
	return &Chart{
		size:    size,
		title:   opt.Title,
		summary: curvesSummary(opt.Title, series),
		drawFn: padded(func(c draw.Canvas) {
			p.Draw(draw.Crop(c, 0, -legW, 0, 0))
			leg.draw(draw.Crop(c, c.Size().X-legW, 0, 0, 0))
		}),
	}, nil
}

// checkSeries refuses empty series and values that cannot be drawn, naming
// the series and the round.
func checkSeries(series []Series, logY bool) error {
	for _, s := range series {
		if len(s.Values) == 0 {
			return fmt.Errorf("chart: series %q has no values", s.Name)
		}
		for r, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("chart: series %q round %d is %v; every value must be finite", s.Name, r+1, v)
			}
			if logY && v <= 0 {
				return fmt.Errorf("chart: series %q round %d is %v, which a log scale cannot show; turn LogY off", s.Name, r+1, v)
			}
		}
	}
	return nil
}

// curvesSummary describes each series by its first, last and best values.
func curvesSummary(title string, series []Series) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", title)
	for _, s := range series {
		lo, hi := slices.Min(s.Values), slices.Max(s.Values)
		fmt.Fprintf(&b, "  %s: %d rounds, first %s, last %s, min %s, max %s\n", s.Name, len(s.Values),
			formatValue(s.Values[0]), formatValue(s.Values[len(s.Values)-1]), formatValue(lo), formatValue(hi))
	}
	return b.String()
}

// vline is a vertical line across the data area at x.
type vline struct {
	x     float64
	style draw.LineStyle
}

// Plot implements plot.Plotter.
func (l *vline) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x := trX(l.x)
	c.StrokeLine2(l.style, x, c.Min.Y, x, c.Max.Y)
}
