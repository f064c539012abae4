package frame

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// writeDense writes a seeded rows × 28 CSV of shortest float32 spellings
// and a 0/1 label, the shape bench/gbdt/gen -kind dense writes.
func writeDense(tb testing.TB, dir string, rows int) string {
	tb.Helper()
	p := filepath.Join(dir, "dense.csv")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for j := range 28 {
		w.WriteString("f" + strconv.Itoa(j) + ",")
	}
	w.WriteString("label\n")
	rng := rand.New(rand.NewPCG(7, 0))
	var buf []byte
	for range rows {
		buf = buf[:0]
		for range 28 {
			buf = strconv.AppendFloat(buf, float64(float32(rng.NormFloat64())), 'g', -1, 32)
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, int64(rng.IntN(2)), 10)
		w.Write(append(buf, '\n'))
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return p
}

// BenchmarkReadDense reads a 200,000 × 29 file of numbers into a Frame
// (what bench/frame/run.sh times against pandas read_csv).
func BenchmarkReadDense(b *testing.B) {
	p := writeDense(b, b.TempDir(), 200_000)
	st, _ := os.Stat(p)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		f, err := Read(p, Options{})
		if err != nil || f.Rows() != 200_000 || f.Cols() != 29 {
			b.Fatal(f, err)
		}
	}
}
