package frame_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/frame"
)

// Look at a CSV as it came: a BOM, a header with a trailing space, text
// categories, a missing value and a Y/N label.
func Example() {
	dir, _ := os.MkdirTemp("", "frame")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "loans.csv")
	os.WriteFile(path, []byte("\ufeffID,LIMIT,EDUCATION,AGE,default \n"+
		"1,1000,university,25,N\n2,2000,high school,35,Y\n3,,university,45,N\n4,4000,university,55,N\n"), 0o644)

	f, err := frame.Read(path, frame.Options{Label: "default "})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Rows(), f.Names(), f.Types())
	fmt.Println(f.LabelNote())

	d := f.Describe()
	limit := d.Columns[1]
	fmt.Println(limit.Name, limit.Count, limit.Missing, limit.Mean, limit.Median)

	vc, _ := f.ValueCounts("EDUCATION")
	fmt.Print(vc)

	older := f.Filter(func(r frame.Row) bool { return r.Num("AGE") >= 40 })
	fmt.Println(older.Rows(), "rows aged 40 or more")

	ds, _ := f.Dataset()
	fmt.Println(ds.Names, ds.Label)
	// Output:
	// 4 [ID LIMIT EDUCATION AGE default] [number number text number text]
	// label "default": Y = 1 (positive, the less frequent), N = 0
	// LIMIT 3 1 2333.3333333333335 2000
	// EDUCATION    count  share
	// university       3  75.0%
	// high school      1  25.0%
	// 2 distinct values of "EDUCATION" in 4 rows
	// 2 rows aged 40 or more
	// [ID LIMIT EDUCATION_high school EDUCATION_university AGE] [0 1 0 0]
}
