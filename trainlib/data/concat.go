package data

import (
	"errors"
	"fmt"
	"slices"
)

// Concat joins data sets with the same features into one, rows in order.
// Either every part has labels or none has.
func Concat(parts ...*Dataset) (*Dataset, error) {
	if len(parts) == 0 {
		return nil, errors.New("data: Concat needs at least one data set")
	}
	first := parts[0]
	rows := 0
	for i, p := range parts {
		if !slices.Equal(p.Names, first.Names) {
			return nil, fmt.Errorf("data: Concat: part %d has features %s, part 0 has %s: load the parts with one Schema (LoadFiles does)",
				i, listNames(p.Names), listNames(first.Names))
		}
		if !slices.EqualFunc(p.Categories, first.Categories, slices.Equal) {
			return nil, fmt.Errorf("data: Concat: part %d and part 0 have different categories: load the parts with one Schema (LoadFiles does)", i)
		}
		if (p.Label == nil) != (first.Label == nil) {
			return nil, fmt.Errorf("data: Concat: part %d and part 0 differ in having labels: load every part with the same Label", i)
		}
		if (p.Weight == nil) != (first.Weight == nil) {
			return nil, fmt.Errorf("data: Concat: part %d and part 0 differ in having weights: load every part with the same Weight", i)
		}
		rows += p.Rows
	}
	if len(parts) == 1 {
		return first, nil
	}
	out := &Dataset{Matrix: *NewMatrix(rows, first.Cols), Names: slices.Clone(first.Names), Categories: first.Categories}
	if first.Label != nil {
		out.Label = make([]float32, 0, rows)
	}
	off := 0
	for _, p := range parts {
		off += copy(out.Values[off:], p.Values[:p.Rows*p.Cols])
		out.Label = append(out.Label, p.Label...)
		out.Weight = append(out.Weight, p.Weight...)
	}
	return out, nil
}
