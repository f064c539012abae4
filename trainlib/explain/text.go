package explain

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// String renders the weights as a plain-text table for the CLI and the
// notebook's text/plain fallback.
func (w *Weights) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Feature weights (normalised %s), %d features\n", w.Kind, len(w.Rows)+w.Hidden)
	fmt.Fprintf(&b, "  %8s  %s\n", "Weight", "Feature")
	for _, r := range w.Rows {
		fmt.Fprintf(&b, "  %8.4f  %s\n", r.Weight, r.Feature)
	}
	if w.Hidden > 0 {
		fmt.Fprintf(&b, "  … %d more …\n", w.Hidden)
	}
	return b.String()
}

// String renders the explanation as a plain-text table: the headline,
// then contribution, feature and value per row, the bias and the margin.
func (p *Prediction) String() string {
	var b strings.Builder
	b.WriteString(p.headline())
	b.WriteString("\n")
	shown := p.Shown(0)
	width := utf8.RuneCountInString("<BIAS>")
	for _, r := range shown {
		width = max(width, utf8.RuneCountInString(r.Feature))
	}
	fmt.Fprintf(&b, "  %12s  %-*s  %s\n", "Contribution", width, "Feature", "Value")
	for _, r := range shown {
		fmt.Fprintf(&b, "  %12s  %-*s  %s\n", signed(r.Contribution), width, r.Feature, formatFeatureValue(r.Value))
	}
	fmt.Fprintf(&b, "  %12s  %s\n", signed(p.Bias), "<BIAS>")
	fmt.Fprintf(&b, "  %12s  %s\n", signed(p.Margin), "= margin")
	if zero := len(p.Rows) - len(shown); zero > 0 {
		fmt.Fprintf(&b, "  (%s)\n", zeroNote(zero))
	}
	return b.String()
}

// headline states what was predicted and how it was attributed.
func (p *Prediction) headline() string {
	var b strings.Builder
	if p.Name != "" {
		b.WriteString(p.Name)
		b.WriteString(": ")
	}
	if p.HasProbability {
		fmt.Fprintf(&b, "probability %.4f, ", p.Probability)
	}
	fmt.Fprintf(&b, "margin %.4f (%s", p.Margin, methodName(p.Method))
	if p.Objective != "" {
		fmt.Fprintf(&b, ", %s", p.Objective)
	}
	b.WriteString(")")
	return b.String()
}

// zeroNote says how many features contribute nothing.
func zeroNote(n int) string {
	if n == 1 {
		return "1 feature contributes nothing"
	}
	return fmt.Sprintf("%d features contribute nothing", n)
}
