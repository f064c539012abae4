// Command loadtime times gotrain's CSV loader on the files a glob names, for
// bench/data/run.sh: the best of -n runs, wall and CPU time, as one line of
// JSON that the script prints next to pandas' numbers.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	runs := flag.Int("n", 3, "runs; the best is reported")
	label := flag.String("label", "credit", "label column")
	bin := flag.Bool("bin", false, "also sketch and bin the data (as training does first: one round of a depth-1 tree, which adds one root histogram)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: loadtime [-n RUNS] [-label COL] [-bin] GLOB")
		os.Exit(2)
	}
	best, bestCPU := time.Duration(1<<62), time.Duration(1<<62)
	rows, cols := 0, 0
	for range *runs {
		t, c := time.Now(), cpu()
		d, err := data.Load(context.Background(), flag.Arg(0), data.Options{Label: *label, BinaryLabel: true})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if *bin {
			p := gbdt.DefaultParams()
			p.NumBoostRound, p.MaxDepth = 1, 1
			if _, err := gbdt.TrainLocal(context.Background(), p, d, nil, nil); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		best, bestCPU = min(best, time.Since(t)), min(bestCPU, cpu()-c)
		rows, cols = d.Rows, d.Cols
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	json.NewEncoder(os.Stdout).Encode(map[string]any{"rows": rows, "cols": cols, "wall_s": best.Seconds(), "cpu_s": bestCPU.Seconds(),
		"peak_rss_mb": float64(ru.Maxrss) / 1024})
}
