package data

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// NaturalLess orders strings the way people number files: runs of digits
// compare by value, so train_data_9.csv comes before train_data_10.csv.
// Ties (such as 7 and 07) fall back to byte order, so the order is total.
func NaturalLess(a, b string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			ei, ej := digitsEnd(a, i), digitsEnd(b, j)
			na, nb := strings.TrimLeft(a[i:ei], "0"), strings.TrimLeft(b[j:ej], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			i, j = ei, ej
			continue
		}
		if a[i] != b[j] {
			return a[i] < b[j]
		}
		i++
		j++
	}
	if len(a)-i != len(b)-j {
		return len(a)-i < len(b)-j
	}
	return a < b
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// Glob returns the files matching pattern in natural order (NaturalLess). A
// pattern without glob characters names one file, which must exist. No match
// is an error that names the pattern.
func Glob(pattern string) ([]string, error) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		return nil, fmt.Errorf("data: bad glob pattern %q: %w", pattern, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("data: no file matches %q: check the directory and the pattern (for example data/train_data_*.csv)", pattern)
	}
	slices.SortFunc(files, func(a, b string) int {
		switch {
		case NaturalLess(a, b):
			return -1
		case NaturalLess(b, a):
			return 1
		}
		return 0
	})
	return files, nil
}
