// Package display shows rich output in a gotrain notebook: HTML, Markdown,
// PNG, SVG, JSON, images and gonum plots, displays updated in place by id
// (live progress), and clearing a cell's output.
//
// Cells import it as github.com/gotrain/gotrain/kernel/display. Inside the
// kernel each session binds the package-level functions to its own Display,
// which routes to the running cell; in a plain Go program they fall back to
// printing the text/plain form on standard output.
//
// Libraries never need to import this package to render richly: a value
// with an HTML() string, Markdown() string, PNG() []byte, SVG() string or
// JSON() []byte method (see HTMLer and friends) is shown through that
// method, always next to a text/plain fallback.
package display
