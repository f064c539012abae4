package datasets_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/datasets"
	"github.com/gotrain/gotrain/trainlib/frame"
)

// German credit as distributed — space-separated, no header, the class 1
// (good) or 2 (bad) last — written to a file and read as a user reads a
// download: the column names given, 2 (bad credit) the positive class.
func ExampleWriteGermanCredit() {
	dir, _ := os.MkdirTemp("", "datasets")
	defer os.RemoveAll(dir)
	path, err := datasets.WriteGermanCredit(filepath.Join(dir, "german.data"))
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := frame.Read(path, frame.Options{Comma: ' ', Names: datasets.GermanCreditColumns, Label: "credit", Positive: "2"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Rows(), "rows,", f.Cols(), "columns")
	vc, _ := f.ValueCounts("credit")
	fmt.Print(vc)
	// Output:
	// 1000 rows, 21 columns
	// credit  count  share
	// 1         700  70.0%
	// 2         300  30.0%
	// 2 distinct values of "credit" in 1000 rows; label "credit": 2 = 1 (positive, as asked), 1 = 0
}

// The UCI credit card file is embedded as published: a header, 30,000
// rows, the label default.payment.next.month.
func Example_uciCreditCard() {
	dir, _ := os.MkdirTemp("", "datasets")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "UCI_Credit_Card.csv")
	if err := os.WriteFile(path, datasets.UCICreditCard, 0o644); err != nil {
		fmt.Println(err)
		return
	}
	f, err := frame.Read(path, frame.Options{Label: "default.payment.next.month"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Rows(), "rows,", f.Cols(), "columns; the first:", f.Names()[:3])
	fmt.Println(f.LabelNote())
	// Output:
	// 30000 rows, 25 columns; the first: [ID LIMIT_BAL SEX]
	// label "default.payment.next.month" (numbers)
}
