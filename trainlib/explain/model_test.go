package explain

import (
	"bytes"
	"context"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/model"
)

// stump returns a one-split tree on feature f at cond: covers lc and rc,
// leaves lv and rv.
func stump(f int32, cond float32, lc, rc, lv, rv float32) model.Tree {
	return model.Tree{
		Left: []int32{1, -1, -1}, Right: []int32{2, -1, -1},
		Parent:         []int32{model.NoParent, 0, 0},
		SplitFeature:   []int32{f, 0, 0},
		SplitCondition: []float32{cond, lv, rv},
		DefaultLeft:    []bool{true, false, false},
		BaseWeight:     []float32{0, lv, rv},
		LossChange:     []float32{2.5, 0, 0},
		SumHessian:     []float32{lc + rc, lc, rc},
	}
}

// handModel is a two-stump logistic model whose explanation is worked out
// by hand: for the row (0, 7, 3) tree 0 goes left (0.3; mean 0.1), tree 1
// goes right (-0.1; mean 0), so a = +0.2, c = -0.1, b = 0, bias 0.1 and
// margin 0.2 (base_score 0.5 is margin 0).
func handModel(t *testing.T) *model.Model {
	t.Helper()
	m := &model.Model{
		Objective: model.BinaryLogistic, BaseScore: 0.5,
		FeatureNames: []string{"a", "b", "c"}, NumFeature: 3,
		Trees:         []model.Tree{stump(0, 0.5, 6, 4, 0.3, -0.2), stump(2, 1, 5, 5, 0.1, -0.1)},
		BestIteration: -1,
	}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestExplainRowHandModel(t *testing.T) {
	m := handModel(t)
	for _, method := range []model.ContribMethod{model.TreeSHAP, model.DecisionPath} {
		p, err := ExplainRow(m, []float32{0, 7, 3}, PredictionOptions{Method: method})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]float64{"a": 0.2, "b": 0, "c": -0.1}
		for _, r := range p.Rows {
			if math.Abs(r.Contribution-want[r.Feature]) > 1e-6 {
				t.Errorf("%v: %s contributes %v, want %v", method, r.Feature, r.Contribution, want[r.Feature])
			}
		}
		if math.Abs(p.Bias-0.1) > 1e-6 || math.Abs(p.Margin-0.2) > 1e-6 {
			t.Errorf("%v: bias %v margin %v, want 0.1 and 0.2", method, p.Bias, p.Margin)
		}
		if want := 1 / (1 + math.Exp(-0.2)); math.Abs(p.Probability-want) > 1e-6 {
			t.Errorf("%v: probability %v, want %v", method, p.Probability, want)
		}
		if p.Rows[0].Feature != "a" || p.Rows[1].Feature != "c" {
			t.Errorf("%v: order %v, want a then c", method, p.Rows)
		}
	}
}

func TestExplainRowsStopsWhenCancelled(t *testing.T) {
	m := handModel(t)
	x := data.NewMatrix(3*rowBatch, 3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ExplainRows(ctx, m, x, nil, PredictionOptions{}); err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Fatalf("error %v, want cancellation", err)
	}
}

func TestExplainRowRefusesWrongWidth(t *testing.T) {
	if _, err := ExplainRow(handModel(t), []float32{1, 2}, PredictionOptions{}); err == nil || !strings.Contains(err.Error(), "3 features") {
		t.Fatalf("error %v, want one naming the model's 3 features", err)
	}
}

