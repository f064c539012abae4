// Package data loads training data for gotrain: CSV files (one file, a glob
// of shards, or rows handed in from a notebook cell) into a dense float32
// Matrix with feature names and labels, with errors that name the file, line
// and column of any bad input.
//
// How the pieces fit: Options says how to read (delimiter, header or Names,
// Label, Drop, one-hot encoding, caps). A Schema, derived from the header
// and, for one-hot encoding, from every value of every file (ScanSchema),
// fixes the features; with one Schema every shard gets the same columns.
// ReadCSV reads a stream, LoadFile one file, LoadFiles and LoadGlob shards
// (one Dataset each, in natural order: train_data_9 before train_data_10),
// Load a file, glob or list into one Dataset, and Concat joins data sets.
// FromRows, FromColumns and FromRecords take data from a notebook cell, and
// Split makes seeded train/validation/test parts. Bad input comes back as an
// *Error naming the file, line, column, text and remedy; the reader streams
// (one record in memory at a time) and caps line length, columns, levels and
// values before it allocates.
package data

import "math"

// Matrix is a dense float32 matrix stored row by row. Missing values are NaN.
// float32 is what XGBoost trains on, so split conditions compare the same way.
type Matrix struct {
	Rows, Cols int
	// Values holds Rows*Cols values; row i is Values[i*Cols:(i+1)*Cols].
	Values []float32
}

// NewMatrix returns a zeroed rows×cols matrix.
func NewMatrix(rows, cols int) *Matrix {
	return &Matrix{Rows: rows, Cols: cols, Values: make([]float32, rows*cols)}
}

// Row returns row i, sharing storage with m.
func (m *Matrix) Row(i int) []float32 {
	return m.Values[i*m.Cols : (i+1)*m.Cols : (i+1)*m.Cols]
}

// At returns the value at row i, column j.
func (m *Matrix) At(i, j int) float32 { return m.Values[i*m.Cols+j] }

// Missing reports whether v marks a missing value.
func Missing(v float32) bool { return math.IsNaN(float64(v)) }

// Dataset is a Matrix of features with their names and one label per row.
type Dataset struct {
	Matrix
	// Names holds one name per column.
	Names []string
	// Label holds one label per row; nil when the data has no label column.
	Label []float32
	// Categories names, per feature, the categories a categorical
	// feature's codes stand for (code i is Categories[f][i]); nil for a
	// numeric feature, and nil as a whole when no feature is categorical.
	Categories [][]string
	// Weight holds one sample weight per row; nil when every row weighs 1.
	Weight []float32
}
