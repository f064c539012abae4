package explain

import (
	"fmt"
	"math"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Weight is one feature's row in the global explanation.
type Weight struct {
	Feature string
	// Weight is the feature's share of the total importance, in [0, 1].
	Weight float64
	// Importance is the raw value the share was computed from.
	Importance float64
}

// Weights is the global explanation of a model: features by their share
// of the total importance, largest first, as ELI5's explain_weights shows
// an XGBoost model.
type Weights struct {
	// Kind is the importance kind the shares come from (gain by default).
	Kind string
	// Rows are the shown features, largest weight first.
	Rows []Weight
	// Hidden counts the features with importance left out by TopN.
	Hidden int
}

// WeightsOptions choose what a Weights shows.
type WeightsOptions struct {
	// Kind is the importance kind; empty means model.Gain, as ELI5 uses.
	Kind string
	// TopN is how many features to show; 0 means 20 (ELI5's default) and
	// a negative value shows all.
	TopN int
}

// NewWeights normalises importance values (feature → value, as
// model.Model.Importance returns them) to shares that sum to 1.
func NewWeights(importance map[string]float64, opt WeightsOptions) (*Weights, error) {
	kind := opt.Kind
	if kind == "" {
		kind = model.Gain
	}
	if len(importance) == 0 {
		return nil, fmt.Errorf("explain: no %s importance to weigh; the model has no splits", kind)
	}
	sorted, err := chart.SortScores(importance)
	if err != nil {
		return nil, fmt.Errorf("explain: %w", err)
	}
	total := 0.0
	for _, s := range sorted {
		if s.Value < 0 {
			return nil, fmt.Errorf("explain: %s importance of feature %q is negative (%v)", kind, s.Feature, s.Value)
		}
		total += s.Value
	}
	if total == 0 || math.IsInf(total, 0) {
		return nil, fmt.Errorf("explain: %s importance sums to %v; shares cannot be computed", kind, total)
	}
	top := opt.TopN
	if top == 0 {
		top = 20
	}
	if top < 0 || top > len(sorted) {
		top = len(sorted)
	}
	w := &Weights{Kind: kind, Rows: make([]Weight, top), Hidden: len(sorted) - top}
	for i, s := range sorted[:top] {
		w.Rows[i] = Weight{Feature: s.Feature, Weight: s.Value / total, Importance: s.Value}
	}
	return w, nil
}

// ExplainWeights computes m's importance of opt.Kind and normalises it.
func ExplainWeights(m *model.Model, opt WeightsOptions) (*Weights, error) {
	kind := opt.Kind
	if kind == "" {
		kind = model.Gain
	}
	imp, err := m.Importance(kind)
	if err != nil {
		return nil, fmt.Errorf("explain: weights: %w", err)
	}
	opt.Kind = kind
	return NewWeights(imp, opt)
}
