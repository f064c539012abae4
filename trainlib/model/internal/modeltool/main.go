// Command modeltool is a test helper for tests/model: it rewrites a model
// file through gotrain's reader and writer, and scores a CSV with a model,
// so the Python tests can check our files against XGBoost itself.
//
//	go run ./trainlib/model/internal/modeltool resave IN OUT
//	go run ./trainlib/model/internal/modeltool predict [-margin] MODEL ROWS.csv OUT.csv
//	go run ./trainlib/model/internal/modeltool time [-cpuprofile FILE] MODEL ROWS.csv CONTRIB_ROWS.csv
//
// ROWS.csv has a header and only feature columns; an empty cell is missing.
// OUT.csv gets one value per line, with enough digits to round-trip a float32.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "modeltool:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: modeltool resave IN OUT | predict [-margin] MODEL ROWS.csv OUT.csv")
	}
	switch args[0] {
	case "resave":
		if len(args) != 3 {
			return errors.New("usage: modeltool resave IN OUT")
		}
		m, err := model.Load(args[1])
		if err != nil {
			return err
		}
		return m.Save(args[2])
	case "predict":
		fs := flag.NewFlagSet("predict", flag.ContinueOnError)
		margin := fs.Bool("margin", false, "write margins instead of probabilities")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 3 {
			return errors.New("usage: modeltool predict [-margin] MODEL ROWS.csv OUT.csv")
		}
		return predict(fs.Arg(0), fs.Arg(1), fs.Arg(2), *margin)
	case "time":
		fs := flag.NewFlagSet("time", flag.ContinueOnError)
		profile := fs.String("cpuprofile", "", "write a CPU profile to this file")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 3 {
			return errors.New("usage: modeltool time [-cpuprofile FILE] MODEL ROWS.csv CONTRIB_ROWS.csv")
		}
		return timeModel(fs.Arg(0), fs.Arg(1), fs.Arg(2), *profile)
	}
	return fmt.Errorf("unknown command %q; use resave, predict or time", args[0])
}

func predict(modelPath, rowsPath, outPath string, margin bool) error {
	m, err := model.Load(modelPath)
	if err != nil {
		return err
	}
	x, err := readRows(rowsPath)
	if err != nil {
		return err
	}
	p, err := m.Predict(x, model.PredictOptions{Margin: margin})
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, v := range p {
		b.WriteString(strconv.FormatFloat(float64(v), 'g', 9, 32))
		b.WriteByte('\n')
	}
	return os.WriteFile(outPath, []byte(b.String()), 0o644)
}

func readRows(name string) (*data.Matrix, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	x := &data.Matrix{}
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			x.Cols = len(strings.Split(sc.Text(), ","))
			continue
		}
		cells := strings.Split(sc.Text(), ",")
		if len(cells) != x.Cols {
			return nil, fmt.Errorf("%s line %d: %d cells, the header has %d", name, line, len(cells), x.Cols)
		}
		for col, c := range cells {
			if c == "" {
				x.Values = append(x.Values, float32(math.NaN()))
				continue
			}
			v, err := strconv.ParseFloat(c, 32)
			if err != nil {
				return nil, fmt.Errorf("%s line %d column %d: %q is not a number", name, line, col+1, c)
			}
			x.Values = append(x.Values, float32(v))
		}
		x.Rows++
	}
	return x, sc.Err()
}
