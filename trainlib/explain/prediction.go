package explain

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Contribution is one feature's part in a prediction.
type Contribution struct {
	Feature string
	// Value is the feature's value in the row; NaN when missing.
	Value float32
	// Contribution is what the feature adds to the margin.
	Contribution float64
}

// Missing reports whether the feature's value was missing in the row.
func (c Contribution) Missing() bool { return math.IsNaN(float64(c.Value)) }

// Prediction explains one prediction: each feature's contribution to the
// margin, largest magnitude first, plus the bias. The contributions and the
// bias sum to Margin.
type Prediction struct {
	// Name identifies the row, e.g. "row 17"; may be empty.
	Name string
	// Method is how contributions were attributed.
	Method model.ContribMethod
	// Objective is the model's objective, e.g. binary:logistic.
	Objective string
	// Rows holds every feature, sorted by |Contribution|, largest first;
	// ties keep column order.
	Rows []Contribution
	// Bias is the expected margin over the training data: the base score
	// plus the trees' mean outputs.
	Bias float64
	// Margin is the raw score: Bias plus every contribution.
	Margin float64
	// Probability is the predicted probability for logistic objectives
	// (of class Output for multi-class); HasProbability says whether it is
	// set.
	Probability    float64
	HasProbability bool
	// Output is the model output explained: the class of a multi-class
	// model, the quantile of a quantile model; 0 for one output.
	Output int
}

// NewPrediction builds an explanation from one row of contributions as
// model.Model.Contributions returns it: one value per feature, then the
// bias. names may be nil (features are then called f0, f1, …); values is
// the row itself. The probability is the logistic of the margin for the
// logistic objectives.
func NewPrediction(names []string, values []float32, contribs []float64, objective string, method model.ContribMethod) (*Prediction, error) {
	n := len(values)
	if len(contribs) != n+1 {
		return nil, fmt.Errorf("explain: %d contributions for %d feature values; want one per feature plus the bias (%d)", len(contribs), n, n+1)
	}
	if names != nil && len(names) != n {
		return nil, fmt.Errorf("explain: %d feature names for %d values", len(names), n)
	}
	p := &Prediction{Method: method, Objective: objective, Rows: make([]Contribution, n), Bias: contribs[n]}
	if math.IsNaN(p.Bias) || math.IsInf(p.Bias, 0) {
		return nil, fmt.Errorf("explain: bias is %v; contributions must be finite", p.Bias)
	}
	p.Margin = p.Bias
	for j := range n {
		name := fmt.Sprintf("f%d", j)
		if names != nil {
			name = names[j]
		}
		c := contribs[j]
		if math.IsNaN(c) || math.IsInf(c, 0) {
			return nil, fmt.Errorf("explain: contribution of feature %q (column %d) is %v; contributions must be finite", name, j, c)
		}
		p.Rows[j] = Contribution{Feature: name, Value: values[j], Contribution: c}
		p.Margin += c
	}
	slices.SortStableFunc(p.Rows, func(a, b Contribution) int {
		return cmp.Compare(math.Abs(b.Contribution), math.Abs(a.Contribution))
	})
	if isLogistic(objective) {
		p.Probability = 1 / (1 + math.Exp(-p.Margin))
		p.HasProbability = true
	}
	return p, nil
}

// isLogistic reports whether objective's output is the logistic of the
// margin.
func isLogistic(objective string) bool {
	return objective == model.BinaryLogistic || objective == "reg:logistic"
}

// Shown returns the rows to display: those with a non-zero contribution,
// at most topN of them when topN > 0.
func (p *Prediction) Shown(topN int) []Contribution {
	var out []Contribution
	for _, r := range p.Rows {
		if r.Contribution == 0 {
			break // sorted by magnitude: the rest are zero too
		}
		if topN > 0 && len(out) == topN {
			break
		}
		out = append(out, r)
	}
	return out
}

// methodName names a contribution method for people.
func methodName(m model.ContribMethod) string {
	switch m {
	case model.TreeSHAP:
		return "TreeSHAP"
	case model.DecisionPath:
		return "decision path"
	}
	return m.String()
}

// formatFeatureValue prints a feature value as the data had it.
func formatFeatureValue(v float32) string {
	if math.IsNaN(float64(v)) {
		return "missing"
	}
	return strings.TrimSuffix(fmt.Sprintf("%.7g", v), ".")
}

// signed prints a contribution with its sign.
func signed(v float64) string { return fmt.Sprintf("%+.4f", v) }

// Chart draws the explanation as signed bars, green for what raises the
// margin and red for what lowers it, each labelled "feature = value".
func (p *Prediction) Chart(opt chart.ContributionOptions) (*chart.Chart, error) {
	labels := make([]string, len(p.Rows))
	contribs := make([]float64, len(p.Rows))
	for i, r := range p.Rows {
		labels[i] = r.Feature + " = " + formatFeatureValue(r.Value)
		contribs[i] = r.Contribution
	}
	if opt.Title == "" {
		opt.Title = p.headline()
	}
	c, err := chart.Contributions(labels, contribs, p.Bias, opt)
	if err != nil {
		return nil, fmt.Errorf("explain: %s: %w", nonEmptyName(p.Name), err)
	}
	return c, nil
}

// nonEmptyName names a prediction in errors.
func nonEmptyName(name string) string {
	if name == "" {
		return "prediction"
	}
	return name
}
