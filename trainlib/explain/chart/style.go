package chart

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sans is the face every chart uses: Liberation Sans, embedded in gonum/plot,
// so measurements and pixels are the same on every machine.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Text sizes in points.
const (
	titleSize = 13
	labelSize = 11
	tickSize  = 10
	valueSize = 9
)

// Colours: a muted, colour-blind-friendly cycle (Tableau 10), an ink for
// text and axes, and a light rule for grid lines.
var (
	ink  = color.RGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xff}
	rule = color.RGBA{R: 0xe3, G: 0xe3, B: 0xe3, A: 0xff}
	// barColor fills importance bars.
	barColor = color.RGBA{R: 0x4e, G: 0x79, B: 0xa7, A: 0xff}
	cycle    = []color.RGBA{
		{R: 0x4e, G: 0x79, B: 0xa7, A: 0xff}, // blue
		{R: 0xf2, G: 0x8e, B: 0x2b, A: 0xff}, // orange
		{R: 0xe1, G: 0x57, B: 0x59, A: 0xff}, // red
		{R: 0x76, G: 0xb7, B: 0xb2, A: 0xff}, // teal
		{R: 0x59, G: 0xa1, B: 0x4f, A: 0xff}, // green
		{R: 0xed, G: 0xc9, B: 0x48, A: 0xff}, // yellow
		{R: 0xb0, G: 0x7a, B: 0xa1, A: 0xff}, // purple
		{R: 0xff, G: 0x9d, B: 0xa7, A: 0xff}, // pink
		{R: 0x9c, G: 0x75, B: 0x5f, A: 0xff}, // brown
		{R: 0x79, G: 0x70, B: 0x6e, A: 0xff}, // grey
	}
	// dashes tell apart series that share a colour once the cycle wraps.
	dashes = [][]vg.Length{
		nil,
		{vg.Points(6), vg.Points(3)},
		{vg.Points(2), vg.Points(2)},
		{vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)},
	}
)

// seriesStyle returns the line style of the i-th series: a colour from the
// cycle, dashed differently each time the cycle wraps.
func seriesStyle(i int) draw.LineStyle {
	return draw.LineStyle{
		Color:  cycle[i%len(cycle)],
		Width:  vg.Points(1.6),
		Dashes: dashes[(i/len(cycle))%len(dashes)],
	}
}

// textStyle returns a plain-text style in the chart face.
func textStyle(size vg.Length) text.Style {
	return text.Style{
		Color:   ink,
		Font:    font.From(sans, size),
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
		Handler: plot.DefaultTextHandler,
	}
}

// newPlot returns a plot in the chart style: sans-serif text, grey axes
// without a frame line on the data side, a bold-free title.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, titleSize)
	p.Title.TextStyle.Color = ink
	p.Title.Padding = vg.Points(8)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, labelSize)
		a.Label.TextStyle.Color = ink
		a.Label.Padding = vg.Points(4)
		a.Tick.Label.Font = font.From(sans, tickSize)
		a.Tick.Label.Color = ink
		a.LineStyle.Color = ink
		a.LineStyle.Width = vg.Points(0.6)
		a.Tick.LineStyle.Color = ink
		a.Tick.LineStyle.Width = vg.Points(0.6)
	}
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.Legend.TextStyle.Font = font.From(sans, tickSize)
	p.Legend.TextStyle.Color = ink
	return p
}

// gridStyle is the style of background grid lines.
func gridStyle() draw.LineStyle {
	return draw.LineStyle{Color: rule, Width: vg.Points(0.6)}
}
