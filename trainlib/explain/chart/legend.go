package chart

import (
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sideLegend is a legend drawn beside the plot, in as many columns as the
// entries need to fit the height, so it never covers data.
type sideLegend struct {
	names  []string
	styles []draw.LineStyle
	sty    text.Style
	// top is the space left above the legend, so it lines up with the
	// plot area under the title.
	top vg.Length
	// layout, computed by fit.
	perColumn int
	colWidth  vg.Length
}

// Legend geometry.
const (
	thumbWidth = 22 * vg.Length(1)
	thumbGap   = 5 * vg.Length(1)
	columnGap  = 12 * vg.Length(1)
	legendGap  = 10 * vg.Length(1)
)

// entryHeight is the vertical distance between legend entries.
func (l *sideLegend) entryHeight() vg.Length { return l.sty.Font.Size * 1.45 }

// fit lays the entries out for a chart of height h and returns the width
// the legend takes, gap included.
func (l *sideLegend) fit(h vg.Length) vg.Length {
	if len(l.names) == 0 {
		return 0
	}
	avail := h - 2*margin - l.top
	l.perColumn = max(1, int(math.Floor(float64(avail/l.entryHeight()))))
	var textW vg.Length
	for _, n := range l.names {
		textW = max(textW, l.sty.Width(n))
	}
	l.colWidth = thumbWidth + thumbGap + textW
	cols := (len(l.names) + l.perColumn - 1) / l.perColumn
	return legendGap + vg.Length(cols)*l.colWidth + vg.Length(cols-1)*columnGap
}

// draw draws the legend into c, the strip to the right of the plot.
func (l *sideLegend) draw(c draw.Canvas) {
	eh := l.entryHeight()
	sty := l.sty
	sty.YAlign = draw.YCenter
	for i, name := range l.names {
		col, row := i/l.perColumn, i%l.perColumn
		x := c.Min.X + legendGap + vg.Length(col)*(l.colWidth+columnGap)
		y := c.Max.Y - l.top - eh/2 - vg.Length(row)*eh
		c.StrokeLine2(l.styles[i], x, y, x+thumbWidth, y)
		c.FillText(sty, vg.Point{X: x + thumbWidth + thumbGap, Y: y}, name)
	}
}
