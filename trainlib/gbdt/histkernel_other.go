//go:build !amd64

package gbdt

// buildHist adds the gradient pairs of rows to hist, feature by feature,
// and returns their sums (buildHistGo on this architecture).
func buildHist(hist []int64, bins []uint8, gh []int64, rows []int32, off []int, nf int) (g, h int64) {
	return buildHistGo(hist, bins, gh, rows, off, nf)
}

// buildHistSparse adds the gradient pairs of rows to hist over their kept
// entries only, and returns their sums (buildHistSparseGo here).
func buildHistSparse(hist []int64, sp *sparseBins, gh []int64, rows []int32) (g, h int64) {
	return buildHistSparseGo(hist, sp, gh, rows)
}
