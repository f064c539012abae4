// Command describe times what a notebook does first with a CSV — read it,
// Describe() every column and draw a histogram of every numeric column —
// and prints one JSON line: {"rows", "cols", "read_s", "describe_s",
// "hist_s", "cpu_s"}. bench/frame/run.sh runs it next to pandas.
//
//	go run ./bench/frame/describe data.csv
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/gotrain/gotrain/trainlib/frame"
)

func cpu() float64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: describe FILE.csv")
		os.Exit(2)
	}
	t0, c0 := time.Now(), cpu()
	f, err := frame.Read(os.Args[1], frame.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	t1 := time.Now()
	d := f.Describe()
	t2 := time.Now()
	h, err := f.Histograms()
	if err == nil && len(h.PNG()) == 0 {
		err = fmt.Errorf("empty PNG")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	t3 := time.Now()
	_ = json.NewEncoder(os.Stdout).Encode(map[string]any{
		"rows": f.Rows(), "cols": len(d.Columns),
		"read_s": t1.Sub(t0).Seconds(), "describe_s": t2.Sub(t1).Seconds(), "hist_s": t3.Sub(t2).Seconds(),
		"cpu_s": cpu() - c0,
	})
}
