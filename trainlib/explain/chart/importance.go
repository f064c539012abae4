package chart

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot/vg"
)

// ImportanceOptions shape an importance bar chart. The zero value draws the
// top 10 features with their values, titled for an unnamed kind.
type ImportanceOptions struct {
	// Kind is XGBoost's importance type: weight, gain, cover, total_gain or
	// total_cover. It names the chart and its axis; another word is used
	// as it is.
	Kind string
	// TopN is how many features to show, largest first; 0 means 10 and a
	// negative value shows all.
	TopN int
	// HideValues leaves the numbers off the bar ends.
	HideValues bool
	// Title replaces the default title "Feature importance (<kind>)".
	Title string
	// LabelShare is the largest share of the width feature names may take;
	// longer names wrap onto more lines. 0 means 0.35.
	LabelShare float64
	// Size is the chart's size; the height grows when wrapped names need
	// more room.
	Size Size
}

// kindAxis describes each importance kind on the value axis.
var kindAxis = map[string]string{
	"weight":      "weight: number of splits on the feature",
	"gain":        "gain: average loss reduction per split",
	"cover":       "cover: average hessian sum per split",
	"total_gain":  "total gain: loss reduction over all splits",
	"total_cover": "total cover: hessian sum over all splits",
}

// Score is one feature's importance value.
type Score struct {
	Feature string
	Value   float64
}

// SortScores returns the scores in scores largest first, ties by feature
// name, refusing values that are not finite.
func SortScores(scores map[string]float64) ([]Score, error) {
	out := make([]Score, 0, len(scores))
	for f, v := range scores {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("chart: importance of feature %q is %v; every value must be finite", f, v)
		}
		out = append(out, Score{f, v})
	}
	slices.SortFunc(out, func(a, b Score) int {
		if c := cmp.Compare(b.Value, a.Value); c != 0 {
			return c
		}
		return strings.Compare(a.Feature, b.Feature)
	})
	return out, nil
}

// Importance draws the top features of scores (feature name → importance,
// as model.Model.Importance returns) as horizontal bars, the largest at the
// top.
func Importance(scores map[string]float64, opt ImportanceOptions) (*Chart, error) {
	if len(scores) == 0 {
		return nil, fmt.Errorf("chart: no importance values to draw (kind %q); a model with no splits has none", opt.Kind)
	}
	sorted, err := SortScores(scores)
	if err != nil {
		return nil, err
	}
	for _, s := range sorted {
		if s.Value < 0 {
			return nil, fmt.Errorf("chart: importance of feature %q is negative (%v); importance kinds are never negative", s.Feature, s.Value)
		}
	}
	top := opt.TopN
	if top == 0 {
		top = 10
	}
	if top < 0 || top > len(sorted) {
		top = len(sorted)
	}
	shown := sorted[:top]

	kind := opt.Kind
	if kind == "" {
		kind = "importance"
	}
	title := opt.Title
	if title == "" {
		title = fmt.Sprintf("Feature importance (%s)", kind)
	}
	axis := kindAxis[kind]
	if axis == "" {
		axis = kind
	}
	share := opt.LabelShare
	if share <= 0 || share > 0.8 {
		share = 0.35
	}
	size := opt.Size.withDefaults(DefaultWidth, 0)
	if err := size.withDefaults(DefaultWidth, DefaultHeight).check(); err != nil {
		return nil, err
	}

	// Wrap names to the label column, bottom (smallest) to top (largest).
	tick := textStyle(tickSize)
	names := make([]string, top)
	values := make([]float64, top)
	maxLines := 1
	for i, s := range shown {
		lines := wrapLabel(s.Feature, tick, vg.Length(share)*size.Width)
		maxLines = max(maxLines, len(lines))
		names[top-1-i] = strings.Join(lines, "\n")
		values[top-1-i] = s.Value
	}
	title = wrapTitle(title, size.Width-2*margin)
	axis = wrapAxisLabel(axis, vg.Length(1-share)*(size.Width-2*margin)-10)
	size.Height = importanceHeight(opt.Size.Height, top, maxLines, title, axis)
	if err := size.check(); err != nil {
		return nil, fmt.Errorf("%w; show fewer features (TopN) or widen the chart", err)
	}

	var ends []string
	if !opt.HideValues {
		ends = make([]string, top)
		d := decimalsFor(values)
		for i, v := range values {
			ends[i] = formatFixed(v, d)
		}
	}
	p := barPlot(title, axis, names, &hbars{values: values, ends: ends, fill: barColor})
	p.Y.Padding = 0
	p.X.Min = 0
	if p.X.Max == 0 {
		p.X.Max = 1 // all zero: keep a readable axis
	}
	p.X.Tick.Marker = niceTicks{maxLabels: labelsFor(vg.Length(1-share)*size.Width, decimalLabel)}

	return &Chart{
		size:    size,
		title:   title,
		summary: importanceSummary(title, shown, len(sorted)),
		drawFn:  padded(p.Draw),
	}, nil
}

// importanceHeight is the requested height, or the default, grown so every
// bar's row is tall enough for its wrapped name.
func importanceHeight(asked vg.Length, rows, lines int, title, axis string) vg.Length {
	h := asked
	if h == 0 {
		h = DefaultHeight
	}
	tick := textStyle(tickSize)
	row := vg.Length(lines)*tick.Font.Size*1.15 + vg.Points(6)
	overhead := textStyle(titleSize).Height(title) + vg.Points(8) + // title
		tick.Height("0") + textStyle(labelSize).Height(axis) + vg.Points(24) // x axis
	if need := vg.Length(rows)*row + overhead; need > h {
		h = vg.Length(math.Ceil(float64(need)))
	}
	return h
}

// importanceSummary lists the shown scores as text.
func importanceSummary(title string, shown []Score, total int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: top %d of %d features\n", title, len(shown), total)
	width := 0
	for _, s := range shown {
		width = max(width, len([]rune(s.Feature)))
	}
	vs := make([]float64, len(shown))
	for i, s := range shown {
		vs[i] = s.Value
	}
	d := decimalsFor(vs)
	for _, s := range shown {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, s.Feature, formatFixed(s.Value, d))
	}
	return b.String()
}
