// Package frame is for looking at data before training on it: a CSV file,
// a glob of shards or a list, read into typed columns (numbers or text)
// that a notebook shows as a table, with the summaries and charts a data
// scientist reaches for first — Describe, ValueCounts, Head and Tail,
// Select and Filter, Histograms, a bar chart of value counts and a scatter
// plot coloured by the label. Every computation runs here, in compiled
// code; a cell only asks.
//
// Reading follows package data exactly (a UTF-8 BOM stripped, header names
// trimmed, the same missing markers, quotes and caps), and a Frame hands
// its rows to training through Dataset, text columns one-hot encoded and a
// two-valued text label (Y/N, yes/no, true/false) read as 1 and 0, the
// positive value stated wherever the label is shown.
//
// A Frame, a Description and a Counts render themselves in the notebook
// (HTML() string, String() string) without importing the kernel; charts
// are *chart.Chart values, shown as PNG.
package frame
