package data_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/gotrain/gotrain/trainlib/data"
)

// Read a small CSV with an ID to drop, a text column to one-hot encode, a
// spreadsheet exponent and a missing value.
func ExampleReadCSV() {
	in := "ID,purpose,amount,credit\n1,car,5.00E+05,1\n2,tv,NA,0\n"
	d, err := data.ReadCSV(context.Background(), strings.NewReader(in), "loans.csv", data.Options{
		Label: "credit", Drop: []string{"ID"}, OneHot: true, BinaryLabel: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Names)
	fmt.Println(d.Row(0), d.Row(1), d.Label)
	// Output:
	// [purpose_car purpose_tv amount]
	// [1 0 500000] [0 1 NaN] [1 0]
}

// Errors name the file, line, column, the text and the remedy.
func ExampleError() {
	in := "age,income,credit\n31,1000,1\n42,lots,0\n"
	_, err := data.ReadCSV(context.Background(), strings.NewReader(in), "loans.csv", data.Options{Label: "credit"})
	fmt.Println(err)
	// Output:
	// loans.csv:3:4: column "income": got "lots", expected a number or a missing marker ("", "NA", "NaN", "nan", "N/A"); column "income" holds text: set OneHot to one-hot encode it (gotrain: --one-hot), or Drop it (--drop income)
}

// Split a data set 70/15/15 with a seed: the same seed gives the same parts.
func ExampleSplit() {
	rows := make([][]float64, 20)
	for i := range rows {
		rows[i] = []float64{float64(i), float64(i % 2)}
	}
	d, _ := data.FromRows([]string{"x", "y"}, rows, "y")
	parts, err := data.Split(d, []float64{0.7, 0.15, 0.15}, 42)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(parts[0].Rows, parts[1].Rows, parts[2].Rows)
	// Output:
	// 14 3 3
}
