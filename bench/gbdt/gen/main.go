// Command gen writes the seeded synthetic data sets of the GBDT benchmark
// as raw little-endian float32 files that both gotrain and XGBoost read
// without CSV parsing: a header of two uint32 (rows, features), then
// rows×features feature values row by row, then rows labels.
//
//	go run ./bench/gbdt/gen -kind dense -rows 1000000 -out dense.f32
//	go run ./bench/gbdt/gen -kind onehot -rows 2100000 -out onehot.f32
//
// An output name ending in .csv gets the same rows as CSV instead (a
// header f0,f1,…,label, shortest round-tripping float32 text), for the
// end-to-end benchmark that starts from a file a user would have.
//
// dense is 28 continuous features (a HIGGS-like shape); onehot is 61
// features shaped like one-hot encoded German credit: 7 numeric columns and
// 13 categorical columns expanded to 54 indicator features.
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
)

func main() {
	kind := flag.String("kind", "dense", "dense (28 features) or onehot (61 features)")
	rows := flag.Int("rows", 1_000_000, "number of rows")
	seed := flag.Uint64("seed", 42, "random seed")
	out := flag.String("out", "", "output file (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	if err := write(*kind, *rows, *seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// levels are the level counts of onehot's 13 categorical columns (54 in
// all, as German credit's one-hot encoding).
var levels = []int{4, 5, 10, 5, 5, 3, 4, 3, 4, 3, 4, 2, 2}

func write(kind string, rows int, seed uint64, path string) error {
	var cols int
	var row func(rng *rand.Rand, x []float32) float32
	switch kind {
	case "dense":
		cols, row = 28, denseRow
	case "onehot":
		cols, row = 61, onehotRow
	default:
		return fmt.Errorf("unknown -kind %q: use dense or onehot", kind)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	x := make([]float32, cols)
	if strings.HasSuffix(path, ".csv") {
		for c := 0; c < cols; c++ {
			fmt.Fprintf(w, "f%d,", c)
		}
		w.WriteString("label\n")
		var buf []byte
		for r := 0; r < rows; r++ {
			y := row(rng, x)
			buf = buf[:0]
			for _, v := range append(x, y) {
				buf = strconv.AppendFloat(buf, float64(v), 'g', -1, 32)
				buf = append(buf, ',')
			}
			buf[len(buf)-1] = '\n'
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
	} else {
		binary.Write(w, binary.LittleEndian, [2]uint32{uint32(rows), uint32(cols)})
		labels := make([]float32, rows)
		for r := 0; r < rows; r++ {
			labels[r] = row(rng, x)
			if err := binary.Write(w, binary.LittleEndian, x); err != nil {
				return err
			}
		}
		if err := binary.Write(w, binary.LittleEndian, labels); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// denseRow fills 28 continuous features; the label depends on them
// non-linearly, with noise.
func denseRow(rng *rand.Rand, x []float32) float32 {
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	for i := 21; i < 28; i++ { // derived, correlated features
		x[i] = x[i-21]*x[i-20] + float32(0.5*rng.NormFloat64())
	}
	s := 0.8*x[0] - 0.6*x[1] + 0.5*x[2]*x[3] + float32(math.Sin(float64(x[4]))) + 0.3*x[21] - 0.4*abs(x[5]) + 0.2*x[6]*x[6]
	return label(rng, s)
}

// onehotRow fills 7 numeric features, then 54 indicators of 13 categories.
func onehotRow(rng *rand.Rand, x []float32) float32 {
	for i := range x {
		x[i] = 0
	}
	x[0] = float32(4 + rng.IntN(68))                                // duration
	x[1] = float32(math.Round(math.Exp(7 + rng.NormFloat64()*0.8))) // amount
	x[2] = float32(1 + rng.IntN(4))                                 // rate
	x[3] = float32(1 + rng.IntN(4))                                 // residence
	x[4] = float32(19 + rng.IntN(56))                               // age
	x[5] = float32(1 + rng.IntN(4))                                 // credits
	x[6] = float32(1 + rng.IntN(2))                                 // dependents
	s := -0.02*(x[0]-20) - 0.0001*(x[1]-1100) + 0.01*(x[4]-35)
	at := 7
	for c, n := range levels {
		l := rng.IntN(n)
		x[at+l] = 1
		s += float32((l%3)-1) * 0.3 * float32(c%4+1) / 2
		at += n
	}
	return label(rng, s)
}

func abs(v float32) float32 { return float32(math.Abs(float64(v))) }

// label draws a binary label with probability sigmoid(s).
func label(rng *rand.Rand, s float32) float32 {
	if rng.Float64() < 1/(1+math.Exp(-float64(s))) {
		return 1
	}
	return 0
}
