package chart

import (
	"strings"
	"testing"
)

func TestContributionsGolden(t *testing.T) {
	labels := []string{"PAY_0 = 2", "LIMIT_BAL = 20000", "AGE = 24", "PAY_AMT1 = 0", "BILL_AMT1 = 3913",
		"EDUCATION = 2", "PAY_2 = 2", "SEX = 2", "MARRIAGE = 1", "PAY_3 = -1", "PAY_4 = -1", "PAY_5 = -2", "PAY_6 = -2"}
	contribs := []float64{1.24, -0.31, 0.12, 0.35, -0.08, 0.02, 0.41, -0.01, 0.005, -0.05, 0.03, -0.02, 0}
	c, err := Contributions(labels, contribs, -1.3172, ContributionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "contributions")
	s := c.String()
	if !strings.Contains(s, "2 other features") || !strings.HasPrefix(s, "Contributions to the margin (bias -1.317, margin 0.3878)") {
		t.Errorf("summary:\n%s", s)
	}
}

func TestContributionsRefuseBadInput(t *testing.T) {
	if _, err := Contributions([]string{"a"}, []float64{0}, 0.5, ContributionOptions{}); err == nil || !strings.Contains(err.Error(), "bias alone") {
		t.Errorf("all zero: error %v", err)
	}
	if _, err := Contributions([]string{"a"}, []float64{1, 2}, 0, ContributionOptions{}); err == nil {
		t.Error("mismatched lengths accepted")
	}
	if _, err := Contributions([]string{"a"}, []float64{nan()}, 0, ContributionOptions{}); err == nil || !strings.Contains(err.Error(), `"a"`) {
		t.Errorf("NaN: error %v", err)
	}
}
