package data

import (
	"bufio"
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// writeShard writes a seeded rows×61 shard shaped like the reference
// workflow's (7 scaled numeric columns, 54 one-hot columns, a 0/1 label).
// digits is the precision of the numeric columns: -1 for the shortest
// float32 spelling (what gotrain data generate writes), 17 for Python's
// float64 repr (what pandas writes).
func writeShard(b testing.TB, dir string, rows, digits int) string {
	b.Helper()
	p := filepath.Join(dir, "shard_"+strconv.Itoa(digits)+".csv")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for j := range 61 {
		w.WriteString("f" + strconv.Itoa(j) + ",")
	}
	w.WriteString("credit\n")
	rng := rand.New(rand.NewPCG(42, 0))
	var buf []byte
	for range rows {
		for j := range 61 {
			buf = buf[:0]
			if j < 7 {
				v := rng.Float64()
				if digits < 0 {
					buf = strconv.AppendFloat(buf, float64(float32(v)), 'g', -1, 32)
				} else {
					buf = strconv.AppendFloat(buf, v, 'g', digits, 64)
				}
			} else {
				buf = strconv.AppendInt(buf, int64(rng.IntN(2)), 10)
			}
			w.Write(append(buf, ','))
		}
		w.WriteString(strconv.Itoa(rng.IntN(2)) + "\n")
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return p
}

func benchmarkShard(b *testing.B, digits int) {
	p := writeShard(b, b.TempDir(), 100_000, digits)
	st, _ := os.Stat(p)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		d, err := LoadFile(context.Background(), p, Options{Label: "credit", BinaryLabel: true})
		if err != nil || d.Rows != 100_000 || d.Cols != 61 {
			b.Fatal(d, err)
		}
	}
}

// BenchmarkLoadShard100k loads a 100,000 × 61 shard as gotrain data generate
// writes it (shortest float32 spellings).
func BenchmarkLoadShard100k(b *testing.B) { benchmarkShard(b, -1) }

// BenchmarkLoadShard100kPython loads the same shape with the 17-digit
// spellings pandas writes.
func BenchmarkLoadShard100kPython(b *testing.B) { benchmarkShard(b, 17) }

// BenchmarkRecordsDense splits 20,000 records of 28 float32 spellings and
// a label into fields (what every loader does first).
func BenchmarkRecordsDense(b *testing.B) {
	rng := rand.New(rand.NewPCG(10, 11))
	var in []byte
	for j := range 29 {
		in = append(in, 'f', byte('a'+j/10), byte('0'+j%10), ',')
	}
	in[len(in)-1] = '\n'
	for range 20000 {
		for range 28 {
			in = strconv.AppendFloat(in, float64(float32(rng.NormFloat64())), 'g', -1, 32)
			in = append(in, ',')
		}
		in = append(in, '1', '\n')
	}
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		rec, err := NewRecords(bytes.NewReader(in), "bench", Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rec.Next() == nil {
			n++
		}
		if n != 20000 {
			b.Fatal(n)
		}
	}
}