// loadCredit loads the credit-card model XGBoost 3.2 trained (fixture of
// package model, made by its testdata script).
func loadCredit(t testing.TB) *model.Model {
	t.Helper()
	m, err := model.Load(filepath.Join("..", "model", "testdata", "credit_logistic.json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// randomRows draws n seeded rows in the model's feature count, a tenth of
// the values missing.
func randomRows(m *model.Model, n int, seed uint64) *data.Matrix {
	rng := rand.New(rand.NewPCG(seed, 1))
	x := data.NewMatrix(n, m.NumFeature)
	for i := range x.Values {
		switch {
		case rng.IntN(10) == 0:
			x.Values[i] = float32(math.NaN())
		case rng.IntN(2) == 0:
			x.Values[i] = float32(rng.IntN(9) - 2)
		default:
			x.Values[i] = float32(rng.Float64() * 200000)
		}
	}
	return x
}

func TestCreditRowsSumToModelMargin(t *testing.T) {
	m := loadCredit(t)
	x := randomRows(m, 40, 5)
	margins, err := m.Predict(x, model.PredictOptions{Margin: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, method := range []model.ContribMethod{model.TreeSHAP, model.DecisionPath} {
		ps, err := ExplainRows(context.Background(), m, x, nil, PredictionOptions{Method: method})
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range ps {
			sum := p.Bias
			for _, r := range p.Rows {
				sum += r.Contribution
			}
			if math.Abs(sum-p.Margin) > 1e-9 || math.Abs(p.Margin-float64(margins[i])) > 1e-4 {
				t.Errorf("%v row %d: rows sum to %v, margin %v, model margin %v", method, i, sum, p.Margin, margins[i])
			}
			if math.Abs(p.Probability-1/(1+math.Exp(-p.Margin))) > 1e-4 {
				t.Errorf("%v row %d: probability %v does not match margin %v", method, i, p.Probability, p.Margin)
			}
		}
	}
}

func TestWriteBatchFiles(t *testing.T) {
	m := loadCredit(t)
	dir := t.TempDir()
	paths, err := WriteImportanceCharts(dir, m, nil, chart.ImportanceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"feature_importance_gain.png", "feature_importance_weight.png", "feature_importance_cover.png"}
	seen := map[string]bool{}
	for i, p := range paths {
		if filepath.Base(p) != want[i] {
			t.Errorf("file %d is %s, want %s", i, filepath.Base(p), want[i])
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		if seen[string(b)] {
			t.Errorf("%s repeats another chart; each kind must draw its own", p)
		}
		seen[string(b)] = true
	}

	rows := randomRows(m, 3, 9)
	page, err := WriteExplanation(context.Background(), dir, m, rows, ReportOptions{Weights: WeightsOptions{TopN: -1}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	trs := checkWellFormed(t, doc)
	imp, err := m.Importance(model.Gain)
	if err != nil {
		t.Fatal(err)
	}
	for f := range imp {
		if !containsRow(trs, "|"+f) {
			t.Errorf("weights table has no row for %s", f)
		}
	}
	ps, err := ExplainRows(context.Background(), m, rows, nil, PredictionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		for _, r := range p.Shown(0) {
			if !containsRow(trs, signed(r.Contribution)+"|"+r.Feature+"|") {
				t.Errorf("%s: no row for %s %s", p.Name, r.Feature, signed(r.Contribution))
			}
		}
	}
	if n := strings.Count(doc, `src="data:image/png;base64,`); n != 3+rows.Rows {
		t.Errorf("page inlines %d charts, want 3 importance charts and one per row (%d)", n, 3+rows.Rows)
	}
	if strings.Contains(doc, "http://") || strings.Contains(doc, "https://") {
		t.Error("page refers to the network")
	}
}

// containsRow reports whether some row's text contains s.
func containsRow(rows []string, s string) bool {
	for _, r := range rows {
		if strings.Contains(r, s) {
			return true
		}
	}
	return false
}

func TestWriteImportanceChartsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	_, err := WriteImportanceCharts(dir, loadCredit(t), []string{model.Gain, "gian"}, chart.ImportanceOptions{})
	if err == nil || !strings.Contains(err.Error(), "gian") {
		t.Fatalf("error %v, want one naming the bad kind", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("a failed call left %d files behind", len(entries))
	}
}

func TestWriteExplanationIntoMissingDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "absent")
	_, err := WriteExplanation(context.Background(), dir, handModel(t), nil, ReportOptions{})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, ExplanationFile)) {
		t.Fatalf("error %v, want one naming the page's path", err)
	}
}

func TestPredictionChart(t *testing.T) {
	p, err := ExplainRow(handModel(t), []float32{0, 7, 3}, PredictionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.Chart(chart.ContributionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "row 0: probability 0.5498, margin 0.2000 (TreeSHAP, binary:logistic)\n" +
		"  +0.2000  a = 0\n" +
		"  -0.1000  c = 3\n"
	if got := c.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if _, err := png.Decode(bytes.NewReader(c.PNG())); err != nil {
		t.Error(err)
	}
}
