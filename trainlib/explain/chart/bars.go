package chart

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// barPlot is a plot of bars, one a name down the left, over a vertical
// grid, each bar's end text in the value style beside it.
func barPlot(title, axis string, names []string, bars *hbars) *plot.Plot {
	bars.style = textStyle(valueSize)
	bars.style.YAlign = draw.YCenter
	bars.gap = vg.Points(4)
	p := newPlot(title, axis, "")
	grid := plotter.NewGrid()
	grid.Horizontal.Color = nil
	grid.Vertical = gridStyle()
	p.Add(grid, bars)
	p.NominalY(names...)
	return p
}

// hbars draws horizontal bars from zero, bar i centred on y = i, with an
// optional text beyond the end of each bar (right of a positive bar, left
// of a negative one).
type hbars struct {
	values []float64
	// ends holds the text printed after each bar's end; nil prints none.
	ends []string
	// fill colours every bar, or fills[i] bar i when fills is set.
	fill  color.Color
	fills []color.Color
	style text.Style
	// gap separates a bar's end from its text.
	gap vg.Length
}

// thickness is the share of the distance between bar centres a bar fills.
const thickness = 0.68

// Plot implements plot.Plotter.
func (b *hbars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	thick := vg.Length(thickness) * (trY(1) - trY(0))
	if len(b.values) == 1 {
		thick = vg.Length(thickness) * (c.Max.Y - c.Min.Y) / 2
	}
	for i, v := range b.values {
		y := trY(float64(i))
		x0, x1 := trX(0), trX(v)
		fill := b.fill
		if b.fills != nil {
			fill = b.fills[i]
		}
		c.FillPolygon(fill, []vg.Point{
			{X: x0, Y: y - thick/2}, {X: x1, Y: y - thick/2},
			{X: x1, Y: y + thick/2}, {X: x0, Y: y + thick/2},
		})
		if b.ends != nil {
			sty, x := b.style, x1+b.gap
			if v < 0 {
				sty.XAlign, x = draw.XRight, x1-b.gap
			}
			c.FillText(sty, vg.Point{X: x, Y: y}, b.ends[i])
		}
	}
}

// DataRange implements plot.DataRanger: bars start at zero and each owns a
// unit of height.
func (b *hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	for _, v := range b.values {
		xmin, xmax = min(xmin, v), max(xmax, v)
	}
	return xmin, xmax, -0.5, float64(len(b.values)) - 0.5
}

// GlyphBoxes implements plot.GlyphBoxer so the plot leaves room for the
// texts at the bar ends.
func (b *hbars) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if b.ends == nil {
		return nil
	}
	boxes := make([]plot.GlyphBox, len(b.values))
	for i, v := range b.values {
		w := b.style.Width(b.ends[i])
		h := b.style.Height(b.ends[i])
		r := vg.Rectangle{Min: vg.Point{X: b.gap, Y: -h / 2}, Max: vg.Point{X: b.gap + w, Y: h / 2}}
		if v < 0 {
			r.Min.X, r.Max.X = -b.gap-w, -b.gap
		}
		boxes[i] = plot.GlyphBox{X: p.X.Norm(v), Y: p.Y.Norm(float64(i)), Rectangle: r}
	}
	return boxes
}
