package chart

import (
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// creditGain is a gain importance map shaped like the credit-card default
// model's: a few strong features and a long tail.
var creditGain = map[string]float64{
	"PAY_0": 182.4, "PAY_2": 41.7, "PAY_3": 22.9, "LIMIT_BAL": 12.6,
	"PAY_AMT1": 9.8, "BILL_AMT1": 8.1, "AGE": 6.3, "PAY_AMT3": 5.9,
	"PAY_4": 5.2, "EDUCATION": 3.3, "SEX": 2.1, "MARRIAGE": 1.7,
}

func TestImportanceGolden(t *testing.T) {
	c, err := Importance(creditGain, ImportanceOptions{Kind: "gain"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "importance_gain")
}

func TestImportanceLongNamesGolden(t *testing.T) {
	scores := map[string]float64{
		"customer_payment_status_in_september_2005_delayed_months": 120,
		"x": 90,
		"amount_of_bill_statement_in_august_2005_new_taiwan_dollars":   60.5,
		"ThisIsAVeryLongFeatureNameWithoutAnyBreakCharactersAtAllInIt": 33,
		"limit balance (credit given, NT dollars)":                     12,
	}
	c, err := Importance(scores, ImportanceOptions{Kind: "weight", Size: Size{Width: 6 * vg.Inch, Height: 3 * vg.Inch, DPI: 96}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Size().Height <= 3*vg.Inch {
		t.Errorf("height %v did not grow for wrapped names", c.Size().Height)
	}
	checkGolden(t, c, "importance_long_names")
}

func TestImportanceTopNAndSummary(t *testing.T) {
	c, err := Importance(creditGain, ImportanceOptions{Kind: "cover", TopN: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := "Feature importance (cover): top 3 of 12 features\n" +
		"  PAY_0  182.4\n" +
		"  PAY_2  41.7\n" +
		"  PAY_3  22.9\n"
	if got := c.String(); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestImportanceRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		scores map[string]float64
		opt    ImportanceOptions
		want   string
	}{
		{"empty", nil, ImportanceOptions{Kind: "gain"}, "no importance values"},
		{"nan", map[string]float64{"a": 1, "bad": nan()}, ImportanceOptions{}, `"bad"`},
		{"negative", map[string]float64{"neg": -1}, ImportanceOptions{}, "negative"},
		{"tiny", map[string]float64{"a": 1}, ImportanceOptions{Size: Size{Width: 10}}, "width"},
		{"dpi", map[string]float64{"a": 1}, ImportanceOptions{Size: Size{DPI: 10000}}, "DPI"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Importance(tc.scores, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one mentioning %s", err, tc.want)
			}
		})
	}
}

func TestImportanceNarrowGolden(t *testing.T) {
	scores := map[string]float64{"PAY_0": 12500.5, "LIMIT_BAL": 8200.25, "BILL_AMT1": 3100.75}
	c, err := Importance(scores, ImportanceOptions{Kind: "total_gain", Size: Size{Width: 2.6 * vg.Inch, Height: 2.2 * vg.Inch, DPI: 150}})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, c, "importance_narrow")
}
