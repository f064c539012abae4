package explain

import (
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/gotrain/gotrain/trainlib/model"
)

// handGain is a gain importance map chosen so the shares are round.
var handGain = map[string]float64{"PAY_0": 50, "LIMIT_BAL": 25, "AGE": 15, "SEX": 10}

// handRow is a row of four features with contributions and a bias (last),
// as model.Contributions returns them.
var (
	handNames    = []string{"LIMIT_BAL", "SEX", "AGE", "PAY_0"}
	handValues   = []float32{20000, 2, float32(math.NaN()), 2}
	handContribs = []float64{-0.25, 0, 0.125, 0.75, -1.5}
)

func handPrediction(t *testing.T) *Prediction {
	t.Helper()
	p, err := NewPrediction(handNames, handValues, handContribs, model.BinaryLogistic, model.TreeSHAP)
	if err != nil {
		t.Fatal(err)
	}
	p.Name = "row 7"
	return p
}

func TestWeightsNormaliseAndSort(t *testing.T) {
	w, err := NewWeights(handGain, WeightsOptions{TopN: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := []Weight{{"PAY_0", 0.5, 50}, {"LIMIT_BAL", 0.25, 25}, {"AGE", 0.15, 15}}
	if len(w.Rows) != len(want) || w.Hidden != 1 {
		t.Fatalf("rows %v hidden %d", w.Rows, w.Hidden)
	}
	for i := range want {
		if w.Rows[i].Feature != want[i].Feature || math.Abs(w.Rows[i].Weight-want[i].Weight) > 1e-12 {
			t.Errorf("row %d = %+v, want %+v", i, w.Rows[i], want[i])
		}
	}
}

func TestWeightsText(t *testing.T) {
	w, err := NewWeights(handGain, WeightsOptions{TopN: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := "Feature weights (normalised gain), 4 features\n" +
		"    Weight  Feature\n" +
		"    0.5000  PAY_0\n" +
		"    0.2500  LIMIT_BAL\n" +
		"    0.1500  AGE\n" +
		"  … 1 more …\n"
	if got := w.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestPredictionSumsToMargin(t *testing.T) {
	p := handPrediction(t)
	sum := p.Bias
	for _, r := range p.Rows {
		sum += r.Contribution
	}
	if math.Abs(sum-p.Margin) > 1e-12 || math.Abs(p.Margin-(-0.875)) > 1e-12 {
		t.Fatalf("rows sum to %v, margin %v, want -0.875", sum, p.Margin)
	}
	if want := 1 / (1 + math.Exp(0.875)); math.Abs(p.Probability-want) > 1e-12 {
		t.Errorf("probability %v, want %v", p.Probability, want)
	}
	order := []string{"PAY_0", "LIMIT_BAL", "AGE", "SEX"}
	for i, r := range p.Rows {
		if r.Feature != order[i] {
			t.Errorf("row %d is %s, want %s (sorted by |contribution|)", i, r.Feature, order[i])
		}
	}
}

func TestPredictionText(t *testing.T) {
	want := "row 7: probability 0.2942, margin -0.8750 (TreeSHAP, binary:logistic)\n" +
		"  Contribution  Feature    Value\n" +
		"       +0.7500  PAY_0      2\n" +
		"       -0.2500  LIMIT_BAL  20000\n" +
		"       +0.1250  AGE        missing\n" +
		"       -1.5000  <BIAS>\n" +
		"       -0.8750  = margin\n" +
		"  (1 feature contributes nothing)\n"
	if got := handPrediction(t).String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestNewPredictionRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		name     string
		names    []string
		values   []float32
		contribs []float64
		want     string
	}{
		{"no bias", handNames, handValues, handContribs[:4], "plus the bias"},
		{"names", handNames[:2], handValues, handContribs, "2 feature names for 4 values"},
		{"nan", handNames, handValues, []float64{0, math.NaN(), 0, 0, 0}, `"SEX" (column 1)`},
		{"inf bias", handNames, handValues, []float64{0, 0, 0, 0, math.Inf(1)}, "bias"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewPrediction(tc.names, tc.values, tc.contribs, model.BinaryLogistic, model.TreeSHAP)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one mentioning %s", err, tc.want)
			}
		})
	}
}

// checkWellFormed parses s as XML (strictly, so every tag closes and every
// entity is known) and as HTML5, and returns the text of every table row.
func checkWellFormed(t *testing.T, s string) []string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" {
			rows = append(rows, textOf(n))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return rows
}

// textOf joins the text under n, cells separated by "|".
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == "td" && b.Len() > 0:
			b.WriteString("|")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestWeightsHTML(t *testing.T) {
	w, err := NewWeights(handGain, WeightsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rows := checkWellFormed(t, w.HTML())
	want := []string{"WeightFeature", "0.5000|PAY_0", "0.2500|LIMIT_BAL", "0.1500|AGE", "0.1000|SEX"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

func TestPredictionHTML(t *testing.T) {
	p := handPrediction(t)
	s := p.HTML()
	rows := checkWellFormed(t, s)
	want := []string{
		"ContributionFeatureValue",
		"+0.7500|PAY_0|2", "-0.2500|LIMIT_BAL|20000", "+0.1250|AGE|missing",
		"-1.5000|<BIAS>|", "-0.8750|margin|",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(s, "hsl(120, 100%") || !strings.Contains(s, "hsl(0, 100%") {
		t.Error("positive rows should be green and negative ones red")
	}
	for _, banned := range []string{"http://", "https://", "src=", "@import"} {
		if strings.Contains(s, banned) {
			t.Errorf("HTML fetches from elsewhere: contains %q", banned)
		}
	}
}

func TestHTMLEscapesNames(t *testing.T) {
	names := []string{`<script>alert("x")</script>`, "a&b", `"quoted"`, "ok"}
	p, err := NewPrediction(names, []float32{1, 2, 3, 4}, []float64{0.4, -0.3, 0.2, 0.1, 0}, model.RegSquaredError, model.DecisionPath)
	if err != nil {
		t.Fatal(err)
	}
	s := p.HTML()
	if strings.Contains(s, "<script>") {
		t.Fatal("a feature name was not escaped")
	}
	rows := checkWellFormed(t, s)
	for _, n := range names {
		found := false
		for _, r := range rows {
			found = found || strings.Contains(r, n)
		}
		if !found {
			t.Errorf("feature %q missing from the HTML rows %q", n, rows)
		}
	}
	if p.HasProbability || strings.Contains(s, "probability") {
		t.Error("a squared-error model has no probability")
	}
}
