package data

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// SplitIndices shuffles the row indices 0…n-1 with seed and cuts them into
// parts of the given fractions (for example 0.7, 0.15, 0.15), which must be
// positive and sum to 1. Part sizes are rounded at the cumulative
// boundaries, so they always add up to n. The same n, fractions and seed
// always give the same parts.
func SplitIndices(n int, fractions []float64, seed uint64) ([][]int, error) {
	if n < 0 {
		return nil, fmt.Errorf("data: split: %d rows", n)
	}
	sum := 0.0
	for _, f := range fractions {
		if !(f > 0) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("data: split: fraction %v: each fraction must be a positive number", f)
		}
		sum += f
	}
	if len(fractions) == 0 || math.Abs(sum-1) > 1e-9 {
		return nil, fmt.Errorf("data: split: fractions %v sum to %v, expected 1 (for example 0.7,0.15,0.15)", fractions, sum)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	perm := rng.Perm(n)
	parts := make([][]int, len(fractions))
	cum, lo := 0.0, 0
	for k, f := range fractions {
		cum += f
		hi := int(math.Round(cum * float64(n)))
		if k == len(fractions)-1 {
			hi = n
		}
		parts[k] = perm[lo:hi:hi]
		lo = hi
	}
	return parts, nil
}

// Split cuts d into parts of the given fractions, rows shuffled with seed
// (see SplitIndices).
func Split(d *Dataset, fractions []float64, seed uint64) ([]*Dataset, error) {
	parts, err := SplitIndices(d.Rows, fractions, seed)
	if err != nil {
		return nil, err
	}
	out := make([]*Dataset, len(parts))
	for k, idx := range parts {
		out[k] = d.Subset(idx)
	}
	return out, nil
}

// Subset returns a new Dataset holding the rows idx of d, in that order.
func (d *Dataset) Subset(idx []int) *Dataset {
	out := &Dataset{Matrix: *NewMatrix(len(idx), d.Cols), Names: d.Names, Categories: d.Categories}
	if d.Label != nil {
		out.Label = make([]float32, len(idx))
	}
	if d.Weight != nil {
		out.Weight = make([]float32, len(idx))
	}
	for i, r := range idx {
		copy(out.Row(i), d.Row(r))
		if d.Label != nil {
			out.Label[i] = d.Label[r]
		}
		if d.Weight != nil {
			out.Weight[i] = d.Weight[r]
		}
	}
	return out
}
