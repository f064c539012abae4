package display

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"reflect"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// HTMLer is a value that renders itself as HTML.
type HTMLer interface{ HTML() string }

// Markdowner is a value that renders itself as Markdown.
type Markdowner interface{ Markdown() string }

// PNGer is a value that renders itself as a PNG image (encoded bytes).
type PNGer interface{ PNG() []byte }

// SVGer is a value that renders itself as an SVG document.
type SVGer interface{ SVG() string }

// JSONer is a value that renders itself as JSON text.
type JSONer interface{ JSON() []byte }

// Bundle maps MIME types to JSON-ready data, as in Jupyter's display
// messages. A Bundle passed to Show or Update is displayed as is.
type Bundle map[string]any

// Plot sizes used when a *plot.Plot is rendered without explicit dimensions.
const (
	PlotWidth  = 6 * vg.Inch
	PlotHeight = 4 * vg.Inch
)

// Render turns v into a MIME bundle: the rich forms v offers (methods
// HTML, Markdown, PNG, SVG, JSON; image.Image; *plot.Plot) plus a
// text/plain fallback that is always present. A Bundle is returned as is
// (with text/plain added when missing). Rendering errors become a
// text/plain note rather than a panic.
func Render(v any) (b Bundle) {
	if b, ok := v.(Bundle); ok {
		out := Bundle{}
		for k, x := range b {
			out[k] = x
		}
		if _, ok := out["text/plain"]; !ok {
			out["text/plain"] = ""
		}
		return out
	}
	b = Bundle{"text/plain": PlainText(v)}
	defer func() {
		// A rendering method that panics must not take the caller down.
		if r := recover(); r != nil {
			b = Bundle{"text/plain": fmt.Sprintf("%s\n(rendering failed: %v)", safeText(v), r)}
		}
	}()
	if x, ok := v.(HTMLer); ok {
		b["text/html"] = x.HTML()
	}
	if x, ok := v.(Markdowner); ok {
		b["text/markdown"] = x.Markdown()
	}
	if x, ok := v.(SVGer); ok {
		b["image/svg+xml"] = x.SVG()
	}
	if x, ok := v.(PNGer); ok {
		b["image/png"] = base64.StdEncoding.EncodeToString(x.PNG())
	}
	if x, ok := v.(JSONer); ok {
		var j any
		if err := json.Unmarshal(x.JSON(), &j); err == nil {
			b["application/json"] = j
		}
	}
	switch x := v.(type) {
	case *plot.Plot:
		if p, err := plotPNG(x, PlotWidth, PlotHeight); err == nil {
			b["image/png"] = base64.StdEncoding.EncodeToString(p)
		} else {
			b["text/plain"] = "plot: " + err.Error()
		}
	case image.Image:
		var buf bytes.Buffer
		if err := png.Encode(&buf, x); err == nil {
			b["image/png"] = base64.StdEncoding.EncodeToString(buf.Bytes())
		}
	}
	return b
}

// PlainText is the text/plain form of v: its String or Error method when it has
// one, otherwise Go syntax-like formatting (%#v for small composite values,
// %v otherwise), and strings quoted as Go would print them.
func PlainText(v any) string {
	switch x := v.(type) {
	case nil:
		return "<nil>"
	case string:
		return fmt.Sprintf("%q", x)
	case error:
		return x.Error()
	case fmt.Stringer:
		return x.String()
	case *plot.Plot:
		title := x.Title.Text
		if title == "" {
			title = "untitled"
		}
		return fmt.Sprintf("<plot %q>", title)
	case image.Image:
		r := x.Bounds()
		return fmt.Sprintf("<image %dx%d>", r.Dx(), r.Dy())
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Func {
		return rv.Type().String()
	}
	return fmt.Sprintf("%v", v)
}

// plotPNG draws p as a PNG of the given size.
func plotPNG(p *plot.Plot, w, h vg.Length) ([]byte, error) {
	wt, err := p.WriterTo(w, h, "png")
	if err != nil {
		return nil, fmt.Errorf("render plot as PNG: %w", err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("render plot as PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// safeText is PlainText for a value whose String method may panic too.
func safeText(v any) (s string) {
	defer func() {
		if recover() != nil {
			s = fmt.Sprintf("<%T>", v)
		}
	}()
	return PlainText(v)
}
