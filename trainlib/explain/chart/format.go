package chart

import (
	"math"
	"strconv"
	"strings"
)

// decimalsFor returns how many decimals show about four significant digits
// of the largest magnitude in vs, so one chart prints all its numbers alike.
func decimalsFor(vs []float64) int {
	top := 0.0
	for _, v := range vs {
		top = max(top, math.Abs(v))
	}
	if top == 0 {
		return 0
	}
	d := 3 - int(math.Floor(math.Log10(top)))
	return min(max(d, 0), 8)
}

// formatFixed prints v with d decimals, trailing zeros (and a bare point)
// removed.
func formatFixed(v float64, d int) string {
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// formatValue prints one value with about four significant digits.
func formatValue(v float64) string {
	return formatFixed(v, decimalsFor([]float64{v}))
}
