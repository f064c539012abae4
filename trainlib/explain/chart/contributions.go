package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Colours of contributions: what raises the score and what lowers it.
var (
	upColor   = color.RGBA{R: 0x3b, G: 0x9a, B: 0x5a, A: 0xff}
	downColor = color.RGBA{R: 0xd6, G: 0x4f, B: 0x4f, A: 0xff}
	restColor = color.RGBA{R: 0xa0, G: 0xa0, B: 0xa0, A: 0xff}
)

// ContributionOptions shape a contribution chart.
type ContributionOptions struct {
	// TopN is how many features get their own bar, largest magnitude
	// first; the rest are summed into one grey bar. 0 means 10, negative
	// shows every non-zero contribution.
	TopN int
	// Title replaces the default title.
	Title string
	// LabelShare is the largest share of the width feature labels may
	// take; 0 means 0.35.
	LabelShare float64
	// Size is the chart's size; the height grows when labels wrap.
	Size Size
}

// Contributions draws one prediction's feature contributions as signed
// horizontal bars, green for what raises the margin and red for what lowers
// it, the largest at the top. labels name the features (with their values,
// if wanted) and contribs holds one contribution per label; bias and the
// margin are stated in the title.
func Contributions(labels []string, contribs []float64, bias float64, opt ContributionOptions) (*Chart, error) {
	if len(labels) != len(contribs) {
		return nil, fmt.Errorf("chart: %d labels for %d contributions", len(labels), len(contribs))
	}
	total := bias
	type bar struct {
		label string
		v     float64
	}
	var bars []bar
	for i, v := range contribs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("chart: contribution of %q is %v; contributions must be finite", labels[i], v)
		}
		total += v
		if v != 0 {
			bars = append(bars, bar{labels[i], v})
		}
	}
	if len(bars) == 0 {
		return nil, fmt.Errorf("chart: every contribution is zero; the prediction is the bias alone (%v)", bias)
	}
	slices.SortStableFunc(bars, func(a, b bar) int { return cmp.Compare(math.Abs(b.v), math.Abs(a.v)) })
	top := opt.TopN
	if top == 0 {
		top = 10
	}
	if top > 0 && top < len(bars) {
		rest := 0.0
		for _, b := range bars[top:] {
			rest += b.v
		}
		bars = append(bars[:top], bar{fmt.Sprintf("%d other features", len(bars)-top), rest})
	}

	title := opt.Title
	if title == "" {
		title = fmt.Sprintf("Contributions to the margin (bias %s, margin %s)", formatValue(bias), formatValue(total))
	}
	share := opt.LabelShare
	if share <= 0 || share > 0.8 {
		share = 0.35
	}
	size := opt.Size.withDefaults(DefaultWidth, DefaultHeight)
	if err := size.check(); err != nil {
		return nil, err
	}
	tick := textStyle(tickSize)
	n := len(bars)
	names := make([]string, n)
	values := make([]float64, n)
	fills := make([]color.Color, n)
	ends := make([]string, n)
	maxLines := 1
	for i, b := range bars {
		lines := wrapLabel(b.label, tick, vg.Length(share)*size.Width)
		maxLines = max(maxLines, len(lines))
		k := n - 1 - i
		names[k] = strings.Join(lines, "\n")
		values[k] = b.v
		ends[k] = fmt.Sprintf("%+.4f", b.v)
		switch {
		case top > 0 && i == top:
			fills[k] = restColor
		case b.v > 0:
			fills[k] = upColor
		default:
			fills[k] = downColor
		}
	}
	title = wrapTitle(title, size.Width-2*margin)
	axis := wrapAxisLabel("contribution to the margin", vg.Length(1-share)*(size.Width-2*margin)-10)
	size.Height = importanceHeight(opt.Size.Height, n, maxLines, title, axis)
	if err := size.check(); err != nil {
		return nil, fmt.Errorf("%w; show fewer features (TopN) or widen the chart", err)
	}
	p := barPlot(title, axis, names, &hbars{values: values, ends: ends, fills: fills})
	p.Add(&vline{x: 0, style: draw.LineStyle{Color: ink, Width: vg.Points(0.8)}})
	p.Y.Padding = vg.Points(10) // room between the names and a negative bar's value
	p.X.Tick.Marker = niceTicks{maxLabels: labelsFor(vg.Length(1-share)*size.Width, decimalLabel)}

	var sum strings.Builder
	fmt.Fprintf(&sum, "%s\n", title)
	for _, b := range bars {
		fmt.Fprintf(&sum, "  %+.4f  %s\n", b.v, b.label)
	}
	return &Chart{size: size, title: title, summary: sum.String(), drawFn: padded(p.Draw)}, nil
}
