// Command loops times three small loops compiled and interpreted in a
// kernel session, side by side in one run, so users know what is worth
// moving into a compiled library: a float sum over 10M, fib(27) and a
// map-counting loop. The interpreted source is the compiled functions'
// own text (loops.go, embedded as loopSource), declared in a cell and called
// from the next, as a user would.
//
//	go run ./bench/loops            # median of 3 runs each
//	go run ./bench/loops -runs 5
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// loopSource is the Go source of the three loops (loops.go), which is
// also compiled into this command: the interpreted and the compiled loops
// are the same text.
//
//go:embed loops.go
var loopSource string

type loop struct {
	name     string
	call     string // the cell calling the interpreted loop
	compiled func() any
}

var loops = []loop{
	{"float sum over 10M", "floatSum(10_000_000)", func() any { return floatSum(10_000_000) }},
	{"fib(27)", "fib(27)", func() any { return fib(27) }},
	{"map counting, 1M", "mapCount(1_000_000)", func() any { return mapCount(1_000_000) }},
}

// silent is a cell output that keeps only errors.
type silent struct{}

func (silent) Stream(string, string)                                 {}
func (silent) Display(exec.MIMEBundle, map[string]any, string, bool) {}
func (silent) ClearOutput(bool)                                      {}
func (silent) Input(string, bool) (string, error)                    { return "", exec.ErrNoStdin }

func main() {
	runs := flag.Int("runs", 3, "runs of each loop; the median is shown")
	flag.Parse()
	s, err := exec.New(exec.Options{NoFDCapture: true})
	if err != nil {
		fail(err)
	}
	defer s.Close()
	if res := s.Execute(context.Background(), loopSource, silent{}); res.Err != nil {
		fail(fmt.Errorf("declare the loops: %s", res.Err.Value))
	}
	fmt.Printf("%-22s %12s %14s %8s\n", "loop", "compiled", "interpreted", "ratio")
	for _, l := range loops {
		c := median(*runs, func() { l.compiled() })
		i := median(*runs, func() {
			if res := s.Execute(context.Background(), l.call, silent{}); res.Err != nil {
				fail(fmt.Errorf("%s: %s", l.call, res.Err.Value))
			}
		})
		fmt.Printf("%-22s %12s %14s %7.0fx\n", l.name, c.Round(time.Microsecond), i.Round(time.Microsecond), float64(i)/float64(c))
	}
}

// median times f runs times and returns the median duration.
func median(runs int, f func()) time.Duration {
	d := make([]time.Duration, runs)
	for i := range d {
		t0 := time.Now()
		f()
		d[i] = time.Since(t0)
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "loops:", strings.TrimSpace(err.Error()))
	os.Exit(1)
}
