// Package chart draws gotrain's model charts with gonum/plot: feature
// importance bars, learning curves (one model's train and validation metric
// per round, or every trial of a tuning run) and tuning charts (the metric
// against each tuned parameter), and the charts for exploring data before
// training: Histograms (one small panel per column), Counts (value counts as
// bars) and Scatter (two columns, coloured by a group such as the label).
//
// Every constructor returns a *Chart: a recipe that renders on demand to
// PNG (Chart.PNG, Chart.EncodePNG) or SVG (Chart.EncodeSVG, Chart.SVGChart)
// at the Size it was built with, and saves to a file by extension
// (Chart.Save). A Chart satisfies the notebook kernel's display contract
// (PNG() []byte and String() string) without importing the kernel.
//
// Text is measured with the embedded Liberation fonts before anything is
// placed: long feature names are wrapped to fit a left margin of at most
// LabelShare of the width, the chart grows taller when wrapped names need
// the room, and legends sit beside the plot in as many columns as they need,
// so nothing is clipped or drawn over anything else. Rendering is
// deterministic, which the golden-image tests rely on.
package chart
