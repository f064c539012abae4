package chart

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// exploreColumns is a small seeded data set: a skewed amount, a normal age
// with a missing value, a two-valued flag.
func exploreColumns() (amount, age, flag Column, label []string) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 300
	amount, age, flag = Column{Name: "amount"}, Column{Name: "age (years)"}, Column{Name: "flag"}
	for i := 0; i < n; i++ {
		amount.Values = append(amount.Values, math.Exp(r.NormFloat64()+8))
		age.Values = append(age.Values, 40+12*r.NormFloat64())
		flag.Values = append(flag.Values, float64(r.IntN(2)))
		label = append(label, []string{"N", "Y"}[min(1, int(age.Values[i]/50))])
	}
	age.Values[7] = math.NaN()
	return amount, age, flag, label
}

func TestHistogramsGolden(t *testing.T) {
	amount, age, flag, _ := exploreColumns()
	c, err := Histograms([]Column{amount, age, flag, amount, age}, HistogramOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "histograms")
	if !strings.Contains(c.String(), "age (years): 299 values in") || !strings.Contains(c.String(), "1 missing") {
		t.Errorf("summary: %s", c)
	}
	one, err := Histograms([]Column{{Name: "constant", Values: []float64{3, 3, 3}}}, HistogramOptions{Bins: 5})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, one, "histogram_constant")
}

func TestCountsGolden(t *testing.T) {
	c, err := Counts("EDUCATION", []Count{{"university", 140}, {"graduate school", 106}, {"high school", 49}, {"", 3}, {"others", 2}}, CountsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "counts")
	if !strings.Contains(c.String(), `"university"  140`) {
		t.Errorf("summary: %s", c)
	}
}

func TestScatterGolden(t *testing.T) {
	amount, age, _, label := exploreColumns()
	c, err := Scatter(age, amount, label, ScatterOptions{GroupName: "default"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "scatter")
	if !strings.Contains(c.String(), "299 points (1 rows with a missing value left out)") || !strings.Contains(c.String(), "default = Y:") {
		t.Errorf("summary: %s", c)
	}
}

func TestExploreChartErrors(t *testing.T) {
	inf := Column{Name: "x", Values: []float64{1, math.Inf(1)}}
	for _, c := range []struct {
		err  error
		want string
	}{
		{second(Histograms(nil, HistogramOptions{})), "no columns"},
		{second(Histograms([]Column{inf}, HistogramOptions{})), `column "x": value +Inf cannot be drawn`},
		{second(Histograms([]Column{{Name: "e", Values: []float64{math.NaN()}}}, HistogramOptions{})), "no values to draw (1 missing)"},
		{second(Histograms([]Column{inf}, HistogramOptions{Bins: -1})), "bins is outside"},
		{second(Counts("c", nil, CountsOptions{})), `column "c" has no values`},
		{second(Scatter(inf, Column{Name: "y"}, nil, ScatterOptions{})), "give as many of each"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("got %v, want %q", c.err, c.want)
		}
	}
}

func second(_ *Chart, err error) error { return err }
