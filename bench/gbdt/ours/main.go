// Command ours trains gotrain's GBDT on a benchmark data set and prints one
// JSON line: load, train (quantile sketch, binning and boosting), boosting
// alone and total seconds, CPU seconds and peak resident memory.
// bench/gbdt/run.sh runs it next to peers.py (XGBoost, LightGBM) on the
// same data and parameters.
package main

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

func main() {
	f32 := flag.String("f32", "", "raw float32 data file written by bench/gbdt/gen")
	csv := flag.String("csv", "", "CSV file (with -label and -drop) instead of -f32")
	label := flag.String("label", "", "label column of -csv")
	drop := flag.String("drop", "", "column of -csv to leave out")
	rounds := flag.Int("rounds", 100, "boosting rounds")
	depth := flag.Int("depth", 6, "max_depth")
	nthread := flag.Int("nthread", 2, "threads")
	profile := flag.String("cpuprofile", "", "write a CPU profile of training here")
	modelOut := flag.String("model", "", "save the trained model here (.json or .ubj), to compare models byte for byte")
	flag.Parse()
	if err := run(*f32, *csv, *label, *drop, *rounds, *depth, *nthread, *profile, *modelOut); err != nil {
		fmt.Fprintln(os.Stderr, "ours:", err)
		os.Exit(1)
	}
}

func run(f32, csv, label, drop string, rounds, depth, nthread int, profile, modelOut string) error {
	ctx := context.Background()
	t0 := time.Now()
	var d *data.Dataset
	var err error
	if csv != "" {
		o := data.Options{Label: label, BinaryLabel: true}
		if drop != "" {
			o.Drop = []string{drop}
		}
		d, err = data.LoadFile(ctx, csv, o)
	} else {
		d, err = readF32(f32)
	}
	if err != nil {
		return err
	}
	load := time.Since(t0).Seconds()
	p := gbdt.DefaultParams()
	p.NumBoostRound, p.MaxDepth, p.NThread = rounds, depth, nthread
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return err
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	cpu0 := cpuSeconds()
	t1 := time.Now()
	// Boosting alone is timed from the end of the first round to the end
	// of the last, scaled to all rounds, as bench/gbdt/peers.py times
	// XGBoost and LightGBM: it leaves out sketching and binning, which the
	// first round's end includes.
	var first time.Time
	var firstCPU float64
	cb := func(r gbdt.RoundReport) bool {
		if r.Round == 0 {
			first, firstCPU = time.Now(), cpuSeconds()
		}
		return false
	}
	res, err := gbdt.TrainLocal(ctx, p, d, nil, cb)
	if err != nil {
		return err
	}
	train := time.Since(t1).Seconds()
	cpu := cpuSeconds() - cpu0
	n := float64(len(res.Model.Trees))
	boost, boostCPU := 0.0, 0.0
	if n > 1 {
		boost = time.Since(first).Seconds() * n / (n - 1)
		boostCPU = (cpuSeconds() - firstCPU) * n / (n - 1)
	}
	if modelOut != "" {
		if err := res.Model.Save(modelOut); err != nil {
			return err
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"impl": "gotrain", "rows": d.Rows, "features": d.Cols, "trees": len(res.Model.Trees),
		"load_s": load, "train_s": train, "train_cpu_s": cpu, "boost_s": boost, "boost_cpu_s": boostCPU,
		"total_s": time.Since(t0).Seconds(), "total_cpu_s": cpuSeconds(),
		"peak_rss_mb": float64(ru.Maxrss) / 1024, "bytes_per_tree": res.Traffic.PerTree(),
	})
}

// cpuSeconds is the process's user and system CPU time so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// readF32 reads the raw format of bench/gbdt/gen.
func readF32(path string) (*data.Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var hdr [2]uint32
	if err := binary.Read(f, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	rows, cols := int(hdr[0]), int(hdr[1])
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if want := int64(8 + 4*rows*(cols+1)); st.Size() != want {
		return nil, fmt.Errorf("%s: %d bytes, the header (%d rows × %d features) says %d: regenerate it with bench/gbdt/gen", path, st.Size(), rows, cols, want)
	}
	d := &data.Dataset{Matrix: *data.NewMatrix(rows, cols), Label: make([]float32, rows)}
	for c := 0; c < cols; c++ {
		d.Names = append(d.Names, fmt.Sprintf("f%d", c))
	}
	if err := readFloats(f, d.Values); err != nil {
		return nil, err
	}
	if err := readFloats(f, d.Label); err != nil {
		return nil, err
	}
	return d, nil
}

// readFloats fills dst from little-endian float32s in chunks.
func readFloats(r io.Reader, dst []float32) error {
	buf := make([]byte, 1<<20)
	for len(dst) > 0 {
		n := min(len(dst), len(buf)/4)
		if _, err := io.ReadFull(r, buf[:4*n]); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			dst[i] = float32frombits(binary.LittleEndian.Uint32(buf[4*i:]))
		}
		dst = dst[n:]
	}
	return nil
}

func float32frombits(b uint32) float32 { return math.Float32frombits(b) }
