package display

import (
	"context"
	"fmt"
	"image"
	"io"
	"os"
	"strings"

	"gonum.org/v1/plot"
)

// textSink prints the text/plain form of everything to a writer (nil:
// whatever os.Stdout is at the time); it is what the package-level
// functions use outside the kernel.
type textSink struct{ w io.Writer }

func (s textSink) Display(data map[string]any, _ map[string]any, _ string, _ bool) {
	w := s.w
	if w == nil {
		w = os.Stdout
	}
	if t, ok := data["text/plain"].(string); ok && t != "" {
		if !strings.HasSuffix(t, "\n") {
			t += "\n"
		}
		fmt.Fprint(w, t)
	}
}

func (textSink) ClearOutput(bool)         {}
func (textSink) Context() context.Context { return context.Background() }

// standalone serves the package-level functions outside the kernel. It is
// set once and never reassigned: a plain program has one terminal. Inside
// the kernel the functions are rebound per session and never reach it.
var standalone = New(textSink{})

func standaloneDisplay() *Display { return standalone }

// Show displays any value (see Display.Show). Outside the kernel this and
// the other package-level functions print the text/plain form on stdout.
func Show(v any) *Handle { return standaloneDisplay().Show(v) }

// HTML displays an HTML fragment (see Display.HTML).
func HTML(html string) *Handle { return standaloneDisplay().HTML(html) }

// Markdown displays Markdown text (see Display.Markdown).
func Markdown(md string) *Handle { return standaloneDisplay().Markdown(md) }

// PNG displays PNG-encoded bytes (see Display.PNG).
func PNG(data []byte) *Handle { return standaloneDisplay().PNG(data) }

// SVG displays an SVG document (see Display.SVG).
func SVG(svg string) *Handle { return standaloneDisplay().SVG(svg) }

// JSON displays v as JSON (see Display.JSON).
func JSON(v any) *Handle { return standaloneDisplay().JSON(v) }

// Image displays an image as PNG (see Display.Image).
func Image(img image.Image) *Handle { return standaloneDisplay().Image(img) }

// Plot displays a gonum plot (see Display.Plot).
func Plot(p *plot.Plot) *Handle { return standaloneDisplay().Plot(p) }

// Text displays plain text that can be updated later (see Display.Text).
func Text(text string) *Handle { return standaloneDisplay().Text(text) }

// Clear clears the cell's output (see Display.Clear).
func Clear(wait bool) { standaloneDisplay().Clear(wait) }

// Context is the running cell's context (see Display.Context); outside the
// kernel it is context.Background().
func Context() context.Context { return standaloneDisplay().Context() }
