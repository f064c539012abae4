package main

import (
	"fmt"
	"os"
	"sort"
	"text/tabwriter"
)

type Sale struct {
	Region string
	Rep    string
	Amount float64
}

func main() {
	sales := []Sale{
		{"north", "ann", 1200.5},
		{"south", "bob", 800},
		{"north", "cy", 450.25},
		{"east", "dee", 3000},
		{"south", "eve", 99.99},
	}
	sort.Slice(sales, func(i, j int) bool {
		if sales[i].Region != sales[j].Region {
			return sales[i].Region < sales[j].Region
		}
		return sales[i].Amount > sales[j].Amount
	})
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "REGION\tREP\tAMOUNT\t")
	totals := map[string]float64{}
	for _, s := range sales {
		fmt.Fprintf(w, "%s\t%s\t%.2f\t\n", s.Region, s.Rep, s.Amount)
		totals[s.Region] += s.Amount
	}
	w.Flush()

	tw := tabwriter.NewWriter(os.Stdout, 5, 0, 1, '.', tabwriter.AlignRight|tabwriter.Debug)
	regions := []string{"east", "north", "south"}
	for _, r := range regions {
		fmt.Fprintf(tw, "%s\t%.1f\t\n", r, totals[r])
	}
	tw.Flush()
	sort.SliceStable(sales, func(i, j int) bool { return sales[i].Rep > sales[j].Rep })
	for _, s := range sales[:2] {
		fmt.Println(s.Rep)
	}
}
