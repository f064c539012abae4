package frame

import (
	"html"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// credit is a small file as users get them: a BOM, a header with spaces, a
// text column with a missing value, a Y/N label under "default ".
const credit = "\ufeffID, LIMIT ,EDUCATION,AGE,default \n" +
	"1,1000,university,25,N\n" +
	"2,2000,high school,35,Y\n" +
	"3,,university,45,N\n" +
	"4,4000,NA,55,N\n" +
	"5,5000,graduate,65,Y\n" +
	"6,6000,university,75,N\n"

func writeTemp(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readCredit(t *testing.T, o Options) *Frame {
	t.Helper()
	dir := writeTemp(t, map[string]string{"credit.csv": credit})
	f, err := Read(filepath.Join(dir, "credit.csv"), o)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestReadTypesAndLabel(t *testing.T) {
	f := readCredit(t, Options{Label: "default "})
	if !slices.Equal(f.Names(), []string{"ID", "LIMIT", "EDUCATION", "AGE", "default"}) {
		t.Fatalf("names %q", f.Names())
	}
	if !slices.Equal(f.Types(), []string{"number", "number", "text", "number", "text"}) {
		t.Fatalf("types %q", f.Types())
	}
	if f.Rows() != 6 || f.Cols() != 5 {
		t.Fatalf("shape %d × %d", f.Rows(), f.Cols())
	}
	if pos, neg, ok := f.Positive(); !ok || pos != "Y" || neg != "N" {
		t.Fatalf("Positive() = %q %q %v", pos, neg, ok)
	}
	if got := f.LabelNote(); got != `label "default": Y = 1 (positive, the less frequent), N = 0` {
		t.Fatalf("LabelNote %q", got)
	}
	g := readCredit(t, Options{Label: "default", Positive: "N"})
	if got := g.LabelNote(); got != `label "default": N = 1 (positive, as asked), Y = 0` {
		t.Fatalf("LabelNote %q", got)
	}
}

// A column whose text comes after numbers is re-read, so early values keep
// their exact text (a code "007" stays "007").
func TestTextAfterNumbersKeepsItsText(t *testing.T) {
	dir := writeTemp(t, map[string]string{"a_1.csv": "code\n007\n1.50\n", "a_2.csv": "code\nX9\n"})
	f, err := Read(filepath.Join(dir, "a_*.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := f.TextColumn("code")
	if !slices.Equal(got, []string{"007", "1.50", "X9"}) || f.Types()[0] != "text" {
		t.Fatalf("code %q (%s)", got, f.Types()[0])
	}
}

func TestDescribe(t *testing.T) {
	d := readCredit(t, Options{Label: "default"}).Describe()
	limit := d.Columns[1]
	// pandas: count 5, mean 3600, std 2073.644135, 25% 2000, 50% 4000, 75% 5000
	if limit.Count != 5 || limit.Missing != 1 || limit.Mean != 3600 || math.Abs(limit.Std-2073.6441353327723) > 1e-9 ||
		limit.Min != 1000 || limit.Q25 != 2000 || limit.Median != 4000 || limit.Q75 != 5000 || limit.Max != 6000 {
		t.Fatalf("LIMIT %+v", limit)
	}
	age := d.Columns[3]
	if age.Q25 != 37.5 || age.Median != 50 || age.Q75 != 62.5 {
		t.Fatalf("AGE quartiles %v %v %v, want 37.5 50 62.5", age.Q25, age.Median, age.Q75)
	}
	edu := d.Columns[2]
	if edu.Count != 5 || edu.Missing != 1 || edu.Distinct != 3 || edu.Top[0].Value != "university" || edu.Top[0].N != 3 {
		t.Fatalf("EDUCATION %+v", edu)
	}
	for _, want := range []string{"LIMIT", "2073.64", "university (3), graduate (1), high school (1)", `6 rows, 5 columns; label "default": Y = 1`} {
		if !strings.Contains(d.String(), want) || !strings.Contains(d.HTML(), html.EscapeString(want)) {
			t.Errorf("description lacks %q:\n%s", want, d)
		}
	}
}

func TestValueCountsHeadTailSelectFilter(t *testing.T) {
	f := readCredit(t, Options{Label: "default"})
	vc, err := f.ValueCounts("EDUCATION")
	if err != nil {
		t.Fatal(err)
	}
	if vc.Missing != 1 || len(vc.Values) != 3 || vc.Values[0].Value != "university" || vc.Values[1].Value != "graduate" {
		t.Fatalf("counts %+v", vc)
	}
	if !strings.Contains(vc.String(), "(missing)") || !strings.Contains(vc.HTML(), "<td") {
		t.Fatalf("counts render:\n%s", vc)
	}
	if h := f.Head(2); h.Rows() != 2 || h.cols[0].num[1] != 2 {
		t.Fatalf("Head(2): %s", h)
	}
	if tl := f.Tail(10); tl.Rows() != 6 {
		t.Fatalf("Tail(10) has %d rows", tl.Rows())
	}
	s, err := f.Select("AGE", "default")
	if err != nil || s.Cols() != 2 || s.Label() != "default" {
		t.Fatalf("Select: %v %v", s, err)
	}
	if _, err := f.Select("AGEE"); err == nil || !strings.Contains(err.Error(), `no column "AGEE"; the columns are ID, LIMIT, EDUCATION, AGE, default`) {
		t.Fatalf("Select of a missing column: %v", err)
	}
	old := f.Filter(func(r Row) bool { return r.Num("AGE") >= 50 && r.Text("EDUCATION") != "graduate" })
	ids, _ := old.Column("ID")
	if !slices.Equal(ids, []float64{4, 6}) {
		t.Fatalf("Filter kept IDs %v", ids)
	}
}

func TestRenderFrame(t *testing.T) {
	f := readCredit(t, Options{Label: "default"})
	for _, want := range []string{"6 rows × 5 columns (3 numeric, 2 text)", "high school", "number", "text"} {
		if !strings.Contains(f.HTML(), want) || !strings.Contains(f.String(), want) {
			t.Errorf("frame lacks %q:\n%s", want, f)
		}
	}
	if !strings.Contains(f.HTML(), "<table") || strings.Contains(f.HTML(), "<script") {
		t.Errorf("HTML: %s", f.HTML())
	}
}

func TestDatasetOneHotAndLabel(t *testing.T) {
	f := readCredit(t, Options{Label: "default"})
	s, _ := f.Select("LIMIT", "EDUCATION", "default")
	d, err := s.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"LIMIT", "EDUCATION_graduate", "EDUCATION_high school", "EDUCATION_university"}
	if !slices.Equal(d.Names, want) || !slices.Equal(d.Label, []float32{0, 1, 0, 0, 1, 0}) {
		t.Fatalf("names %q labels %v", d.Names, d.Label)
	}
	if r := d.Row(2); !math.IsNaN(float64(r[0])) || r[3] != 1 {
		t.Fatalf("row 2 %v", r)
	}
}

func TestCharts(t *testing.T) {
	f := readCredit(t, Options{Label: "default"})
	h, err := f.Histograms()
	if err != nil || !strings.Contains(h.String(), "LIMIT: 5 values") || len(h.PNG()) == 0 {
		t.Fatalf("Histograms: %v %v", h, err)
	}
	if _, err := f.Histograms("EDUCATION"); err == nil || !strings.Contains(err.Error(), "ValueCounts") {
		t.Fatalf("histogram of text: %v", err)
	}
	b, err := f.BarChart("EDUCATION")
	if err != nil || !strings.Contains(b.String(), `"university"  3`) {
		t.Fatalf("BarChart: %v %v", b, err)
	}
	s, err := f.Scatter("AGE", "LIMIT")
	if err != nil || !strings.Contains(s.String(), "default = Y: 2 points") {
		t.Fatalf("Scatter: %v %v", s, err)
	}
}

func TestReadErrors(t *testing.T) {
	dir := writeTemp(t, map[string]string{
		"ragged.csv": "a,b\n1,2\n3\n", "a_1.csv": "a,b\n1,2\n", "a_2.csv": "a,c\n1,2\n",
		"three.csv": "x,y\n1,a\n2,b\n3,c\n"})
	for _, c := range []struct {
		spec string
		o    Options
		want string
	}{
		{"ragged.csv", Options{}, "ragged.csv:3:2"},
		{"a_*.csv", Options{}, "every file must have the same columns"},
		{"three.csv", Options{Label: "y"}, `label column "y" holds 3 distinct values`},
		{"three.csv", Options{Label: "z"}, `label: frame: no column "z"`},
		{"none_*.csv", Options{}, "no file matches"},
	} {
		_, err := Read(filepath.Join(dir, c.spec), c.o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.spec, err, c.want)
		}
	}
}

// German credit as distributed: no header, spaces between fields, text
// codes, the class 1 (good) or 2 (bad).
func TestGermanCreditAsDistributed(t *testing.T) {
	dir := writeTemp(t, map[string]string{"german.data": "A11 6 1169 1\nA12 48 5951 2\nA14 12 2096 1\n"})
	f, err := Read(filepath.Join(dir, "german.data"), Options{Comma: ' ', Names: []string{"status", "duration", "amount", "credit"}, Label: "credit", Positive: "2"})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.LabelNote(); got != `label "credit": 2 = 1 (positive, as asked), 1 = 0` {
		t.Fatalf("LabelNote %q", got)
	}
	d, err := f.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Label, []float32{0, 1, 0}) || len(d.Names) != 5 {
		t.Fatalf("names %q labels %v", d.Names, d.Label)
	}
}
