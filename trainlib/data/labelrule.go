package data

import "math"

// LabelRule is the range of labels a learning objective accepts: a count
// must not be negative, a gamma target must be positive, a class must be
// a whole number below the number of classes. Given as Options.Labels, the
// loader checks every label against it, so a wrong one is an error naming
// its file, line and column rather than a row number found later.
type LabelRule struct {
	// Min and Max bound the labels, both included (±Inf: no bound).
	Min, Max float64
	// AboveMin refuses Min itself (labels must be positive).
	AboveMin bool
	// Whole requires whole numbers (class numbers).
	Whole bool
	// Need says what a label must be, for the error message: "a class
	// number 0, 1, …, 2 (multi:softprob)".
	Need string
}

// Allows reports whether y follows the rule.
func (r *LabelRule) Allows(y float32) bool {
	v := float64(y)
	switch {
	case v != v, v < r.Min, v > r.Max, r.AboveMin && v == r.Min:
		return false
	case r.Whole && v != math.Trunc(v):
		return false
	}
	return true
}
