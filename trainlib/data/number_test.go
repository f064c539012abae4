package data

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestFastFloatMatchesStrconv checks the fast path against strconv on
// seeded random decimal spellings: it must give the same float32 bits.
func TestFastFloatMatchesStrconv(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	formats := []byte{'f', 'e', 'E', 'g'}
	for range 200000 {
		v := rng.NormFloat64() * float64(rng.IntN(1_000_000))
		if rng.IntN(4) == 0 {
			v = float64(rng.Int64N(1 << 40))
		}
		s := strconv.FormatFloat(v, formats[rng.IntN(4)], rng.IntN(17)-1, 64)
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		got, kind := parseNumber([]byte(s), nil)
		if kind != numOK || got != float32(want) {
			t.Fatalf("%q: got %v (kind %d), want %v", s, got, kind, float32(want))
		}
	}
	for s, want := range map[string]float32{"5.00E+05": 5e5, "+1": 1, ".5": 0.5, "1e-3": 0.001, "-0": 0, "1.": 1, "0x1p-2": 0.25, " 3 ": 3, "1e-400": 0} {
		got, kind := parseNumber([]byte(s), nil)
		if kind != numOK || got != want {
			t.Errorf("%q: got %v kind %d, want %v", s, got, kind, want)
		}
	}
	for _, s := range []string{"e5", ".", "+", "1e", "1,5", "--1", "1e+", "abc"} {
		if _, kind := parseNumber([]byte(s), nil); kind != numBad {
			t.Errorf("%q accepted as a number", s)
		}
	}
}

// floatInputs returns n seeded spellings as CSV files hold them: shortest
// float32 spellings of normal values, 17-digit ones, small integers.
func floatInputs(n int) [][]byte {
	rng := rand.New(rand.NewPCG(3, 4))
	out := make([][]byte, n)
	for i := range out {
		v := rng.NormFloat64()
		switch i % 8 {
		case 0:
			out[i] = strconv.AppendInt(nil, int64(rng.IntN(2)), 10)
		default:
			out[i] = strconv.AppendFloat(nil, float64(float32(v)), 'g', -1, 32)
		}
	}
	return out
}

// BenchmarkFastFloat parses the fields of a dense CSV (shortest float32
// spellings and a 0/1 label).
func BenchmarkFastFloat(b *testing.B) {
	in := floatInputs(4096)
	b.ResetTimer()
	sum := 0.0
	for b.Loop() {
		for _, s := range in {
			v, _ := fastFloat(s)
			sum += v
		}
	}
	_ = sum
}

// fastFloat must give strconv.ParseFloat's float64 bit for bit wherever it
// answers (frame keeps float64 values): seeded random spellings in every
// format and precision, and the edges of its fast path.
func TestFastFloat64MatchesStrconv(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	formats := []byte{'f', 'e', 'E', 'g'}
	var in []string
	for range 300000 {
		v := rng.NormFloat64() * math.Pow(10, float64(rng.IntN(50)-25))
		if rng.IntN(4) == 0 {
			v = float64(rng.Int64N(1 << 53))
		}
		in = append(in, strconv.FormatFloat(v, formats[rng.IntN(4)], rng.IntN(19)-1, 64))
		in = append(in, strconv.FormatFloat(float64(float32(v)), 'g', -1, 32))
	}
	in = append(in, "0", "-0", "+0", "0.0", "-0.0e5", "00000000000000000000001.5", "0.0000000000000000000000001",
		"1.00000000000000000000", "123456789012345", "1234567890123456", "12345678901234.5", "1234567890123.45e7",
		"999999999999999", "9999999999999999", "18446744073709551616", "1e22", "1e23", "1e-22", "1e-23", "9007199254740993",
		"4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1e308", "1e309", "1e-400", ".5", "5.", "+.5e+1",
		"-5.E-1", "1e0000000000000005", "1e-0", "0e1000", "1e10000", "1e-10000", "0.000000000000001234567890123456")
	for _, s := range in {
		// As in a record: the field's slice goes on with more digits.
		for _, b := range [][]byte{[]byte(s), []byte(s + "12345678,9")[:len(s)], []byte(s + "e5")[:len(s)]} {
			got, ok := fastFloat(b)
			if !ok {
				continue
			}
			want, err := strconv.ParseFloat(s, 64)
			if err != nil || math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("%q: fastFloat %v (%x), strconv %v (%x) %v", s, got, math.Float64bits(got), want, math.Float64bits(want), err)
			}
		}
	}
	for _, s := range []string{"", "-", "+", ".", "-.", "e5", ".e5", "1e", "1e+", "1.5.5", "1..5", "1e5.5", "--1", "1-", "0x10", "inf", "NaN", "1_0", " 1", "1 ", "1,5"} {
		if v, ok := fastFloat([]byte(s)); ok {
			t.Errorf("%q read as %v", s, v)
		}
	}
	for s, want := range map[string]float64{"-0": math.Copysign(0, -1), "00000000000000000000001.5": 1.5, "1.e5": 1e5, "-.25": -0.25} {
		if got, ok := fastFloat([]byte(s)); !ok || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%q: %v %v, want %v", s, got, ok, want)
		}
	}
}

// FuzzFastFloat: wherever fastFloat answers, strconv agrees bit for bit,
// whatever bytes follow the field.
func FuzzFastFloat(f *testing.F) {
	for _, s := range []string{"1.5", "-0.7903274", "1e22", "0.000001", "12345678901234567", "+.5e-3", "1e"} {
		f.Add([]byte(s+"123456789"), uint8(len(s)))
	}
	f.Fuzz(func(t *testing.T, b []byte, cut uint8) {
		// The field is b[:k]; the bytes after it stay in its capacity, as
		// in a record.
		k := len(b)
		if int(cut) < k {
			k = int(cut)
		}
		got, ok := fastFloat(b[:k])
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(string(b[:k]), 64)
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%q: fastFloat %v, strconv %v %v", b[:k], got, want, err)
		}
	})
}
