package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Size is a chart's extent and raster resolution.
type Size struct {
	// Width and Height are in points (1/72 inch); use vg.Inch or
	// vg.Centimeter to convert. Zero takes the chart's default.
	Width, Height vg.Length
	// DPI is the PNG resolution in dots per inch; zero means DefaultDPI.
	DPI int
}

// Defaults for a Size's zero fields.
const (
	DefaultWidth  = 7 * vg.Inch
	DefaultHeight = 4.5 * vg.Inch
	DefaultDPI    = 110
)

// Bounds on a Size, checked before any canvas is allocated.
const (
	minSide = 2 * vg.Inch
	maxSide = 40 * vg.Inch
	minDPI  = 36
	maxDPI  = 600
)

// withDefaults fills zero fields of s.
func (s Size) withDefaults(w, h vg.Length) Size {
	if s.Width == 0 {
		s.Width = w
	}
	if s.Height == 0 {
		s.Height = h
	}
	if s.DPI == 0 {
		s.DPI = DefaultDPI
	}
	return s
}

// check refuses sizes that would clip everything or allocate a huge raster.
func (s Size) check() error {
	for _, side := range []struct {
		name string
		v    vg.Length
	}{{"width", s.Width}, {"height", s.Height}} {
		if side.v < minSide || side.v > maxSide {
			return fmt.Errorf("chart: %s %.0fpt is outside [%.0f, %.0f]pt (%g to %g inches)",
				side.name, float64(side.v), float64(minSide), float64(maxSide),
				float64(minSide/vg.Inch), float64(maxSide/vg.Inch))
		}
	}
	if s.DPI < minDPI || s.DPI > maxDPI {
		return fmt.Errorf("chart: DPI %d is outside [%d, %d]", s.DPI, minDPI, maxDPI)
	}
	return nil
}

// Chart is a drawn figure: it renders on demand to PNG or SVG.
type Chart struct {
	size    Size
	title   string
	summary string
	drawFn  func(draw.Canvas)
}

// Size returns the chart's extent and resolution, after any growth needed
// to fit its labels.
func (c *Chart) Size() Size { return c.size }

// Title returns the chart's title.
func (c *Chart) Title() string { return c.title }

// String returns a plain-text summary of what the chart shows, the text/plain
// fallback where images cannot be displayed.
func (c *Chart) String() string { return c.summary }

// EncodePNG renders the chart as a PNG image.
func (c *Chart) EncodePNG() ([]byte, error) {
	canvas := vgimg.NewWith(vgimg.UseWH(c.size.Width, c.size.Height), vgimg.UseDPI(c.size.DPI))
	c.drawFn(draw.New(canvas))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: canvas}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart %q: encode PNG: %w", c.title, err)
	}
	return buf.Bytes(), nil
}

// PNG renders the chart as a PNG image for the notebook (image/png). It
// returns nil only if encoding fails, which writing to memory does not.
func (c *Chart) PNG() []byte {
	b, err := c.EncodePNG()
	if err != nil {
		return nil
	}
	return b
}

// EncodeSVG renders the chart as SVG. With embedFonts the Liberation fonts
// travel inside the file (about 400 kB), so text measures exactly as laid
// out on any viewer; without, viewers substitute a similar sans-serif face.
func (c *Chart) EncodeSVG(embedFonts bool) ([]byte, error) {
	canvas := vgsvg.NewWith(vgsvg.UseWH(c.size.Width, c.size.Height), vgsvg.EmbedFonts(embedFonts))
	c.drawFn(draw.New(canvas))
	var buf bytes.Buffer
	if _, err := canvas.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart %q: encode SVG: %w", c.title, err)
	}
	return buf.Bytes(), nil
}

// SVGChart returns a view of c that the notebook shows as image/svg+xml
// instead of PNG.
func (c *Chart) SVGChart() SVGChart { return SVGChart{c: c} }

// SVGChart shows a Chart as SVG in the notebook.
type SVGChart struct{ c *Chart }

// SVG renders the chart as SVG text, fonts not embedded.
func (s SVGChart) SVG() string {
	b, err := s.c.EncodeSVG(false)
	if err != nil {
		return ""
	}
	return string(b)
}

// String returns the chart's plain-text summary.
func (s SVGChart) String() string { return s.c.String() }

// Save writes the chart to path as PNG (.png) or SVG (.svg, fonts
// embedded), creating no directories. It writes a temporary file in the
// same directory and renames it, so a failed write leaves no partial file.
func (c *Chart) Save(path string) error {
	var (
		b   []byte
		err error
	)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".png":
		b, err = c.EncodePNG()
	case ".svg":
		b, err = c.EncodeSVG(true)
	default:
		return fmt.Errorf("chart: save %s: unknown extension %q; use .png or .svg", path, ext)
	}
	if err != nil {
		return err
	}
	return writeFileAtomic(path, b)
}

// writeFileAtomic writes b to path through a temporary file and a rename.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("chart: save %s: %w", path, err)
	}
	_, werr := tmp.Write(b)
	if werr == nil {
		werr = tmp.Chmod(0o644)
	}
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("chart: save %s: %w", path, werr)
	}
	return nil
}

// margin is the blank border around every chart.
const margin = 10 * vg.Millimeter / 4

// padded draws fn inside a blank margin on every side.
func padded(fn func(draw.Canvas)) func(draw.Canvas) {
	return func(c draw.Canvas) {
		c.SetColor(color.White)
		c.Fill(c.Rectangle.Path())
		fn(draw.Crop(c, margin, -margin, margin, -margin))
	}
}
