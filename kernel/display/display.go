package display

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"sync/atomic"

	"github.com/google/uuid"
	"gonum.org/v1/plot"
)

// Sink receives what a Display shows; the kernel's session implements it
// for the running cell.
type Sink interface {
	// Display shows data; a non-empty displayID names the display, and
	// update replaces an earlier display with that id in place.
	Display(data map[string]any, metadata map[string]any, displayID string, update bool)
	// ClearOutput clears the cell's output, now or (wait) before the next output.
	ClearOutput(wait bool)
	// Context is the running cell's context: it is cancelled when the user
	// interrupts the cell.
	Context() context.Context
}

// Display shows rich output through a Sink. The kernel gives every session
// its own Display; cells reach it through this package's functions.
type Display struct {
	sink   Sink
	prefix string
	seq    atomic.Uint64
}

// New returns a Display that shows everything through sink.
func New(sink Sink) *Display {
	return &Display{sink: sink, prefix: "gotrain-" + uuid.NewString()[:8] + "-"}
}

// Handle names one display so it can be updated in place, e.g. to show
// live progress.
type Handle struct {
	d  *Display
	id string
}

// ID is the display_id Jupyter knows this display by.
func (h *Handle) ID() string { return h.id }

// Update replaces the display's content with v, rendered as Render does.
func (h *Handle) Update(v any) { h.d.sink.Display(Render(v), nil, h.id, true) }

// UpdateHTML replaces the display's content with HTML.
func (h *Handle) UpdateHTML(html string) { h.Update(Bundle{"text/html": html, "text/plain": html}) }

// UpdateMarkdown replaces the display's content with Markdown.
func (h *Handle) UpdateMarkdown(md string) { h.Update(Bundle{"text/markdown": md, "text/plain": md}) }

// UpdateText replaces the display's content with plain text.
func (h *Handle) UpdateText(text string) { h.Update(Bundle{"text/plain": text}) }

// show displays b under a fresh display id and returns its handle.
func (d *Display) show(b Bundle) *Handle {
	h := &Handle{d: d, id: fmt.Sprintf("%s%d", d.prefix, d.seq.Add(1))}
	d.sink.Display(b, nil, h.id, false)
	return h
}

// Show displays any value, rendered richly when it can be (see Render).
func (d *Display) Show(v any) *Handle { return d.show(Render(v)) }

// HTML displays an HTML fragment.
func (d *Display) HTML(html string) *Handle {
	return d.show(Bundle{"text/html": html, "text/plain": html})
}

// Markdown displays Markdown text.
func (d *Display) Markdown(md string) *Handle {
	return d.show(Bundle{"text/markdown": md, "text/plain": md})
}

// PNG displays PNG-encoded image bytes.
func (d *Display) PNG(data []byte) *Handle {
	return d.show(Bundle{"image/png": base64.StdEncoding.EncodeToString(data), "text/plain": fmt.Sprintf("<PNG image, %d bytes>", len(data))})
}

// SVG displays an SVG document.
func (d *Display) SVG(svg string) *Handle {
	return d.show(Bundle{"image/svg+xml": svg, "text/plain": "<SVG image>"})
}

// JSON displays v as JSON (application/json); v is marshalled with
// encoding/json, or used as is when it is already JSON text ([]byte or
// json.RawMessage). A value that cannot be marshalled is shown as text
// with the reason.
func (d *Display) JSON(v any) *Handle {
	var raw []byte
	switch x := v.(type) {
	case json.RawMessage:
		raw = x
	case []byte:
		raw = x
	default:
		var err error
		if raw, err = json.Marshal(v); err != nil {
			return d.show(Bundle{"text/plain": fmt.Sprintf("%v (not shown as JSON: %v)", v, err)})
		}
	}
	var j any
	if err := json.Unmarshal(raw, &j); err != nil {
		return d.show(Bundle{"text/plain": fmt.Sprintf("%s (not valid JSON: %v)", raw, err)})
	}
	return d.show(Bundle{"application/json": j, "text/plain": string(raw)})
}

// Image displays img as a PNG.
func (d *Display) Image(img image.Image) *Handle {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return d.show(Bundle{"text/plain": "image: " + err.Error()})
	}
	return d.PNG(buf.Bytes())
}

// Plot displays a gonum plot as a PNG of PlotWidth × PlotHeight.
func (d *Display) Plot(p *plot.Plot) *Handle { return d.Show(p) }

// Text displays plain text as a display (not as a stream), so it can be
// updated in place later.
func (d *Display) Text(text string) *Handle { return d.show(Bundle{"text/plain": text}) }

// Clear clears the cell's output now, or (wait) just before the next output
// arrives, which avoids flicker in animations.
func (d *Display) Clear(wait bool) { d.sink.ClearOutput(wait) }

// Context is the running cell's context. Pass it to long library calls
// (training, tuning) so that interrupting the cell stops them.
func (d *Display) Context() context.Context { return d.sink.Context() }
